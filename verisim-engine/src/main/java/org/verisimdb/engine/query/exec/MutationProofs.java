package org.verisimdb.engine.query.exec;

import org.verisimdb.engine.Transaction;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.row.OctadRow;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * The PROOF clause of INSERT, UPDATE and DELETE (VQL.md §5.12, §7.4): verified after the write is
 * staged in the transaction and before it commits, so that a failed proof writes nothing. This
 * node does not verify proofs on mutations yet, so every such statement fails and writes nothing.
 */
final class MutationProofs {

  /**
   * Verifies the proofs of {@code mutation} on the octad before the write ({@code before}, null for
   * INSERT) and after it ({@code after}, null for DELETE), both read in {@code tx}; throws when a
   * proof fails or cannot be verified.
   */
  void verifyProofs(Statement mutation, OctadRow before, OctadRow after, Transaction tx) {
    throw new VqlException(DiagnosticCode.EXEC_004, "PROOF clauses on mutations are not verified yet")
        .withHint("run the statement without its PROOF clause, or check the proof with a SELECT … PROOF after it commits");
  }
}
