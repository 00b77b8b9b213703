package org.verisimdb.engine.query.exec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.verisimdb.engine.Isolation;
import org.verisimdb.engine.Transaction;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.drift.DriftScores;
import org.verisimdb.engine.query.row.OctadRow;
import org.verisimdb.index.graph.InEdge;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.ModData;
import org.verisimdb.vql.ast.SelectItem;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;

/**
 * INSERT, UPDATE and DELETE (VQL.md §5.9–5.12). A mutation writes one octad atomically in the
 * session's transaction, or in a SNAPSHOT transaction of its own that commits before the result
 * is returned (autocommit). The database appends the automatic provenance record with the
 * principal as actor, followed by the user record of a PROVENANCE datum.
 *
 * <p>A mutation that fails has no effect: its own transaction is rolled back, and in the
 * session's transaction the writes it staged are undone to a savepoint taken before it. A PROOF
 * clause is checked after the write is staged and before it commits ({@link ProofRun#verifyForMutation}); a DELETE's, before it.
 *
 * <p>The result is one row: the RETURNING items projected from the octad after the write (before
 * it, for DELETE) as the transaction reads it, or else {@code {id, operation, version}}.
 */
final class Mutations {
  private static final List<Column> PLAIN = List.of(new Column("id", "string"), new Column("operation", "string"),
      new Column("version", "integer"));

  private final QueryHost host;
  private final String principal;
  private final DriftScores drift;
  private final ProofRun proofs;
  private Long explicitTx;

  Mutations(QueryHost host, String principal, DriftScores drift, ProofRun proofs) {
    this.host = host;
    this.principal = principal;
    this.drift = drift;
    this.proofs = proofs;
  }

  /** What a mutation wrote: the octad, the number of the version it made, the result row, and what its proofs gave. */
  private record Outcome(OctadId id, long version, Value.Obj returned, ProofRun.Outcome proved) {}

  Result run(Statement mutation, Params params, Transaction open, List<Diagnostic> warnings, long started) {
    QueryHost.Savepoint savepoint = open == null ? null : host.savepoint(open);
    Transaction tx = open != null ? open : host.session(principal).begin(Isolation.SNAPSHOT);
    explicitTx = open == null ? null : open.id();
    boolean done = false;
    try {
      Outcome out = switch (mutation) {
        case Statement.Insert i -> insert(i, params, tx);
        case Statement.Update u -> update(u, params, tx);
        case Statement.Delete d -> delete(d, params, tx);
        default -> throw new IllegalArgumentException("not a mutation: " + mutation);
      };
      if (open == null) {
        tx.commit();
      }
      done = true;
      List<Diagnostic> all = new java.util.ArrayList<>(warnings);
      all.addAll(out.proved().warnings());
      Value.Obj certificate = out.proved().certificate();
      List<SelectItem> returning = returning(mutation);
      if (!returning.isEmpty()) {
        return new PageResult(new Projection(returning).columns, List.of(out.returned()), null, certificate, null, all, started, null);
      }
      String operation = mutation.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
      Map<String, Value> row = new LinkedHashMap<>();
      row.put("id", new Value.Str(out.id().value()));
      row.put("operation", new Value.Str(operation));
      row.put("version", new Value.Int(out.version()));
      return new PageResult(PLAIN, List.of(new Value.Obj(row)), null, certificate, null, all, started, null);
    } catch (VeriSimException e) {
      throw Errors.of(e);
    } finally {
      if (!done) {
        if (open == null) {
          tx.rollback();
        } else {
          savepoint.undo();
        }
      }
      if (savepoint != null) {
        savepoint.close();
      }
    }
  }

  private Outcome insert(Statement.Insert i, Params params, Transaction tx) {
    OctadId id = i.id() == null ? null : id(i.id(), params);
    Octad created;
    try {
      created = tx.create(ModDataInput.insert(id, i.data(), params));
    } catch (VeriSimException e) {
      throw Errors.at(e, spanOf(e, i.data(), i.id()));
    }
    return after(i, i.proofs(), i.returning(), null, created, tx, params);
  }

  private Outcome update(Statement.Update u, Params params, Transaction tx) {
    OctadId id = id(u.id(), params);
    OctadPatch patch = u.set().isEmpty() ? ModDataInput.update(u.data(), params) : SetItemPatch.of(u.set(), params);
    org.verisimdb.model.Octad before = u.proofs().isEmpty() ? null : existing(tx, id, live -> live.row().octad());
    Octad updated;
    try {
      updated = tx.update(id, patch);
    } catch (VeriSimException e) {
      throw Errors.at(e, spanOf(e, u.data(), u.id()));
    }
    return after(u, u.proofs(), u.returning(), before, updated, tx, params);
  }

