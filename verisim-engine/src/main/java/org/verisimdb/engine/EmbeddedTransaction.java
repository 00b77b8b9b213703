package org.verisimdb.engine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.verisimdb.engine.codec.FacetFormatV1;
import org.verisimdb.engine.commit.OverlayView;
import org.verisimdb.engine.store.Counts;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.engine.store.StoreKeys;
import org.verisimdb.engine.store.StoredChange;
import org.verisimdb.engine.txn.LockManager;
import org.verisimdb.engine.txn.ReadSet;
import org.verisimdb.engine.write.OctadWriter;
import org.verisimdb.engine.write.WriteOp;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.storage.WriteBatch;

/**
 * A transaction of the embedded database. Its writes are kept as {@link WriteOp}s and staged in a
 * private {@link OverlayView} over the stores, where its own reads find them (stamped LSN 0, so
 * visible at any snapshot); nothing reaches the stores before {@link #commit}, which hands the
 * operations to the {@link Committer}. SNAPSHOT and SERIALIZABLE read at the LSN registered at
 * the first operation; READ COMMITTED registers the visible LSN for each operation.
 *
 * <p>Used by one thread at a time; {@link #expire} may run on another, so state changes are
 * synchronized.
 */
final class EmbeddedTransaction implements Transaction {
  private enum State { ACTIVE, COMMITTED, ROLLED_BACK, ABORTED }

  private final EmbeddedDatabase db;
  private final Committer committer;
  private final OctadWriter writer;
  private final long id;
  private final Isolation isolation;
  private final String principal;
  private final TransactionSettings limits;
  private final int historyLimit;
  private final long startedNanos = System.nanoTime();
  private final Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  private final OverlayView overlay;
  private final List<WriteOp> ops = new ArrayList<>();
  private final ReadSet reads;
  private long snapshot = -1;
  private volatile long lastUsedNanos = startedNanos;
  private State state = State.ACTIVE;
  private VeriSimException abortCause;
  private int savepointOps = -1;
  private int statements;

  EmbeddedTransaction(EmbeddedDatabase db, Committer committer, OctadWriter writer, long id, Isolation isolation, String principal) {
    this.db = db;
    this.committer = committer;
    this.writer = writer;
    this.id = id;
    this.isolation = isolation;
    this.principal = principal;
    this.limits = db.config().transactions();
    this.historyLimit = db.config().historyLimit();
    this.overlay = new OverlayView(db.stores());
    this.reads = isolation == Isolation.SERIALIZABLE ? new ReadSet() : null;
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public Isolation isolation() {
    return isolation;
  }

  @Override
  public String principal() {
    return principal;
  }

  @Override
  public synchronized String state() {
    return switch (state) {
      case ACTIVE -> "active";
      case COMMITTED -> "committed";
      case ROLLED_BACK -> "rolled_back";
      case ABORTED -> "aborted";
    };
  }

  // ---- reads

  @Override
  public Optional<Octad> get(OctadId id) {
    OctadRequests.requireId(id);
    return read("reading octad " + id, view -> {
      track(id);
      return OctadRequests.liveOctad(view, id, historyLimit);
    });
  }

  @Override
  public boolean exists(OctadId id) {
    OctadRequests.requireId(id);
    return read("reading octad " + id, view -> {
      track(id);
      return OctadRequests.isLive(view, id);
    });
  }

  @Override
  public Page<Octad> list(String cursor, int limit) {
    db.checkLimit(limit);
    OctadId after = cursor == null ? null : OctadRequests.decodeCursor(cursor);
    return read("listing octads", view -> {
      Page<Octad> page = OctadRequests.page(view, after, limit, historyLimit);
      if (reads != null) {
        reads.range(after, page.nextCursor() == null ? null : page.items().getLast().id());
      }
      return page;
    });
  }

  private void track(OctadId octad) {
    if (reads != null) {
      reads.octad(octad);
    }
  }

  // ---- writes

  @Override
  public Octad create(OctadInput input) {
    WriteOp op = OctadRequests.createOp(input);
    db.autoEmbedding().prepare(input);
    return write(op);
  }

  @Override
  public Octad update(OctadId id, OctadPatch patch) {
    return write(OctadRequests.updateOp(id, patch));
  }

  @Override
  public long delete(OctadId id) {
    return stage(OctadRequests.deleteOp(id)).version().version();
  }

  private Octad write(WriteOp op) {
    StoredChange change = stage(op);
    return read("reading the written octad " + op.id(), view -> change.header().live()
        ? view.read(op.id(), change.header(), change.facets(), historyLimit) : null);
  }

  private synchronized StoredChange stage(WriteOp op) {
    enter();
    if (ops.size() >= limits.maxWrites()) {
      throw abort(new VeriSimException(ErrorCode.TRANSACTION_LIMIT, "transaction " + id + " would write more than " + limits.maxWrites()
          + " octads (txn.max_writes); it is rolled back: split the work into smaller transactions"));
    }
    long at = snapshotForOperation();
    try {
      VeriSimException conflict = isolation == Isolation.READ_COMMITTED ? null : committer.conflictAfter(id, op.id(), at);
      if (conflict != null) {
        throw abort(conflict);
      }
      track(op.id());
      OctadStore view = new OctadStore(overlay).at(at);
      StoredChange change = op.plan(writer, view, principal, committer.now());
      WriteBatch batch = new WriteBatch();
      OctadStore.stage(change, 0, Counts.ZERO, Counts.ZERO, batch);
      // Every facet of the new version, changed or not: a version another transaction commits with the same number must not show through.
      byte[] versionKey = StoreKeys.versioned(op.id(), change.version().version());
      change.facets().forEach((m, facet) -> batch.put(OctadStore.facetSpace(m), versionKey, FacetFormatV1.encode(facet)));
      if (overlay.bytes() + batch.bytes() > limits.maxBytes()) {
        throw abort(new VeriSimException(ErrorCode.TRANSACTION_LIMIT, "transaction " + id + " would stage more than "
            + (limits.maxBytes() >> 20) + " MiB of writes (txn.max_mb); it is rolled back: split the work into smaller transactions"));
      }
      overlay.stage(batch);
      ops.add(op);
      return change;
    } finally {
      releaseOperationSnapshot(at);
    }
  }

  // ---- locks

  @Override
  public void lock(OctadId id, Modality modality) {
    OctadRequests.requireId(id);
    if (modality == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "modality", "lock needs a modality; lock(id) locks them all");
    }
    lockAll(id, List.of(modality));
  }

