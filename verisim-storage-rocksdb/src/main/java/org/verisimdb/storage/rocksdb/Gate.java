package org.verisimdb.storage.rocksdb;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps native handles alive while calls use them. RocksDB's Java objects free C++ memory when
 * closed, and a call through a freed handle crashes the JVM instead of throwing, so every call
 * passes this gate; shutting it waits for the calls in flight, releases the views still held and
 * then runs the closer, once.
 *
 * <p>Thread-safe: any number of threads pass together (a read never waits for the writer, only
 * for a shut in progress); shutting is exclusive.
 */
final class Gate {
  /** Something holding native handles of its own (a cursor, a snapshot), released when the gate shuts. */
  interface Held {
    /** Frees the native handles; idempotent. */
    void release();
  }

  /** Proof of having passed the gate; closing it leaves. */
  interface Pass extends AutoCloseable {
    @Override
    void close();
  }

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Pass leave = lock.readLock()::unlock;
  private final Set<Held> held = ConcurrentHashMap.newKeySet();
  private final Supplier<RuntimeException> whenShut;
  private volatile boolean shut;

  /** @param whenShut the exception for passing a shut gate */
  Gate(Supplier<RuntimeException> whenShut) {
    this.whenShut = whenShut;
  }

  /** Passes the gate, or throws {@code whenShut}'s exception when it is shut. */
  Pass enter() {
    lock.readLock().lock();
    if (shut) {
      lock.readLock().unlock();
      throw whenShut.get();
    }
    return leave;
  }

  /** Passes the gate, or returns null when it is shut (for releasing what the shut already released). */
  Pass tryEnter() {
    lock.readLock().lock();
    if (shut) {
      lock.readLock().unlock();
      return null;
    }
    return leave;
  }

  /** Throws {@code whenShut}'s exception when the gate is shut; for calls that touch no native handle. */
  void checkOpen() {
    if (shut) {
      throw whenShut.get();
    }
  }

  /** Registers a view to release on shut; call while holding a pass, so the gate cannot shut meanwhile. */
  void hold(Held view) {
    held.add(view);
  }

  /** Forgets a view that released itself. */
  void drop(Held view) {
    held.remove(view);
  }

  /**
   * Shuts the gate for good: waits for the passes in flight, releases every held view, then runs
   * {@code closer}. Returns false, running nothing, when the gate was already shut. Must not be
   * called while holding a pass of this gate (the wait would never end).
   */
  boolean shut(Runnable closer) {
    lock.writeLock().lock();
    try {
      if (shut) {
        return false;
      }
      shut = true;
      for (Held view : List.copyOf(held)) {
        view.release();
      }
      held.clear();
      closer.run();
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }
}
