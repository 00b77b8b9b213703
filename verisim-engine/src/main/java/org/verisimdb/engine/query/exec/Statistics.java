package org.verisimdb.engine.query.exec;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.plan.PlanJson;
import org.verisimdb.engine.query.plan.PlanNode;
import org.verisimdb.engine.query.plan.SlowQueryLog;
import org.verisimdb.engine.query.proof.Certificate;
import org.verisimdb.model.Modality;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.SelectItem;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Trees;
import org.verisimdb.vql.ast.Value;

/**
 * What the engine learns from each statement it ran: latency per store read (SHOW STATS), the
 * tuner's corrections from the measured plan, and an entry in the slow query log when it was slow.
 */
final class Statistics {
  private Statistics() {}

  static void record(QueryRuntime runtime, PlanCache.Entry entry, Params params, String principal, Instant startedAt, Result result,
      PlanNode plan) {
    runtime.statements.increment();
    double elapsed = result.elapsedMs();
    Set<Modality> named = entry.named;
    if (named == null) {
      named = named(entry.statement);
      entry.named = named;
    }
    Set<Modality> touched = EnumSet.noneOf(Modality.class);
    touched.addAll(named);
    if (plan != null) {
      for (PlanNode n : plan.walk()) {
        if (n.modality() != null) {
          touched.add(Modality.valueOf(n.modality()));
        }
      }
    }
    for (Modality m : touched) {
      runtime.latencies.get(m).add(elapsed);
    }
    if (plan != null && plan.measured()) {
      runtime.tuner.observe(plan);
    }
    if (runtime.slow.isSlow(elapsed)) {
      long rows = result instanceof PageResult p ? p.pageSize() : result.count();
      Map<String, Value> shown = new LinkedHashMap<>();
      Statements.used(entry.statement, params).forEach((name, v) ->
          shown.put(name, runtime.slow.keepsParams() ? org.verisimdb.engine.query.value.ValueJson.fromPlain(v) : new Value.Str("?")));
      runtime.slow.add(new SlowQueryLog.Entry(startedAt, elapsed, principal, Certificate.queryHash(entry.normalized), entry.normalized,
          new Value.Obj(shown), rows, plan == null ? Explain.kind(entry.statement) : plan.bottleneck().operator().wireName(),
          plan == null ? null : PlanJson.node(plan, true)));
    }
  }

  /** The stores a statement's text names: its fields, selected modalities and predicates (its plan adds the stores its steps use). */
  static Set<Modality> named(Statement s) {
    Set<Modality> out = EnumSet.noneOf(Modality.class);
    for (Expr.Field f : Trees.collect(s, Expr.Field.class)) {
      out.add(Modality.valueOf(f.modality().name()));
    }
    for (SelectItem.Whole m : Trees.collect(s, SelectItem.Whole.class)) {
      out.add(Modality.valueOf(m.modality().name()));
    }
    for (Cond c : Trees.collect(s, Cond.class)) {
      String m = c instanceof Cond.And || c instanceof Cond.Or || c instanceof Cond.Not ? null : Conjuncts.modality(c);
      if (m != null) {
        out.add(Modality.valueOf(m));
      }
    }
    return out;
  }
}
