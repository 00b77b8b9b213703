package org.verisimdb.engine.query.exec;

import java.util.HashSet;
import java.util.Set;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.OctadId;

/**
 * The index as one statement uses it: a view opened on first use at the statement's snapshot LSN
 * or later, and the octads whose index entries may differ from the snapshot (written by commits
 * after it, or by the statement's transaction). Candidates from the view plus these octads,
 * each checked against the snapshot, are exactly the snapshot's answer.
 */
final class IndexAccess implements AutoCloseable {
  private final QueryHost host;
  private final QueryHost.Scope scope;
  private IndexView view;
  private Set<OctadId> changed;

  IndexAccess(QueryHost host, QueryHost.Scope scope) {
    this.host = host;
    this.scope = scope;
  }

  IndexView view() {
    if (view == null) {
      view = host.indexView(scope.lsn());
    }
    return view;
  }

  /** True when the view holds exactly the snapshot: same LSN and no writes of the transaction. */
  boolean exact() {
    return view().lsn() == scope.lsn() && scope.ownWrites().isEmpty();
  }

  /** The octads the view may hold differently from the snapshot. */
  Set<OctadId> changed() {
    if (changed == null) {
      Set<OctadId> ids = new HashSet<>(host.writtenBetween(scope.lsn(), view().lsn()));
      ids.addAll(scope.ownWrites());
      changed = Set.copyOf(ids);
    }
    return changed;
  }

  @Override
  public void close() {
    if (view != null) {
      view.close();
      view = null;
    }
  }
}
