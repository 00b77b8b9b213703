package org.verisimdb.engine.query.exec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verisimdb.engine.Transaction;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.drift.DriftScores;
import org.verisimdb.engine.query.plan.PlanNode;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.AsOf;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.SelectItem;
import org.verisimdb.vql.ast.Source;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.FieldCatalog;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;
import org.verisimdb.vql.format.Printer;

/** Runs the statements other than BEGIN, COMMIT and ROLLBACK for a session. */
final class Statements {
  private final QueryHost host;
  private final String principal;
  private final DriftScores drift;
  private final org.verisimdb.engine.query.drift.Consistency consistency;
  private final Cursors cursors;
  private final QueryRuntime runtime;
  private final ProofRun proofs;
  /** The plan of the last SELECT this session ran (measured when it ran), or null. */
  PlanNode lastPlan;
  /** The proof outcomes of the last SELECT this session ran, one per written spec. */
  private List<Explain.ProofOutcome> lastProofs = List.of();

  /** What a SELECT is asked to do: run, plan only (EXPLAIN), or run and measure (EXPLAIN ANALYZE). */
  enum Mode { RUN, EXPLAIN, ANALYZE }

  Statements(QueryHost host, String principal, DriftScores drift, org.verisimdb.engine.query.drift.Consistency consistency,
      Cursors cursors, QueryRuntime runtime) {
    this.runtime = runtime;
    this.consistency = consistency;
    this.host = host;
    this.principal = principal;
    this.drift = drift;
    this.cursors = cursors;
    this.proofs = new ProofRun(new org.verisimdb.engine.query.proof.BuiltInProofs(), drift,
        org.verisimdb.engine.query.proof.ProofContext.DEFAULT_FRESHNESS, ProofRun.EMBEDDED_ISSUER);
  }

  Result run(Statement statement, Params params, Transaction tx, List<Diagnostic> warnings, long started, PlanCache.Entry entry) {
    return switch (statement) {
      case Statement.Select s -> select(s, params, tx, warnings, started, Mode.RUN, entry);
      case Statement.SearchText t -> select(expand(t), params, tx, warnings, started, Mode.RUN, entry);
      case Statement.SearchVector v -> select(expand(v), params, tx, warnings, started, Mode.RUN, entry);
      case Statement.Explain e -> explain(e, params, tx, warnings, started, entry);
      case Statement.Show sh when sh.kind() == Statement.ShowKind.MODALITIES -> modalities(sh, params, warnings, started);
      case Statement.Show sh when sh.kind() == Statement.ShowKind.STATS ->
          PageResult.rows(ShowStats.STATS_COLUMNS, ShowStats.stats(host, runtime, limit(sh, params)), warnings, started);
      case Statement.Show sh when sh.kind() == Statement.ShowKind.SLOW_QUERIES ->
          PageResult.rows(ShowStats.SLOW_COLUMNS, ShowStats.slow(runtime, limit(sh, params)), warnings, started);
      case Statement.Insert _, Statement.Update _, Statement.Delete _ -> new Mutations(host, principal, drift, proofs).run(statement, params, tx,
          warnings, started);
      case Statement.Show sh when sh.kind() == Statement.ShowKind.DRIFT -> PageResult.rows(ShowDrift.COLUMNS, ShowDrift.rows(host, drift, tx,
          sh.above() == null ? ShowDrift.DEFAULT_THRESHOLD : params.number(sh.above()), limit(sh, params)), warnings, started);
      case Statement.Show sh when sh.kind() == Statement.ShowKind.TRANSACTIONS -> PageResult.rows(ShowTransactions.COLUMNS,
          ShowTransactions.rows(host, principal, limit(sh, params)), warnings, started);
      case Statement.Normalize n -> throw NormalizeStatement.refuse(host, n, params, tx);
      default -> throw new VqlException(DiagnosticCode.EXEC_004, "this node does not run " + Explain.kind(statement) + " statements yet");
    };
  }

  private int limit(Statement.Show sh, Params params) {
    return sh.limit() == null ? host.config().defaultLimit() : (int) params.integer(sh.limit());
  }

