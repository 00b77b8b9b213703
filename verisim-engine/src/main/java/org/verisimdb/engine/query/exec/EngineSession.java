package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.verisimdb.engine.Isolation;
import org.verisimdb.engine.Transaction;
import org.verisimdb.engine.query.PreparedStatement;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.engine.query.drift.DriftScores;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.vql.Vql;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Bindings;
import org.verisimdb.vql.check.Catalog;
import org.verisimdb.vql.check.CheckResult;
import org.verisimdb.vql.check.Checker;
import org.verisimdb.vql.check.Contract;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.parse.ParsedStatement;

/**
 * A VQL session over an embedded database: parses, analyses and runs one statement at a time,
 * holding the transaction BEGIN opened (VQL.md §5.13). Not thread-safe, like any session.
 */
public final class EngineSession implements VqlSession {
  private final QueryHost host;
  private final String principal;
  private final Statements statements;
  private final QueryRuntime runtime;
  private Transaction tx;

  EngineSession(QueryHost host, String principal, DriftScores drift, org.verisimdb.engine.query.drift.Consistency consistency,
      Cursors cursors, QueryRuntime runtime) {
    this.host = host;
    this.principal = principal;
    this.runtime = runtime;
    this.statements = new Statements(host, principal, drift, consistency, cursors, runtime);
  }

  @Override
  public String principal() {
    return principal;
  }

  @Override
  public Result execute(String text, Bindings parameters) {
    long started = System.nanoTime();
    Catalog catalog = catalog();
    PlanCache.Entry entry = analysed(text, catalog);
    return execute(entry, catalog, parameters, started);
  }

  @Override
  public PreparedStatement prepare(String text) {
    Catalog catalog = catalog();
    PlanCache.Entry entry = analysed(text, catalog);
    return new PreparedStatement() {
      @Override
      public String normalizedText() {
        return entry.normalized;
      }

      @Override
      public Result execute(Bindings parameters) {
        long started = System.nanoTime();
        Catalog now = catalog();
        PlanCache.Entry current = fingerprint(now).equals(entry.catalog) ? entry : analysed(text, now);
        return EngineSession.this.execute(current, now, parameters, started);
      }
    };
  }

  /** The parsed and checked statement of {@code text}, from the plan cache or analysed now (and cached). */
  private PlanCache.Entry analysed(String text, Catalog catalog) {
    String fingerprint = fingerprint(catalog);
    PlanCache.Entry cached = runtime.plans.byText(text, fingerprint);
    if (cached != null) {
      return cached;
    }
    ParsedStatement parsed = Vql.parse(text);
    List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
    if (parsed.statement() == null || diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw VqlException.of(diagnostics);
    }
    CheckResult check = Checker.check(parsed.statement(), catalog);
    if (check.hasErrors()) {
      diagnostics.addAll(check.diagnostics());
      throw VqlException.of(diagnostics);
    }
    List<Diagnostic> all = new ArrayList<>(diagnostics);
    all.addAll(check.diagnostics());
    CheckResult kept = new CheckResult(all, check.obligations());
    return runtime.plans.put(text, new PlanCache.Entry(parsed.statement(), kept, org.verisimdb.vql.format.Printer.print(parsed.statement()),
        fingerprint));
  }

  private Result execute(PlanCache.Entry entry, Catalog catalog, Bindings parameters, long started) {
    java.time.Instant startedAt = java.time.Instant.now();
    List<Diagnostic> warnings = new ArrayList<>(entry.check.diagnostics().stream().filter(d -> !d.isError()).toList());
    if (parameters != null && parameters != Bindings.NONE) {
      CheckResult bound = Checker.check(entry.statement, catalog, parameters);
      if (bound.hasErrors()) {
        throw VqlException.of(bound.diagnostics());
      }
    }
    statements.lastPlan = null;
    Params params = new Params(parameters == null ? Bindings.NONE : parameters);
    Result result = run(entry.statement, params, warnings, started, entry);
    Statistics.record(runtime, entry, params, principal, startedAt, result, statements.lastPlan);
    return result;
  }

