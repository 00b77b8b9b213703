package org.verisimdb.engine.commit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;
import org.verisimdb.storage.wal.Wal;

/**
 * Commits writes so that a reader never sees one that is not durable:
 * <ol>
 *   <li>plan: under the plan lock, one writer at a time plans against {@link #planningView()}
 *       (the stores plus pending batches) and its batch is appended to the log, which fixes its
 *       LSN; the batch joins the pending writes;
 *   <li>wait, outside any lock: the log makes the record durable as the sync mode promises, and
 *       committers that wait together share one fsync (group commit);
 *   <li>apply, in LSN order: the batch goes into the stores under the visibility lock's write
 *       side (raw snapshots of the stores hold its read side), then {@link #visibleLsn()} moves
 *       past it, and it leaves the pending writes. Readers of octads take no lock: they read as
 *       of the visible LSN, so a batch being applied is invisible to them until it is whole.
 * </ol>
 * Without a log (an in-memory database) the LSN is a counter and step 2 is skipped.
 *
 * <p>Once logging, syncing or applying fails, the pipeline refuses every further write
 * (STORAGE_IO): what reached the disk is then known only to recovery, on the next open.
 * Thread-safe.
 */
public final class CommitPipeline {
  /** What a planner produces: the batch, its commit time, the caller's result, and work to do once applied. */
  public record Planned<T>(WriteBatch batch, Instant committedAt, T result, Runnable afterApply) {}

  private final Wal log;
  private final StorageBackend stores;
  private final PendingWrites pending;
  private final Lock visibility;
  private final ReentrantLock planLock = new ReentrantLock();
  private final ReentrantLock applyLock = new ReentrantLock();
  private final Condition turn = applyLock.newCondition();
  private final AtomicLong loggedBytes = new AtomicLong();
  private long lastLsn;
  private long nextToApply; // guarded by applyLock, as are the two below
  private boolean applying;
  private final Map<Long, Ready> ready = new HashMap<>();
  private volatile long visibleLsn;
  private volatile VeriSimException failure;
  private volatile boolean closed;

  /**
   * @param log the write-ahead log, or null for a database that keeps nothing
   * @param visibility the write side of the lock raw snapshots of the stores hold the read side of
   */
  public CommitPipeline(Wal log, StorageBackend stores, Lock visibility) {
    this.log = log;
    this.stores = stores;
    this.pending = new PendingWrites(stores);
    this.visibility = visibility;
    this.lastLsn = log == null ? stores.appliedLsn() : log.lastLsn();
    this.nextToApply = lastLsn + 1;
    this.visibleLsn = lastLsn;
  }

  /**
   * The LSN readers read at: every write at or before it is applied to the stores, and none
   * after it is visible to a reader at it. Never decreases.
   */
  public long visibleLsn() {
    return visibleLsn;
  }

  /** Waits until every write at or before {@code lsn} is applied and visible; fails if the pipeline failed first. */
  public void awaitVisible(long lsn) {
    applyLock.lock();
    try {
      while (nextToApply <= lsn) {
        checkFailure();
        turn.awaitUninterruptibly();
      }
    } finally {
      applyLock.unlock();
    }
  }

  /** Runs {@code work} under the plan lock, ordered with every commit's planning; it must be short and must not block. */
  public <T> T underPlanLock(java.util.function.Supplier<T> work) {
    planLock.lock();
    try {
      return work.get();
    } finally {
      planLock.unlock();
    }
  }

  /** What planners read: the stores plus every logged batch not yet applied. Use under a planner only. */
  public PendingWrites planningView() {
    return pending;
  }

  /**
   * Plans, logs, waits and applies one write. {@code planner} runs under the plan lock and may
   * throw (nothing is then logged); it gets the LSN the write will have.
   */
  public <T> T commit(Function<Long, Planned<T>> planner) {
    Planned<T> planned;
    long lsn;
    WriteBatch stamped;
    planLock.lock();
    try {
      checkUsable();
      planned = planner.apply(lastLsn + 1);
      try {
        lsn = log == null ? lastLsn + 1 : log.append(planned.batch(), micros(planned.committedAt()));
      } catch (VeriSimException e) {
        throw fail(e);
      }
      lastLsn = lsn;
      stamped = planned.batch().withLsn(lsn);
      pending.add(stamped);
      loggedBytes.addAndGet(planned.batch().bytes());
    } finally {
      planLock.unlock();
    }
    if (log != null) {
      try {
        log.awaitDurable(lsn);
      } catch (VeriSimException e) {
        throw fail(e);
      }
    }
    applyInOrder(lsn, stamped, planned.afterApply());
    return planned.result();
  }

