package org.verisimdb.storage.lmdb;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Keeps an environment from being closed under a running call. {@code mdb_env_close} frees the
 * memory every transaction and cursor points into, so each call that touches LMDB holds a shared
 * {@link Hold} while it runs, and closing takes the lock exclusively, then releases the read
 * transactions still open (snapshots, scans) before the environment goes.
 *
 * <p>Thread-safe.
 */
final class LmdbLifecycle {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<LmdbReadView> openViews = ConcurrentHashMap.newKeySet();
  private final Path directory;
  private volatile boolean closed;

  /** A shared hold on the open environment; closing it releases the hold. */
  interface Hold extends AutoCloseable {
    @Override
    void close();
  }

  LmdbLifecycle(Path directory) {
    this.directory = directory;
  }

  /** Holds the environment open until the hold is closed; DATABASE_CLOSED once the backend is closed. */
  Hold enter() {
    Hold hold = tryEnter();
    if (hold == null) {
      throw new VeriSimException(ErrorCode.DATABASE_CLOSED, "the LMDB backend on " + directory
          + " has been closed; open it again to read or write");
    }
    return hold;
  }

  /** Like {@link #enter()}, but null once the backend is closed: for closing what close released already. */
  Hold tryEnter() {
    Lock shared = lock.readLock();
    shared.lock();
    if (closed) {
      shared.unlock();
      return null;
    }
    return shared::unlock;
  }

  /** Remembers a view whose read transaction must end before the environment closes. */
  void track(LmdbReadView view) {
    openViews.add(view);
  }

  void untrack(LmdbReadView view) {
    openViews.remove(view);
  }

  /** How many snapshots and scans are open, for tests and statistics. */
  int openViews() {
    return openViews.size();
  }

  /**
   * Marks the environment closed once no call holds it, releases the views still open, then
   * runs {@code closeEnvironment}. False when it was closed already.
   */
  boolean close(Runnable closeEnvironment) {
    Lock exclusive = lock.writeLock();
    exclusive.lock();
    try {
      if (closed) {
        return false;
      }
      closed = true;
      for (LmdbReadView view : openViews) {
        view.release();
      }
      openViews.clear();
      closeEnvironment.run();
      return true;
    } finally {
      exclusive.unlock();
    }
  }
}
