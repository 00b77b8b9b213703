package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.verisimdb.engine.query.plan.CostModel;
import org.verisimdb.engine.query.plan.Operator;
import org.verisimdb.engine.query.plan.PlanJson;
import org.verisimdb.engine.query.plan.PlanNode;
import org.verisimdb.engine.query.proof.Certificate;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Obligation;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.format.Printer;

/** The EXPLAIN object of VQL.md §8, from a plan (and, under ANALYZE, what it measured). */
final class Explain {
  private Explain() {}

  /** A proof obligation as EXPLAIN reports it; the verification members are null until it has been verified. */
  record ProofOutcome(double actualMs, boolean verified, String reason) {}

  static Value.Obj of(Statement inner, boolean analyze, PlanNode plan, List<Obligation> obligations, CostModel cost,
      List<ProofOutcome> outcomes, double actualTotalMs, List<Diagnostic> warnings) {
    String statement = Printer.print(inner);
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("mode", new Value.Str(analyze ? "EXPLAIN ANALYZE" : "EXPLAIN"));
    m.put("statement", new Value.Str(statement));
    m.put("query_hash", new Value.Str(Certificate.queryHash(statement)));
    m.put("plan", PlanJson.node(plan, analyze));
    List<Value> proofs = new ArrayList<>();
    double total = plan.estimatedCostMs();
    for (int i = 0; i < obligations.size(); i++) {
      Obligation o = obligations.get(i);
      long subjects = Math.max(0, Math.min(o.estimatedSubjects(), Math.round(Math.max(1, plan.estimatedRows()))));
      double ms = subjects * cost.proofPerSubject(o.type());
      total += ms;
      ProofOutcome out = analyze && outcomes != null && i < outcomes.size() ? outcomes.get(i) : null;
      Map<String, Value> p = new LinkedHashMap<>();
      p.put("type", new Value.Str(o.type()));
      p.put("argument", o.argument() == null ? Value.NULL : new Value.Str(o.argument()));
      List<Value> mods = new ArrayList<>();
      new TreeSet<>(o.requiredModalities().stream().map(x -> x.name()).toList()).forEach(x -> mods.add(new Value.Str(x)));
      p.put("required_modalities", new Value.Arr(mods));
      p.put("estimated_subjects", new Value.Int(subjects));
      p.put("estimated_cost_ms", new Value.Flt(PlanJson.round(ms)));
      p.put("actual_ms", out == null || Double.isNaN(out.actualMs()) ? Value.NULL : new Value.Flt(PlanJson.round(out.actualMs())));
      p.put("verified", out == null ? Value.NULL : (out.verified() ? Value.TRUE : Value.FALSE));
      p.put("reason", out == null || out.reason() == null ? Value.NULL : new Value.Str(out.reason()));
      proofs.add(new Value.Obj(p));
    }
    m.put("proof_obligations", new Value.Arr(proofs));
    m.put("estimated_total_ms", new Value.Flt(PlanJson.round(total)));
    m.put("actual_total_ms", analyze ? new Value.Flt(PlanJson.round(actualTotalMs)) : Value.NULL);
    List<Value> w = new ArrayList<>();
    for (Diagnostic d : warnings) {
      w.add(org.verisimdb.engine.query.VqlException.diagnosticObject(d));
    }
    m.put("warnings", new Value.Arr(w));
    return new Value.Obj(m);
  }

  /** The outcome of each proof a certificate lists (no time of its own: actual_ms is null), or none without a certificate. */
  static List<ProofOutcome> outcomes(Value certificate) {
    List<ProofOutcome> out = new ArrayList<>();
    if (certificate instanceof Value.Obj c && c.get("proofs") instanceof Value.Arr proofs) {
      for (Value v : proofs.elements()) {
        Value.Obj p = (Value.Obj) v;
        out.add(new ProofOutcome(Double.NaN, Value.TRUE.equals(p.get("verified")), p.get("reason") instanceof Value.Str r ? r.value() : null));
      }
    }
    return out;
  }

  /** The plan of a mutation: the write over a lookup of its octad. */
  static PlanNode mutation(Statement s, CostModel cost) {
    Operator op = switch (s) {
      case Statement.Insert i -> Operator.INSERT;
      case Statement.Update u -> Operator.UPDATE;
      default -> Operator.DELETE;
    };
    List<PlanNode> children = new ArrayList<>();
    Map<String, Object> d = new LinkedHashMap<>();
    String id = switch (s) {
      case Statement.Insert i -> i.id() == null ? null : org.verisimdb.vql.format.CondPrinter.text(i.id());
      case Statement.Update u -> org.verisimdb.vql.format.CondPrinter.text(u.id());
      case Statement.Delete x -> org.verisimdb.vql.format.CondPrinter.text(x.id());
      default -> null;
    };
    d.put("id", id);
    double lookup = 0;
    if (op != Operator.INSERT) {
      PlanNode l = Planner.node(Operator.OCTAD_LOOKUP, null, Map.of("id", id), 1, cost.perUnit("lookup"), List.of());
      children.add(l);
      lookup = l.estimatedCostMs();
    }
    return Planner.node(op, null, d, 1, lookup + cost.perUnit("write"), children);
  }

  static String kind(Statement s) {
    return s.getClass().getSimpleName().toUpperCase(Locale.ROOT);
  }
}