  private Result explain(Statement.Explain e, Params params, Transaction tx, List<Diagnostic> warnings, long started,
      PlanCache.Entry entry) {
    Statement inner = e.statement();
    Statement.Select select = switch (inner) {
      case Statement.Select s -> s;
      case Statement.SearchText t -> expand(t);
      case Statement.SearchVector v -> expand(v);
      default -> null;
    };
    List<org.verisimdb.vql.check.Obligation> obligations = entry == null ? List.of() : entry.check.obligations();
    Mode mode = e.analyze() ? Mode.ANALYZE : Mode.EXPLAIN;
    PlanNode plan;
    if (select != null) {
      lastProofs = List.of();
      try (Result r = select(select, params, tx, warnings, started, mode, null)) {
        plan = lastPlan;
      }
    } else if (inner instanceof Statement.Insert || inner instanceof Statement.Update || inner instanceof Statement.Delete) {
      plan = Explain.mutation(inner, runtime.cost);
      lastProofs = List.of();
      if (e.analyze()) {
        PlanNode write = plan;
        long t0 = System.nanoTime();
        // A failing proof is reported, not raised (§8); the write it guarded is rolled back all the same.
        try (Result r = write.time(() -> run(inner, params, tx, warnings, started, null), x -> 1)) {
          r.rows().forEachRemaining(row -> { });
          lastProofs = Explain.outcomes(r.certificate());
        } catch (VqlException failed) {
          if (failed.code() != DiagnosticCode.PROOF_001) {
            throw failed;
          }
          write.record(0, System.nanoTime() - t0);
          lastProofs = Explain.outcomes(failed.details().get("certificate"));
        }
      }
    } else {
      throw new VqlException(DiagnosticCode.EXEC_004, "EXPLAIN applies to SELECT, SEARCH, INSERT, UPDATE and DELETE, not " + Explain.kind(inner))
          .withHint("explain the query or mutation itself");
    }
    double total = (System.nanoTime() - started) / 1e6;
    Value.Obj obj = Explain.of(inner, e.analyze(), plan, obligations, runtime.cost, lastProofs, total, warnings);
    lastPlan = plan;
    return new PageResult(List.of(), List.of(), null, null, null, warnings, started, obj);
  }

  Result select(Statement.Select s, Params params, Transaction tx, List<Diagnostic> warnings, long started, Mode mode,
      PlanCache.Entry entry) {
    if (s.source() instanceof Source.Federation) {
      throw new VqlException(DiagnosticCode.FED_003, "federation is not configured on this node: FROM FEDERATION is not available on a single node")
          .withHint("query the local database with FROM OCTADS");
    }
    OctadId single = s.source() instanceof Source.Octad o ? OctadId.of(params.string(o.id())) : null;
    int historyLimit = host.config().historyLimit();
    try (QueryHost.Scope scope = host.open(tx, single); IndexAccess index = new IndexAccess(host, scope)) {
      RowReader reader = s.asOf() == null ? new CurrentReader(scope.store(), index, historyLimit, needs(s, entry))
          : new HistoricalReader(scope.store(), host.session(principal).history(), at(s.asOf(), params), historyLimit);
      Quantifiers quantifiers = new Quantifiers(s.where());
      GraphMatcher graph = new GraphMatcher(reader, org.verisimdb.vql.check.Catalog.DEFAULT_MAX_HOPS);
      Definitions defs = new Definitions(s.where(), params, reader, single, host::embedder);
      TextScores scores = new TextScores(index, params);
      Evaluator eval = new Evaluator(reader, graph, params, defs, quantifiers, drift, consistency, scores, host.contracts());
      SelectRun run = new SelectRun(s, eval, defs, params);
      int limit = s.limit() == null ? host.config().defaultLimit() : (int) params.integer(s.limit());
      long offset = s.offset() == null ? 0 : params.integer(s.offset());
      List<Value> after = s.cursor() == null ? null : cursors.resume(params.string(s.cursor()), cursorHash(s, params));
      org.verisimdb.engine.DatabaseStats stats = host.stats();
      String forced = entry == null || mode != Mode.RUN ? null : entry.accessKind(stats);
      SelectPlan plan = new Planner(runtime.cost, params, stats).select(s, reader, index, defs, quantifiers, single, offset, limit,
          after != null, forced);
      if (entry != null && forced == null && mode == Mode.RUN) {
        entry.chose(plan.access().getClass().getSimpleName(), stats);
      }
      lastPlan = plan.root();
      if (mode == Mode.EXPLAIN) {
        return PageResult.rows(run.projection().columns, List.of(), warnings, started);
      }
      SelectRun.Page page = run.run(plan, new AccessPaths(reader, index, graph, defs, params, scores, host.config().indexes().candidates()), reader, offset, limit, after);
      ProofRun.Outcome proved = proofs.select(s, params, page.subjects(), page.rows(), Grouping.isAggregateQuery(s), mode == Mode.ANALYZE,
          new ProofRun.View(reader, scope.snapshotTime(), tx == null ? null : tx.id()));
      lastProofs = proved.proofs();
      List<Diagnostic> all = new ArrayList<>(warnings);
      all.addAll(proved.warnings());
      if (run.ignoredNonNumeric) {
        all.add(Diagnostic.of(DiagnosticCode.WARN_008, s.span(), "values that are not numbers were ignored by SUM or AVG"));
      }
      String next = page.nextKey() == null ? null : cursors.issue(cursorHash(s, params), page.nextKey());
      return new PageResult(run.projection().columns, page.rows(), next, proved.certificate(), null, all, started, null);
    }
  }

  // The modalities a SELECT reads, worked out once per cached statement.
  private static java.util.Set<Modality> needs(Statement.Select s, PlanCache.Entry entry) {
    if (entry == null) {
      return Needs.of(s);
    }
    java.util.Optional<java.util.Set<Modality>> known = entry.needs;
    if (known == null) {
      known = java.util.Optional.ofNullable(Needs.of(s));
      entry.needs = known;
    }
    return known.orElse(null);
  }

