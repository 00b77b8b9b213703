package org.verisimdb.storage.rocksdb;

import java.util.concurrent.atomic.AtomicBoolean;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;

/**
 * A range scan over one column family: a RocksDB iterator whose read options carry the range as
 * iterate bounds, so RocksDB itself stops at the end and skips nothing outside it. The cursor
 * owns its iterator, read options and bound slices and frees them on close; the backend frees
 * them too if it closes first.
 *
 * <p>A cursor opened on a snapshot belongs to it as well: closing the snapshot closes the cursor,
 * because the iterator was made for a snapshot that would then be gone.
 *
 * <p>Not thread-safe: owned by one thread, as {@link Cursor} says; the backend or the snapshot
 * may release it from another thread only while no call is in flight, which their gates ensure.
 */
final class RocksDbCursor implements Cursor, Gate.Held {
  private final Gate gate;
  private final Gate owner;
  private final RocksDbReads reads;
  private final RocksIterator iterator;
  private final ReadOptions options;
  private final Slice lower;
  private final Slice upper;
  private final byte[] from;
  private final AtomicBoolean released = new AtomicBoolean();
  private boolean started;
  private boolean onEntry;

  private RocksDbCursor(RocksDbReads reads, Gate owner, RocksIterator iterator, ReadOptions options, Slice lower, Slice upper,
      byte[] from) {
    this.gate = reads.gate();
    this.owner = owner;
    this.reads = reads;
    this.iterator = iterator;
    this.options = options;
    this.lower = lower;
    this.upper = upper;
    this.from = from;
  }

  /**
   * Opens a cursor; call while holding a pass of the backend's gate (and of {@code owner}'s).
   *
   * @param family   null for a keyspace never written
   * @param snapshot null to read the latest state
   * @param owner    the gate of the snapshot read through, or null
   */
  static Cursor open(RocksDbReads reads, ColumnFamilyHandle family, Snapshot snapshot, Gate owner, byte[] from, byte[] to) {
    if (family == null || from != null && to != null && Keys.ORDER.compare(from, to) >= 0) {
      return new Empty();
    }
    byte[] start = from == null ? null : from.clone(); // seeked to on the first next(), after the caller may reuse its array
    Slice lower = start == null ? null : new Slice(start);
    Slice upper = to == null ? null : new Slice(to); // a Slice copies its bytes into native memory
    ReadOptions options = new ReadOptions();
    if (snapshot != null) {
      options.setSnapshot(snapshot);
    }
    if (lower != null) {
      options.setIterateLowerBound(lower);
    }
    if (upper != null) {
      options.setIterateUpperBound(upper);
    }
    RocksDbCursor cursor = new RocksDbCursor(reads, owner, reads.db().newIterator(family, options), options, lower, upper, start);
    reads.gate().hold(cursor);
    if (owner != null) {
      owner.hold(cursor);
    }
    return cursor;
  }

  @Override
  public boolean next() {
    try (Gate.Pass _ = enter()) {
      checkNotReleased();
      if (!started) {
        started = true;
        if (from == null) {
          iterator.seekToFirst();
        } else {
          iterator.seek(from);
        }
      } else if (onEntry) {
        iterator.next();
      } else {
        return false; // exhausted: RocksDB must not be asked to step past the end
      }
      onEntry = iterator.isValid();
      if (!onEntry) {
        iterator.status(); // an invalid iterator is either at the end or failed; tell them apart
      }
      return onEntry;
    } catch (RocksDBException e) {
      onEntry = false;
      throw RocksDbErrors.wrap(e, "scan a keyspace", reads.directory());
    }
  }

  @Override
  public byte[] key() {
    try (Gate.Pass _ = enter()) {
      checkOnEntry();
      return iterator.key(); // JNI copies it into a fresh array
    }
  }

  @Override
  public byte[] value() {
    try (Gate.Pass _ = enter()) {
      checkOnEntry();
      return iterator.value();
    }
  }

  @Override
  public void close() {
    // A null pass means the backend or the snapshot is closed and has released this cursor already.
    try (Gate.Pass backend = gate.tryEnter(); Gate.Pass snapshot = owner == null ? null : owner.tryEnter()) {
      if (backend != null && (owner == null || snapshot != null)) {
        release();
      }
    }
  }

  @Override
  public void release() {
    if (released.compareAndSet(false, true)) {
      // The iterator reads through the options and the options through the slices: free in that order.
      iterator.close();
      options.close();
      if (lower != null) {
        lower.close();
      }
      if (upper != null) {
        upper.close();
      }
      gate.drop(this);
      if (owner != null) {
        owner.drop(this);
      }
    }
  }

  // Passes the backend's gate, then the snapshot's: the order every reader uses.
  private Gate.Pass enter() {
    Gate.Pass backend = gate.enter();
    if (owner == null) {
      return backend;
    }
    try {
      Gate.Pass snapshot = owner.enter();
      return () -> {
        snapshot.close();
        backend.close();
      };
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  private void checkNotReleased() {
    if (released.get()) {
      throw new IllegalStateException("the cursor has been closed");
    }
  }

  private void checkOnEntry() {
    checkNotReleased();
    if (!onEntry) {
      throw new IllegalStateException("the cursor is not on an entry; call next() first and only read while it returns true");
    }
  }

  /** The cursor over nothing: a keyspace never written, or an empty range. Holds no native handle; thread-safe, being stateless. */
  private static final class Empty implements Cursor {
    @Override
    public boolean next() {
      return false;
    }

    @Override
    public byte[] key() {
      throw new IllegalStateException("the cursor is not on an entry: its range is empty");
    }

    @Override
    public byte[] value() {
      throw new IllegalStateException("the cursor is not on an entry: its range is empty");
    }

    @Override
    public void close() {
      // nothing to free
    }
  }
}