  @Override
  public void lock(OctadId id) {
    OctadRequests.requireId(id);
    lockAll(id, List.of(Modality.values()));
  }

  private void lockAll(OctadId octad, List<Modality> modalities) {
    synchronized (this) {
      enter();
    }
    try {
      for (Modality m : modalities) {
        committer.locks().acquire(this.id, new LockManager.LockKey(octad, m), limits.lockTimeout());
      }
    } catch (VeriSimException e) {
      synchronized (this) {
        throw state == State.ACTIVE ? abort(e) : e;
      }
    }
    long newest = committer.awaitNewest(octad);
    synchronized (this) {
      enter();
      if (isolation != Isolation.READ_COMMITTED) {
        long at = snapshotForOperation();
        if (newest > at) {
          throw abort(new VeriSimException(ErrorCode.WRITE_CONFLICT, "transaction " + id + " locked octad '" + octad + "', which another"
              + " transaction committed (LSN " + newest + ") after this transaction's snapshot (LSN " + at + "); the transaction is"
              + " rolled back: retry it"));
        }
      }
    }
  }

  // ---- end

  @Override
  public void commit() {
    List<WriteOp> toCommit;
    synchronized (this) {
      if (state == State.ABORTED) {
        VeriSimException cause = abortCause;
        finish(State.ROLLED_BACK);
        throw new VeriSimException(ErrorCode.TRANSACTION_ABORTED, "transaction " + id + " was aborted (" + cause.code().id() + " "
            + cause.getMessage() + "); it is rolled back now, nothing of it was written", cause);
      }
      enter();
      toCommit = List.copyOf(ops);
      if (toCommit.isEmpty()) {
        finish(State.COMMITTED);
        return;
      }
    }
    try {
      db.indexes().throttle();
      committer.commit(id, toCommit, isolation, snapshot, reads, principal);
      synchronized (this) {
        finish(State.COMMITTED);
      }
      db.afterCommit();
    } catch (VeriSimException e) {
      synchronized (this) {
        finish(State.ROLLED_BACK);
      }
      throw e;
    } catch (RuntimeException e) {
      synchronized (this) {
        finish(State.ROLLED_BACK);
      }
      throw new VeriSimException(ErrorCode.INTERNAL, "unexpected failure while committing transaction " + id + ": " + e, e);
    }
  }

  @Override
  public synchronized void rollback() {
    if (state == State.ACTIVE || state == State.ABORTED) {
      finish(State.ROLLED_BACK);
    }
  }

  @Override
  public void close() {
    rollback();
  }

  /** Aborts the transaction if it has run or idled past its limits; called by the database's reaper. */
  void expire(long nowNanos) {
    VeriSimException reason = null;
    synchronized (this) {
      if (state != State.ACTIVE) {
        return;
      }
      if (nowNanos - startedNanos > limits.maxDuration().toNanos()) {
        reason = new VeriSimException(ErrorCode.TRANSACTION_LIMIT, "transaction " + id + " ran longer than "
            + limits.maxDuration().toSeconds() + " s (txn.max_duration_s) and was aborted");
      } else if (nowNanos - lastUsedNanos > limits.idleTimeout().toNanos()) {
        reason = new VeriSimException(ErrorCode.TRANSACTION_LIMIT, "transaction " + id + " stayed idle longer than "
            + limits.idleTimeout().toSeconds() + " s (txn.idle_timeout_s) and was aborted");
      }
      if (reason != null) {
        abort(reason);
      }
    }
    if (reason != null) {
      committer.locks().cancel(id);
    }
  }

  /** Aborts an open transaction because the database closes. */
  synchronized void abandon() {
    if (state == State.ACTIVE) {
      abort(new VeriSimException(ErrorCode.DATABASE_CLOSED, "the database closed while transaction " + id + " was open"));
    }
  }