  private static HistoricalReader.At at(AsOf asOf, Params params) {
    return switch (asOf) {
      case AsOf.AtTime t -> {
        Instant i = params.time(t.time()).instant();
        yield new HistoricalReader.At.Time(i.isAfter(Instant.now()) ? Instant.now() : i);
      }
      case AsOf.AtVersion v -> switch (params.value(v.version())) {
        case Value.Int n -> new HistoricalReader.At.Version(n.value());
        case Value other -> new HistoricalReader.At.Label(params.string(v.version()));
      };
    };
  }

  /** What a cursor of {@code s} is bound to: its text without LIMIT, OFFSET and CURSOR, and the values it uses. */
  private static String cursorHash(Statement.Select s, Params params) {
    Statement.Select unpaged = withoutPaging(s);
    return Cursors.statementHash(Printer.print(unpaged), used(unpaged, params));
  }

  private static Statement.Select withoutPaging(Statement.Select s) {
    return new Statement.Select(s.span(), s.items(), s.source(), s.asOf(), s.where(), s.groupBy(), s.having(), s.proofs(), s.orderBy(),
        null, null, null);
  }

  /** The values of the parameters {@code s} uses, by name ($1 or :name): those of LIMIT, OFFSET and CURSOR left out. */
  static Map<String, Object> used(Statement s, Params params) {
    Map<String, Object> out = new java.util.TreeMap<>();
    for (Expr.Positional p : org.verisimdb.vql.ast.Trees.collect(s, Expr.Positional.class)) {
      out.put("$" + p.index(), org.verisimdb.engine.query.value.ValueJson.toPlain(params.value(p)));
    }
    for (Expr.Named n : org.verisimdb.vql.ast.Trees.collect(s, Expr.Named.class)) {
      out.put(":" + n.name(), org.verisimdb.engine.query.value.ValueJson.toPlain(params.value(n)));
    }
    return out;
  }

  /** {@code SEARCH TEXT s [LIMIT k]} as the SELECT of §5.16. */
  static Statement.Select expand(Statement.SearchText t) {
    Span n = Span.NONE;
    List<SelectItem> items = List.of(new SelectItem.Column(n, new Expr.Pseudo(n, Expr.PseudoColumn.ID), null),
        new SelectItem.Column(n, new Expr.Pseudo(n, Expr.PseudoColumn.SCORE), null),
        new SelectItem.Column(n, new Expr.Field(n, org.verisimdb.vql.ast.Modality.DOCUMENT, List.of("title")), null));
    return new Statement.Select(t.span(), items, new Source.All(n), null, new Cond.FullText(t.span(), t.query()), List.of(), null,
        List.of(), List.of(new org.verisimdb.vql.ast.Clauses.OrderItem(n, new Expr.Pseudo(n, Expr.PseudoColumn.SCORE), true)), t.limit(),
        null, null);
  }

  /** {@code SEARCH VECTOR SIMILAR TO a …} as the SELECT of §5.16. */
  static Statement.Select expand(Statement.SearchVector v) {
    Span n = Span.NONE;
    List<SelectItem> items = List.of(new SelectItem.Column(n, new Expr.Pseudo(n, Expr.PseudoColumn.ID), null),
        new SelectItem.Column(n, new Expr.Pseudo(n, Expr.PseudoColumn.SIMILARITY), null),
        new SelectItem.Column(n, new Expr.Field(n, org.verisimdb.vql.ast.Modality.DOCUMENT, List.of("title")), null));
    return new Statement.Select(v.span(), items, new Source.All(n), null,
        new Cond.VectorSimilar(v.span(), v.anchor(), v.threshold(), v.metric()), List.of(), null, List.of(),
        List.of(new org.verisimdb.vql.ast.Clauses.OrderItem(n, new Expr.Pseudo(n, Expr.PseudoColumn.SIMILARITY), true)), v.limit(), null, null);
  }

  private Result modalities(Statement.Show sh, Params params, List<Diagnostic> warnings, long started) {
    org.verisimdb.engine.DatabaseStats stats = host.stats();
    List<Value.Obj> rows = new ArrayList<>();
    int limit = sh.limit() == null ? host.config().defaultLimit() : (int) params.integer(sh.limit());
    for (Modality m : Modality.values()) {
      if (rows.size() >= limit) {
        break;
      }
      Map<String, Value> row = new LinkedHashMap<>();
      row.put("modality", new Value.Str(m.name()));
      row.put("octads", new Value.Int(stats.count(m)));
      row.put("store", new Value.Str(m.name().toLowerCase(Locale.ROOT)));
      List<Value> fields = new ArrayList<>();
      List<String> names = m == Modality.DOCUMENT ? List.of("title", "body")
          : FieldCatalog.names(org.verisimdb.vql.ast.Modality.valueOf(m.name()));
      names.forEach(f -> fields.add(new Value.Str(f)));
      row.put("fields", new Value.Arr(fields));
      rows.add(new Value.Obj(row));
    }
    List<Column> columns = List.of(new Column("modality", "string"), new Column("octads", "integer"), new Column("store", "string"),
        new Column("fields", "array"));
    return PageResult.rows(columns, rows, warnings, started);
  }
}
