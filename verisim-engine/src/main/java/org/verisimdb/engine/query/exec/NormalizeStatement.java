package org.verisimdb.engine.query.exec;

import org.verisimdb.engine.Transaction;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * {@code NORMALIZE OCTAD id [USING STRATEGY s]} (VQL.md §5.15). This node has no normalizer, so
 * the statement repairs nothing: a missing octad is VQL-EXEC-001 as the language requires, any
 * other octad VQL-EXEC-004. Nothing is written either way.
 */
final class NormalizeStatement {
  private NormalizeStatement() {}

  static VqlException refuse(QueryHost host, Statement.Normalize n, Params params, Transaction tx) {
    OctadId id;
    try {
      id = OctadId.of(params.string(n.id()));
    } catch (VeriSimException e) {
      return Errors.at(e, n.id().span());
    }
    try (QueryHost.Scope scope = host.open(tx, id)) {
      OctadHeader header = scope.store().header(id);
      if (header == null || !header.live()) {
        return new VqlException(DiagnosticCode.EXEC_001, "octad '" + id + "' does not exist");
      }
    }
    return new VqlException(DiagnosticCode.EXEC_004, "NORMALIZE is not available: this node has no normalizer yet")
        .withHint("find drifted octads with SHOW DRIFT and repair one with UPDATE OCTAD … WITH its regenerated modality");
  }
}