  // Proved on the pre-delete state (§5.12), then deleted; RETURNING gives the old values.
  private Outcome delete(Statement.Delete d, Params params, Transaction tx) {
    OctadId id = id(d.id(), params);
    record Before(Value.Obj returned, ProofRun.Outcome proved) {}
    Before before = existing(tx, id, live -> {
      Value.Obj returned = d.returning().isEmpty() ? null : project(d.returning(), live.row(), params);
      ProofRun.Outcome proved = d.proofs().isEmpty() ? ProofRun.Outcome.NONE
          : proofs.verifyForMutation(d, params, live.row().octad(), null, returned == null ? List.of() : List.of(returned), live.view());
      return new Before(returned, proved);
    });
    long version = tx.delete(id);
    return new Outcome(id, version, before.returned(), before.proved());
  }

  // The octad as written, read back in the transaction: the proofs and RETURNING see it.
  private Outcome after(Statement mutation, List<?> proofClause, List<SelectItem> returning, org.verisimdb.model.Octad before,
      Octad written, Transaction tx, Params params) {
    if (proofClause.isEmpty() && returning.isEmpty()) {
      return new Outcome(written.id(), written.version(), null, ProofRun.Outcome.NONE);
    }
    return existing(tx, written.id(), live -> {
      Value.Obj returned = returning.isEmpty() ? null : project(returning, live.row(), params);
      ProofRun.Outcome proved = proofClause.isEmpty() ? ProofRun.Outcome.NONE
          : proofs.verifyForMutation(mutation, params, before, live.row().octad(), returned == null ? List.of() : List.of(returned), live.view());
      return new Outcome(written.id(), written.version(), returned, proved);
    });
  }

  /** A live octad's row in a read view that is open, and the view as proofs read it. */
  private record Live(OctadRow row, ProofRun.View view) {}

  /** Reads the live octad {@code id} in {@code tx} and applies {@code use} to it while the read view is open. */
  private <T> T existing(Transaction tx, OctadId id, Function<Live, T> use) {
    int historyLimit = host.config().historyLimit();
    try (QueryHost.Scope scope = host.open(tx, id); IndexAccess index = new IndexAccess(host, scope)) {
      CurrentReader reader = new CurrentReader(scope.store(), index, historyLimit);
      OctadRow row = reader.row(id);
      if (row.octad() == null) {
        throw new VqlException(DiagnosticCode.EXEC_001, "octad '" + id + "' does not exist");
      }
      return use.apply(new Live(row, new ProofRun.View(reader, scope.snapshotTime(), explicitTx)));
    }
  }

  /** The RETURNING items of a row (§5.12, §9.2); aggregates and graph variables were rejected by the checker. */
  private Value.Obj project(List<SelectItem> items, OctadRow row, Params params) {
    return new Projection(items).row(row, e -> value(e, row, params));
  }

  private Value value(Expr e, OctadRow row, Params params) {
    return switch (e) {
      case Expr.Field f -> row.field(f.modality(), f.path());
      case Expr.Pseudo p -> switch (p.column()) {
        case ID -> new Value.Str(row.id().value());
        case DRIFT_SCORE -> new Value.Flt(drift.overall(row.octad()));
        // similarity, distance_km and score have no defining predicate in a mutation (§4.4)
        case SIMILARITY, DISTANCE_KM, SCORE -> Value.NULL;
      };
      case Expr.Drift d -> new Value.Flt(drift.pair(row.octad(), Evaluator.modality(d.first()), Evaluator.modality(d.second())));
      case Expr.Term t -> params.value(t);
      default -> throw new IllegalStateException("RETURNING item " + e + " is not a column");
    };
  }

  private static List<SelectItem> returning(Statement mutation) {
    return switch (mutation) {
      case Statement.Insert i -> i.returning();
      case Statement.Update u -> u.returning();
      case Statement.Delete d -> d.returning();
      default -> List.of();
    };
  }

  private static OctadId id(Expr.Term term, Params params) {
    try {
      return OctadId.of(params.string(term));
    } catch (VeriSimException e) {
      throw Errors.at(e, term.span());
    }
  }

  /** Where the text gave what the database rejected: the datum of the modality its field path names, or the id. */
  private static Span spanOf(VeriSimException e, List<ModData> data, Expr.Term id) {
    String field = e.field();
    if (field == null) {
      return null;
    }
    if (field.equals("id")) {
      return id == null ? null : id.span();
    }
    String modality = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
    for (ModData d : data) {
      if (d.modality().name().equalsIgnoreCase(modality)) {
        return d.span();
      }
    }
    return null;
  }
}