  private Result run(Statement statement, Params params, List<Diagnostic> warnings, long started, PlanCache.Entry entry) {
    try {
      return switch (statement) {
        case Statement.Begin b -> begin(b, warnings, started);
        case Statement.Commit c -> end(true, warnings, started);
        case Statement.Rollback r -> end(false, warnings, started);
        default -> {
          if (tx != null) {
            host.countStatement(tx);
          }
          yield statements.run(statement, params, tx, warnings, started, entry);
        }
      };
    } catch (VeriSimException e) {
      throw Errors.of(e);
    }
  }

  private Result begin(Statement.Begin b, List<Diagnostic> warnings, long started) {
    if (tx != null) {
      throw new VqlException(DiagnosticCode.TX_001, "a transaction is already open (" + tx.id() + "); COMMIT or ROLLBACK it first");
    }
    Isolation level = b.isolation() == null ? Isolation.SNAPSHOT : switch (b.isolation().text()) {
      case "READ COMMITTED" -> Isolation.READ_COMMITTED;
      case "SERIALIZABLE" -> Isolation.SERIALIZABLE;
      default -> Isolation.SNAPSHOT;
    };
    tx = host.session(principal).begin(level);
    return transactionResult(tx, "active", warnings, started);
  }

  private Result end(boolean commit, List<Diagnostic> warnings, long started) {
    if (tx == null) {
      throw new VqlException(DiagnosticCode.TX_002, "no transaction is open; start one with BEGIN");
    }
    Transaction ending = tx;
    tx = null;
    if (!commit) {
      ending.rollback();
      return transactionResult(ending, "rolled_back", warnings, started);
    }
    if (ending.state().equals("aborted")) {
      ending.rollback();
      throw new VqlException(DiagnosticCode.TX_005, "transaction " + ending.id() + " was aborted; it is rolled back");
    }
    try {
      ending.commit();
    } catch (VeriSimException e) {
      throw Errors.of(e);
    }
    return transactionResult(ending, "committed", warnings, started);
  }

  private static Result transactionResult(Transaction t, String state, List<Diagnostic> warnings, long started) {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", new Value.Int(t.id()));
    m.put("isolation", new Value.Str(t.isolation().wireName().toUpperCase(Locale.ROOT)));
    m.put("state", new Value.Str(state));
    return new PageResult(List.of(), List.of(), null, null, new Value.Obj(m), warnings, started, null);
  }

  /** What the cached analysis of a statement depends on: the catalogue's dimension, contracts and limits. */
  private static String fingerprint(Catalog c) {
    StringBuilder b = new StringBuilder();
    b.append(c.vectorDimension()).append('|').append(c.maxLimit()).append('|');
    c.contracts().ifPresent(m -> new java.util.TreeMap<>(m).forEach((k, v) -> b.append(k).append(v).append(';')));
    return b.toString();
  }

  /** What the checker knows of this database: its vector dimension, contracts and stores. */
  Catalog catalog() {
    Map<String, Contract> contracts = new HashMap<>();
    for (String name : host.contracts().names()) {
      List<Contract.Param> declared = new ArrayList<>();
      host.contracts().find(name).ifPresent(c -> c.parameters().keySet()
          .forEach(k -> declared.add(new Contract.Param(k, org.verisimdb.vql.check.VqlType.ANY, false))));
      contracts.put(name, new Contract(name, Contract.Kind.PREDICATE, declared, Set.of()));
    }
    Set<String> stores = new java.util.HashSet<>();
    for (org.verisimdb.model.Modality m : org.verisimdb.model.Modality.values()) {
      stores.add(m.name().toLowerCase(Locale.ROOT));
    }
    return new Catalog(java.util.OptionalInt.of(host.config().vectorDimension()), Optional.of(contracts), Optional.of(stores),
        Optional.empty(), host.config().maxLimit(), org.verisimdb.vql.check.Catalog.DEFAULT_MAX_HOPS);
  }

  @Override
  public void close() {
    if (tx != null) {
      tx.rollback();
      tx = null;
    }
  }
}
