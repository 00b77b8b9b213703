package org.verisimdb.engine.commit;

import java.util.List;
import org.verisimdb.engine.store.StoredChange;

/**
 * Derived state kept in step with commits (the modality indexes): sees each commit's changes
 * before it is logged, and again once it is applied, in LSN order. Nothing of a transaction
 * reaches a listener before its commit, so a rollback or a failed commit leaves nothing to undo;
 * a commit a listener rejects in {@link #validate} is not written anywhere.
 */
public interface CommitListener {

  /**
   * Called under the commit order before the commit is logged, with every octad change of the
   * transaction; throwing a {@link org.verisimdb.model.error.VeriSimException} refuses the commit
   * and nothing of it is written. Must be quick and must not block.
   */
  default void validate(List<StoredChange> changes) {}

  /** Called once the commit at {@code lsn} is applied and visible, in LSN order, from the committing thread. */
  void applied(long lsn, List<StoredChange> changes);

  /** Called once an import batch committed at {@code lsn} is applied and visible, with the ids of the octads it created. */
  default void imported(long lsn, List<org.verisimdb.model.OctadId> ids) {}
}