  // Marks the transaction aborted (locks and snapshot released, writes dropped) and returns the cause to throw.
  private VeriSimException abort(VeriSimException cause) {
    abortCause = cause;
    state = State.ABORTED;
    release();
    return cause;
  }

  private void finish(State end) {
    state = end;
    release();
    db.forget(this);
  }

  private void release() {
    overlay.clear();
    ops.clear();
    committer.locks().releaseAll(id);
    if (snapshot >= 0) { // only SNAPSHOT and SERIALIZABLE hold one
      committer.snapshots().release(snapshot);
    }
    snapshot = -1;
  }

  // Checks the transaction may run an operation now.
  private void enter() {
    db.checkOpen();
    switch (state) {
      case ACTIVE -> {
        long now = System.nanoTime();
        if (now - startedNanos > limits.maxDuration().toNanos()) {
          throw abort(new VeriSimException(ErrorCode.TRANSACTION_LIMIT, "transaction " + id + " ran longer than "
              + limits.maxDuration().toSeconds() + " s (txn.max_duration_s); it is rolled back"));
        }
        lastUsedNanos = now;
      }
      case ABORTED -> throw new VeriSimException(ErrorCode.TRANSACTION_ABORTED, "transaction " + id + " was aborted ("
          + abortCause.code().id() + " " + abortCause.getMessage() + "); roll it back and start a new one", abortCause);
      default -> throw new VeriSimException(ErrorCode.TRANSACTION_CLOSED, "transaction " + id + " is " + state()
          + "; start a new one");
    }
  }

  // The LSN this operation reads at: the transaction's snapshot, or (READ COMMITTED) a fresh one to release after.
  private long snapshotForOperation() {
    if (isolation == Isolation.READ_COMMITTED) {
      return committer.snapshots().acquire();
    }
    if (snapshot < 0) {
      snapshot = committer.snapshots().acquire();
    }
    return snapshot;
  }

  private void releaseOperationSnapshot(long at) {
    if (isolation == Isolation.READ_COMMITTED) {
      committer.snapshots().release(at);
    }
  }

  private synchronized <T> T read(String what, Function<OctadStore, T> work) {
    enter();
    long at = snapshotForOperation();
    try {
      return work.apply(new OctadStore(overlay).at(at));
    } catch (VeriSimException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VeriSimException(ErrorCode.INTERNAL, "unexpected failure while " + what + " in transaction " + id + ": " + e, e);
    } finally {
      releaseOperationSnapshot(at);
    }
  }

  /**
   * The read scope of one VQL statement in this transaction: its snapshot (a fresh one under READ
   * COMMITTED) over its staged writes, and the ids it wrote. A SERIALIZABLE transaction records
   * the read: of {@code single} alone, or (null) of every id, since predicates read them all.
   * Close the scope when the statement is done; the transaction must not write meanwhile.
   */
  synchronized org.verisimdb.engine.query.exec.QueryHost.Scope statementScope(OctadId single) {
    enter();
    if (reads != null) {
      if (single != null) {
        reads.octad(single);
      } else {
        reads.range(null, null);
      }
    }
    long at = snapshotForOperation();
    java.util.Set<OctadId> written = new java.util.HashSet<>();
    for (WriteOp op : ops) {
      written.add(op.id());
    }
    return new org.verisimdb.engine.query.exec.QueryHost.Scope(at, new OctadStore(overlay).at(at), written, java.time.Instant.now(),
        () -> releaseOperationSnapshot(at));
  }

  // ---- for the VQL engine: statements, savepoints and what SHOW TRANSACTIONS lists

  /**
   * Marks the writes staged so far: {@link #undoToSavepoint} drops every write staged after this,
   * so that a VQL statement that fails after writing has no effect (VQL.md §5.13). One savepoint
   * at a time; setting one replaces the previous.
   */
  synchronized void savepoint() {
    enter();
    overlay.mark();
    savepointOps = ops.size();
  }

  /** Drops the writes staged since {@link #savepoint} and forgets it; nothing to do once the transaction is over or aborted. */
  synchronized void undoToSavepoint() {
    if (state == State.ACTIVE && savepointOps >= 0) {
      overlay.undoToMark();
      ops.subList(savepointOps, ops.size()).clear();
    }
    releaseSavepoint();
  }

  /** Forgets the savepoint, keeping every write. */
  synchronized void releaseSavepoint() {
    overlay.unmark();
    savepointOps = -1;
  }

  /** Counts one VQL statement run in this transaction. */
  synchronized void countStatement() {
    statements++;
  }

  /** What SHOW TRANSACTIONS lists of this transaction. */
  synchronized org.verisimdb.engine.query.exec.QueryHost.TransactionInfo info() {
    return new org.verisimdb.engine.query.exec.QueryHost.TransactionInfo(id, principal, isolation, state(), startedAt, statements, ops.size());
  }

  @Override
  public String toString() {
    return "transaction " + id + " (" + isolation.wireName() + ", " + state() + ")";
  }
}
