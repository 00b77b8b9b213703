package org.verisimdb.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.verisimdb.engine.commit.CommitListener;
import org.verisimdb.engine.commit.CommitPipeline;
import org.verisimdb.engine.commit.OverlayView;
import org.verisimdb.engine.store.Counts;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.engine.store.StoredChange;
import org.verisimdb.engine.txn.LockManager;
import org.verisimdb.engine.txn.ReadSet;
import org.verisimdb.engine.txn.RecentWrites;
import org.verisimdb.engine.txn.Snapshots;
import org.verisimdb.engine.write.OctadWriter;
import org.verisimdb.engine.write.WriteOp;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.WriteBatch;

/**
 * Commits the writes of a transaction (or of one autocommitted operation) as one log record:
 * under the plan lock it checks that no other transaction holds a lock on what they change,
 * validates them for the isolation level (first committer wins; a serializable transaction's
 * reads against {@link RecentWrites}), plans them again against the newest committed state and
 * stages them into one batch with one commit time; the {@link CommitPipeline} logs, syncs and
 * applies it. Thread-safe.
 */
final class Committer {
  /** Another transaction holds a lock the commit needs: wait for it outside the plan lock, then try again. */
  private static final class LockWait extends RuntimeException {
    final LockManager.LockKey key;

    LockWait(LockManager.LockKey key) {
      super(null, null, false, false);
      this.key = key;
    }
  }

  /** What a commit did: its LSN and each octad change, in the order of the writes. */
  record Committed(long lsn, List<StoredChange> changes) {}

  private final CommitPipeline pipeline;
  private final OctadWriter writer;
  private final CommitClock clock;
  private final DatabaseConfig config;
  private final OctadStore planStore;
  private final LockManager locks = new LockManager();
  private final RecentWrites recentWrites = new RecentWrites();
  private final Snapshots snapshots;
  private final AtomicLong transactionIds = new AtomicLong();
  private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Counts counts;
  private Counts pendingCounts; // guarded by the plan lock

  /** The database clock's time now (what a transaction stamps the records it stages with). */
  Instant now() {
    return clock.now();
  }

  Committer(CommitPipeline pipeline, OctadWriter writer, CommitClock clock, DatabaseConfig config, Counts counts) {
    this.pipeline = pipeline;
    this.writer = writer;
    this.clock = clock;
    this.config = config;
    this.planStore = new OctadStore(pipeline.planningView());
    this.snapshots = new Snapshots(pipeline::visibleLsn);
    this.counts = counts;
    this.pendingCounts = counts;
  }

  /**
   * WRITE_CONFLICT when a commit after {@code snapshot}, logged or applied, wrote {@code id}
   * (first committer wins); null when none did.
   */
  VeriSimException conflictAfter(long txn, OctadId id, long snapshot) {
    long last = planStore.lastCommitLsn(id);
    return last <= snapshot ? null : new VeriSimException(ErrorCode.WRITE_CONFLICT, "transaction " + txn + ": octad '" + id
        + "' was committed by another transaction (LSN " + last + ") after this transaction's snapshot (LSN " + snapshot
        + "); the first committer wins. The transaction is rolled back: retry it");
  }

  long nextTransactionId() {
    return transactionIds.incrementAndGet();
  }

  RecentWrites recentWrites() {
    return recentWrites;
  }

  LockManager locks() {
    return locks;
  }

  Snapshots snapshots() {
    return snapshots;
  }

  Counts counts() {
    return counts;
  }

  void addListener(CommitListener listener) {
    listeners.add(listener);
  }

  /**
   * Commits {@code ops} of transaction {@code txn}. {@code isolation} null is an autocommitted
   * operation: planned on the newest state, its own errors reported as they are. Otherwise a
   * write that no longer plans is a WRITE_CONFLICT, and SNAPSHOT and SERIALIZABLE validate
   * against {@code snapshot}. Waits for locks other transactions hold on what the writes touch.
   */
  Committed commit(long txn, List<WriteOp> ops, Isolation isolation, long snapshot, ReadSet reads, String principal) {
    while (true) {
      try {
        return pipeline.commit(lsn -> plan(txn, ops, isolation, snapshot, reads, principal, lsn));
      } catch (LockWait wait) {
        locks.acquire(txn, wait.key, config.transactions().lockTimeout());
      }
    }
  }