  /**
   * Applies in LSN order. The committer whose turn it is applies its own batch and every
   * consecutive durable batch queued behind it, in one pass under one visibility lock, and wakes
   * the others once: with many committers, a strict one-by-one turn would wake every waiter for
   * every batch.
   */
  private void applyInOrder(long lsn, WriteBatch batch, Runnable afterApply) {
    applyLock.lock();
    try {
      ready.put(lsn, new Ready(batch, afterApply));
      while (nextToApply <= lsn) {
        checkFailure();
        if (applying || !ready.containsKey(nextToApply)) {
          turn.awaitUninterruptibly();
          continue;
        }
        List<Ready> run = new ArrayList<>();
        long first = nextToApply;
        for (long next = first; ready.containsKey(next); next++) {
          run.add(ready.remove(next));
        }
        applying = true;
        applyLock.unlock();
        VeriSimException error = null;
        try {
          visibility.lock();
          try {
            for (Ready r : run) {
              stores.apply(r.batch());
            }
            visibleLsn = first + run.size() - 1;
            for (Ready r : run) {
              r.afterApply().run();
            }
          } finally {
            visibility.unlock();
          }
          for (Ready r : run) {
            pending.remove(r.batch());
          }
        } catch (VeriSimException e) {
          error = e;
        } catch (RuntimeException e) {
          error = new VeriSimException(ErrorCode.STORAGE_IO, "applying a logged write to the stores failed: " + e, e);
        } finally {
          applyLock.lock();
          applying = false;
          if (error == null) {
            nextToApply = first + run.size();
          }
          turn.signalAll();
        }
        if (error != null) {
          throw fail(error);
        }
      }
    } finally {
      applyLock.unlock();
    }
  }

  /** A durable batch waiting for its turn to be applied. */
  private record Ready(WriteBatch batch, Runnable afterApply) {}

  /** The LSN of the last write applied to the stores. */
  public long appliedLsn() {
    applyLock.lock();
    try {
      return nextToApply - 1;
    } finally {
      applyLock.unlock();
    }
  }

  /** Bytes of batches logged since the last call to {@link #resetLoggedBytes}, for size-triggered checkpoints. */
  public long loggedBytes() {
    return loggedBytes.get();
  }

  public void resetLoggedBytes() {
    loggedBytes.set(0);
  }

  /**
   * Stops new writes and waits until every write already logged is applied (or failed).
   * Idempotent.
   */
  public void close() {
    long last;
    planLock.lock();
    try {
      closed = true;
      last = lastLsn;
    } finally {
      planLock.unlock();
    }
    applyLock.lock();
    try {
      while (nextToApply <= last && failure == null) {
        turn.awaitUninterruptibly();
      }
    } finally {
      applyLock.unlock();
    }
  }

  /** The failure that stopped the pipeline, or null. */
  public VeriSimException failure() {
    return failure;
  }

  private VeriSimException fail(VeriSimException e) {
    applyLock.lock();
    try {
      if (failure == null) {
        failure = new VeriSimException(e.code() == ErrorCode.DATABASE_CLOSED ? ErrorCode.DATABASE_CLOSED : ErrorCode.STORAGE_IO,
            "the database stopped accepting writes after a storage failure: " + e.getMessage()
                + " Close and reopen it: recovery replays every write that reached the log.", e);
        pending.clear();
      }
      turn.signalAll();
      return failure;
    } finally {
      applyLock.unlock();
    }
  }

  private void checkUsable() {
    if (closed) {
      throw new VeriSimException(ErrorCode.DATABASE_CLOSED, "the database is closed; open it again to continue");
    }
    checkFailure();
  }

  private void checkFailure() {
    VeriSimException f = failure;
    if (f != null) {
      throw f;
    }
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }
}
