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
  private Transaction tx;

  EngineSession(QueryHost host, String principal, DriftScores drift, org.verisimdb.engine.query.drift.Consistency consistency,
      Cursors cursors) {
    this.host = host;
    this.principal = principal;
    this.statements = new Statements(host, principal, drift, consistency, cursors);
  }

  @Override
  public String principal() {
    return principal;
  }

  @Override
  public Result execute(String text, Bindings parameters) {
    long started = System.nanoTime();
    ParsedStatement parsed = Vql.parse(text);
    List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
    if (parsed.statement() == null || diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw VqlException.of(diagnostics);
    }
    CheckResult check = Checker.check(parsed.statement(), catalog(), parameters);
    diagnostics.addAll(check.diagnostics());
    if (check.hasErrors()) {
      throw VqlException.of(diagnostics);
    }
    List<Diagnostic> warnings = diagnostics.stream().filter(d -> !d.isError()).toList();
    return run(parsed.statement(), text, new Params(parameters), warnings, started);
  }

  @Override
  public PreparedStatement prepare(String text) {
    ParsedStatement parsed = Vql.parse(text);
    if (parsed.statement() == null || parsed.diagnostics().stream().anyMatch(Diagnostic::isError)) {
      throw VqlException.of(parsed.diagnostics());
    }
    CheckResult check = Checker.check(parsed.statement(), catalog());
    if (check.hasErrors()) {
      throw VqlException.of(check.diagnostics());
    }
    String normalized = Vql.normalize(text);
    return new PreparedStatement() {
      @Override
      public String normalizedText() {
        return normalized;
      }

      @Override
      public Result execute(Bindings parameters) {
        return EngineSession.this.execute(text, parameters);
      }
    };
  }

  private Result run(Statement statement, String text, Params params, List<Diagnostic> warnings, long started) {
    try {
      return switch (statement) {
        case Statement.Begin b -> begin(b, warnings, started);
        case Statement.Commit c -> end(true, warnings, started);
        case Statement.Rollback r -> end(false, warnings, started);
        default -> {
          if (tx != null) {
            host.countStatement(tx);
          }
          yield statements.run(statement, params, tx, warnings, started);
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
