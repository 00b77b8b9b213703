package org.verisimdb.storage.lmdb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.lmdbjava.Dbi;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.WriteBatch;

/**
 * One LMDB read transaction: the state of the environment when it began, unchanged by later
 * writes. It is what {@link LmdbBackend#snapshot()} returns, and what each
 * {@link LmdbBackend#scan} reads through until its cursor closes. Everything it returns is
 * copied out of LMDB's memory, which is only valid while the transaction lives.
 *
 * <p>Thread-safe: calls are serialised on the view, since an LMDB transaction (even a read-only
 * one under MDB_NOTLS, which frees it from its thread) must not be used by two threads at once.
 */
final class LmdbReadView implements ReadView {
  private final LmdbBackend backend;
  private final LmdbKeyspaces.ReadTxn read;
  private final long appliedLsn;
  private final ReentrantLock lock = new ReentrantLock();
  private final List<LmdbCursor> cursors = new ArrayList<>(); // guarded by lock
  private boolean released; // guarded by lock

  private LmdbReadView(LmdbBackend backend, LmdbKeyspaces.ReadTxn read, long appliedLsn) {
    this.backend = backend;
    this.read = read;
    this.appliedLsn = appliedLsn;
  }

  /** Begins a view; the caller holds the backend's lifecycle open. */
  static LmdbReadView begin(LmdbBackend backend) {
    LmdbKeyspaces.ReadTxn read = backend.keyspaces.beginRead();
    try {
      long lsn = LmdbFormatV1.readAppliedLsn(read.txn(), backend.keyspaces.meta(), backend.directory());
      LmdbReadView view = new LmdbReadView(backend, read, lsn);
      backend.lifecycle.track(view);
      return view;
    } catch (RuntimeException e) {
      read.txn().close();
      throw e;
    }
  }

  @Override
  public byte[] get(Keyspace space, byte[] key) {
    return call("read " + space, () -> getInside(read, space, key));
  }

  /** A value read in {@code read}; the caller serialises use of the transaction. */
  static byte[] getInside(LmdbKeyspaces.ReadTxn read, Keyspace space, byte[] key) {
    Dbi<byte[]> dbi = read.dbis().get(space);
    if (dbi == null || key.length == 0 || key.length > WriteBatch.MAX_KEY_BYTES) {
      return null; // no such key can have been written, and LMDB rejects such keys
    }
    return dbi.get(read.txn(), key); // lmdbjava's byte[] proxy copies the value out
  }

  @Override
  public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
    return scan(space, fromInclusive, toExclusive, false);
  }

  /** A cursor over this view; with {@code ownsView} closing it closes the view too. */
  Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive, boolean ownsView) {
    return call("scan " + space, () -> {
      Dbi<byte[]> dbi = read.dbis().get(space);
      if (dbi == null || toExclusive != null && (toExclusive.length == 0
          || fromInclusive != null && Keys.ORDER.compare(fromInclusive, toExclusive) >= 0)) {
        if (ownsView) {
          releaseLocked();
        }
        return LmdbCursor.EMPTY;
      }
      LmdbCursor cursor = new LmdbCursor(this, dbi.openCursor(read.txn()), fromInclusive, toExclusive, ownsView);
      cursors.add(cursor);
      return cursor;
    });
  }

  @Override
  public long appliedLsn() {
    return appliedLsn;
  }

  @Override
  public void close() {
    try (LmdbLifecycle.Hold hold = backend.lifecycle.tryEnter()) {
      if (hold != null) { // else closing the backend released this view already
        lock.lock();
        try {
          releaseLocked();
        } finally {
          lock.unlock();
        }
      }
    }
  }

  /**
   * Runs {@code body} on this view's transaction: holding the backend open, alone on the view,
   * with LMDB's exceptions wrapped. {@code action} names it in error messages ("scan alpha").
   */
  <T> T call(String action, Supplier<T> body) {
    try (LmdbLifecycle.Hold hold = backend.lifecycle.enter()) {
      lock.lock();
      try {
        if (released) {
          throw new IllegalStateException("this LMDB snapshot has been closed; take a new one with snapshot()");
        }
        return body.get();
      } catch (LmdbException e) {
        throw backend.wrap(e, action);
      } finally {
        lock.unlock();
      }
    }
  }

  /** Closes one cursor of this view; nothing when the view (or the backend) has gone already. */
  void closeCursor(LmdbCursor cursor) {
    try (LmdbLifecycle.Hold hold = backend.lifecycle.tryEnter()) {
      if (hold == null) {
        return;
      }
      lock.lock();
      try {
        if (cursor.owningView()) {
          releaseLocked();
        } else if (cursors.remove(cursor)) {
          cursor.closeNative();
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /** Ends the transaction and its cursors; called by the backend's close, which holds it exclusively. */
  void release() {
    lock.lock();
    try {
      releaseLocked();
    } finally {
      lock.unlock();
    }
  }

  private void releaseLocked() {
    if (released) {
      return;
    }
    released = true;
    // LMDB lets read-only cursors close before or after their transaction; before is tidier.
    for (LmdbCursor cursor : cursors) {
      cursor.closeNative();
    }
    cursors.clear();
    Txn<byte[]> txn = read.txn();
    txn.close(); // aborts: a read transaction has nothing to commit
    backend.lifecycle.untrack(this);
  }
}
