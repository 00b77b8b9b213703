package org.verisimdb.engine.index;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.verisimdb.engine.commit.CommitListener;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.engine.store.StoredChange;
import org.verisimdb.engine.txn.Snapshots;
import org.verisimdb.index.lucene.IndexChange;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Feeds committed changes to the {@link OctadIndex}. Commits only queue the ids they touched
 * (under the visibility lock, so nothing blocks there); one feeder thread takes a snapshot at
 * the visible LSN V, drains every queued commit at or before V, reads those octads at V and
 * applies them to the index as one step at V. The index therefore only ever holds states that
 * were committed and visible (nothing of a rolled-back or refused transaction reaches it), and a
 * view at LSN L shows exactly the octads as of L.
 *
 * <p>A reader asks for a view at least as new as the visible LSN when it asks; it waits for the
 * feeder (at most {@link #WAIT}) and fails with INDEX_UNAVAILABLE when the index has failed or
 * fallen that far behind. Writers are slowed down ({@link #throttle}) when the queue grows long.
 */
public final class IndexMaintainer implements CommitListener, AutoCloseable {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.engine.index");
  static final Duration WAIT = Duration.ofSeconds(60);
  static final int MAX_QUEUED = 20_000;

  private record Pending(long lsn, List<OctadId> ids) {}

  private final OctadIndex index;
  private final OctadStore store;
  private final Snapshots snapshots;
  private final Lock visibility;
  private final ReentrantLock lock = new ReentrantLock();
  /** Held for a whole feeding step or rebuild, so the two never interleave. */
  private final ReentrantLock feeding = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final Condition progressed = lock.newCondition();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private long wanted = -1;
  private volatile VeriSimException failure;
  private volatile boolean stopping;
  private Thread feeder;

  /**
   * @param store the octads over the live stores; read {@linkplain OctadStore#at at} a snapshot
   * @param visibility the read side of the commit pipeline's visibility lock: held while taking a
   *     snapshot, so every commit at or before it has queued its ids
   */
  public IndexMaintainer(OctadIndex index, OctadStore store, Snapshots snapshots, Lock visibility) {
    this.index = index;
    this.store = store;
    this.snapshots = snapshots;
    this.visibility = visibility;
  }

  public OctadIndex index() {
    return index;
  }

  /** Starts the feeder thread; call once the index has caught up with the stores. */
  public void start() {
    feeder = Thread.ofPlatform().name("verisim-indexer").daemon(true).start(this::feed);
  }

  @Override
  public void applied(long lsn, List<StoredChange> changes) {
    List<OctadId> ids = new ArrayList<>(changes.size());
    for (StoredChange c : changes) {
      ids.add(c.id());
    }
    enqueue(lsn, ids);
  }

  @Override
  public void imported(long lsn, List<OctadId> ids) {
    enqueue(lsn, List.copyOf(ids));
  }

  private void enqueue(long lsn, List<OctadId> ids) {
    if (failure != null) {
      return; // a failed index is rebuilt on the next open
    }
    lock.lock();
    try {
      queue.add(new Pending(lsn, ids));
      work.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Waits while the feeder is far behind, so writers cannot outrun the index without bound. */
  public void throttle() {
    if (queue.size() < MAX_QUEUED || failure != null) {
      return;
    }
    lock.lock();
    try {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (queue.size() >= MAX_QUEUED / 2 && failure == null && !stopping) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return; // let the write through; readers will report the lag
        }
        progressed.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /**
   * A view of the index at {@code lsn} or later (a visible LSN): waits for the feeder to get
   * there. Close the view.
   */
  public IndexView view(long lsn) {
    checkUsable();
    if (index.appliedLsn() >= lsn) {
      return index.view(lsn);
    }
    lock.lock();
    try {
      wanted = Math.max(wanted, lsn);
      work.signal();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (index.appliedLsn() < lsn) {
        checkUsable();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new VeriSimException(ErrorCode.INDEX_UNAVAILABLE, "the index is at LSN " + index.appliedLsn() + " and did not reach LSN "
              + lsn + " within " + WAIT.toSeconds() + " s (" + queue.size() + " commits queued); retry, or reduce the write load");
        }
        progressed.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VeriSimException(ErrorCode.INDEX_UNAVAILABLE, "interrupted while waiting for the index");
    } finally {
      lock.unlock();
    }
    return index.view(lsn);
  }

  private void checkUsable() {
    VeriSimException f = failure;
    if (f != null) {
      throw new VeriSimException(ErrorCode.INDEX_UNAVAILABLE, "the index failed and is out of date: " + f.getMessage()
          + "; searches are unavailable until the database is reopened (the index then catches up or rebuilds itself)", f);
    }
    if (stopping) {
      throw new VeriSimException(ErrorCode.DATABASE_CLOSED, "the database is closing");
    }
  }

  private void feed() {
    while (true) {
      lock.lock();
      try {
        while (!stopping && queue.isEmpty() && wanted <= index.appliedLsn()) {
          work.awaitUninterruptibly();
        }
        if (stopping && queue.isEmpty()) {
          return;
        }
      } finally {
        lock.unlock();
      }
      try {
        step();
      } catch (VeriSimException e) {
        LOG.log(System.Logger.Level.ERROR, "the index stopped following commits: " + e.getMessage(), e);
        failure = e;
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "the index stopped following commits: " + e, e);
        failure = new VeriSimException(ErrorCode.INTERNAL, "indexing failed: " + e, e);
      }
      lock.lock();
      try {
        progressed.signalAll();
        if (failure != null) {
          queue.clear();
          return;
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /** One step: everything committed up to a fresh snapshot, applied at that snapshot's LSN. */
  void step() {
    feeding.lock();
    long at = snapshot();
    try {
      index.apply(at, read(store.at(at), drainThrough(at)));
    } finally {
      snapshots.release(at);
      feeding.unlock();
    }
  }

  /** Takes every queued commit at or before {@code lsn} off the queue; returns the octads they wrote, each once. */
  private Set<OctadId> drainThrough(long lsn) {
    Set<OctadId> ids = new LinkedHashSet<>();
    lock.lock();
    try {
      while (!queue.isEmpty() && queue.peek().lsn() <= lsn) {
        ids.addAll(queue.poll().ids());
      }
    } finally {
      lock.unlock();
    }
    return ids;
  }

  /** Registers a snapshot at the visible LSN once every commit up to it has queued its ids. */
  private long snapshot() {
    visibility.lock();
    try {
      return snapshots.acquire();
    } finally {
      visibility.unlock();
    }
  }

  /**
   * Rebuilds the index from every live octad at a fresh snapshot while commits go on (they queue
   * and are applied afterwards; searches wait). Returns the number of octads indexed.
   */
  public long rebuild(org.verisimdb.engine.Progress progress) {
    checkUsable();
    feeding.lock();
    long at = snapshot();
    try {
      drainThrough(at); // the rebuild reads these commits' results
      return IndexRecovery.rebuild(index, store, at, progress);
    } finally {
      snapshots.release(at);
      feeding.unlock();
      lock.lock();
      try {
        progressed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** The index changes that bring {@code ids} to their state in {@code view}. */
  static List<IndexChange> read(OctadStore view, Iterable<OctadId> ids) {
    List<IndexChange> changes = new ArrayList<>();
    for (OctadId id : ids) {
      OctadHeader header = view.header(id);
      changes.add(header != null && header.live() ? IndexChange.of(view.read(id, header, null, 0)) : IndexChange.deleted(id));
    }
    return changes;
  }

  /** Makes the index durable at the LSN it has applied; returns that LSN, or -1 when the index failed (it rebuilds on open). */
  public long commit() {
    if (failure != null) {
      return -1;
    }
    try {
      return index.commit();
    } catch (VeriSimException e) {
      failure = e;
      return -1;
    }
  }

  /** Stops the feeder after it has applied what is queued, commits the index and closes it. */
  @Override
  public void close() {
    lock.lock();
    try {
      stopping = true;
      work.signalAll();
      progressed.signalAll();
    } finally {
      lock.unlock();
    }
    if (feeder != null) {
      try {
        feeder.join(TimeUnit.MINUTES.toMillis(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      if (failure == null) {
        index.commit();
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not commit the index on close (it catches up on the next open): " + e.getMessage());
    } finally {
      index.close();
    }
  }
}