  private CommitPipeline.Planned<Committed> plan(long txn, List<WriteOp> ops, Isolation isolation, long snapshot, ReadSet reads,
      String principal, long lsn) {
    for (WriteOp op : ops) {
      LockManager.LockKey held = locks.heldByOther(txn, op.id(), op.touches());
      if (held != null) {
        throw new LockWait(held);
      }
    }
    if (isolation == Isolation.SNAPSHOT || isolation == Isolation.SERIALIZABLE) {
      for (WriteOp op : ops) {
        VeriSimException conflict = conflictAfter(txn, op.id(), snapshot);
        if (conflict != null) {
          throw conflict;
        }
      }
    }
    if (isolation == Isolation.SERIALIZABLE && reads != null && !reads.isEmpty()) {
      Map.Entry<Long, OctadId> changed = recentWrites.firstAfter(snapshot, reads::covers);
      if (changed != null) {
        throw new VeriSimException(ErrorCode.SERIALIZATION_FAILURE, "transaction " + txn + " read octad '" + changed.getValue()
            + "' (or listed its range), which another transaction changed (LSN " + changed.getKey() + ") after this transaction's"
            + " snapshot (LSN " + snapshot + "); committing could not equal any serial order. The transaction is rolled back: retry it");
      }
    }
    Instant now = clock.next();
    // Later writes of the transaction see the earlier ones; a single write needs no overlay.
    OverlayView staged = ops.size() == 1 ? null : new OverlayView(pipeline.planningView());
    OctadStore view = staged == null ? planStore : new OctadStore(staged);
    WriteBatch batch = new WriteBatch();
    List<StoredChange> changes = new ArrayList<>(ops.size());
    List<OctadId> written = new ArrayList<>(ops.size());
    Counts before = pendingCounts;
    Counts after = before;
    for (WriteOp op : ops) {
      StoredChange change;
      OctadHeader previous = view.header(op.id());
      try {
        change = op.plan(writer, view, principal, now);
      } catch (VeriSimException e) {
        if (isolation == null) {
          throw e;
        }
        throw new VeriSimException(ErrorCode.WRITE_CONFLICT, "transaction " + txn + ": the " + op.describe() + " no longer applies to"
            + " the newest committed state (" + e.getMessage() + "); the transaction is rolled back: retry it", e);
      }
      Counts next = after.apply(previous != null && previous.live() ? previous.modalities() : null,
          change.header().live() ? change.header().modalities() : null);
      if (staged == null) {
        OctadStore.stage(change, lsn, after, next, batch);
      } else {
        WriteBatch one = new WriteBatch();
        OctadStore.stage(change, lsn, after, next, one);
        staged.stage(one);
        one.ops().forEach(batch::add);
      }
      after = next;
      changes.add(change);
      written.add(op.id());
    }
    for (CommitListener listener : listeners) {
      listener.validate(changes);
    }
    recentWrites.record(lsn, written);
    pendingCounts = after;
    Counts finalCounts = after;
    Committed committed = new Committed(lsn, List.copyOf(changes));
    return new CommitPipeline.Planned<>(batch, now, committed, () -> {
      counts = finalCounts;
      recentWrites.pruneThrough(snapshots.horizon());
      for (CommitListener listener : listeners) {
        listener.applied(lsn, committed.changes());
      }
    });
  }

  /**
   * Commits whole octads (full history and chains, as an export carries them) in one
   * transaction; any id already present fails the batch with OCTAD_ALREADY_EXISTS and nothing of
   * it is written. Returns the LSN of the commit.
   */
  long importBatch(List<Octad> octads) {
    return pipeline.commit(lsn -> {
      Counts before = pendingCounts;
      Counts after = before;
      WriteBatch batch = new WriteBatch();
      List<OctadId> written = new ArrayList<>(octads.size());
      for (Octad octad : octads) {
        OctadHeader existing = planStore.header(octad.id());
        if (existing != null) {
          throw VeriSimException.invalid(ErrorCode.OCTAD_ALREADY_EXISTS, "id", "octad '" + octad.id() + "' already exists"
              + (existing.live() ? "" : " (deleted at version " + existing.version() + ")") + "; import into an empty database");
        }
        after = after.apply(null, OctadStore.stageWhole(octad, lsn, batch).modalities());
        written.add(octad.id());
      }
      OctadStore.stageCounts(before, after, batch);
      recentWrites.record(lsn, written);
      pendingCounts = after;
      Counts finalCounts = after;
      List<OctadId> imported = List.copyOf(written);
      return new CommitPipeline.Planned<>(batch, clock.next(), lsn, () -> {
        counts = finalCounts;
        for (CommitListener listener : listeners) {
          listener.imported(lsn, imported);
        }
      });
    });
  }

  /**
   * Waits until a lock just taken protects what it should: the octad's newest commit, which may
   * be planned but not yet visible, becomes visible. Returns the LSN of that commit (-1: never written).
   */
  long awaitNewest(OctadId id) {
    long last = pipeline.underPlanLock(() -> planStore.lastCommitLsn(id));
    pipeline.awaitVisible(last);
    return last;
  }
}
