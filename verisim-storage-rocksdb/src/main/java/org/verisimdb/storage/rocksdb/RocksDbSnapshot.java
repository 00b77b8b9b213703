package org.verisimdb.storage.rocksdb;

import org.rocksdb.ReadOptions;
import org.rocksdb.Snapshot;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;

/**
 * A RocksDB snapshot as a {@link ReadView}: every read, the applied LSN included, sees the
 * database as it was when the snapshot was taken. RocksDB keeps what the snapshot needs until it
 * is released, so an open snapshot holds back space reclamation: close it promptly. Closing it
 * closes the cursors opened on it.
 *
 * <p>Thread-safe: any number of threads may read at once; closing waits for their reads to end,
 * and reading after close throws.
 */
final class RocksDbSnapshot implements ReadView, Gate.Held {
  private final RocksDbReads reads;
  private final Snapshot snapshot;
  private final ReadOptions options;
  private final long appliedLsn;
  // The snapshot's own gate: its reads pass the backend's gate first, then this one, never the
  // other way round, so closing either cannot deadlock.
  private final Gate own = new Gate(() -> new IllegalStateException("the snapshot has been closed"));

  private RocksDbSnapshot(RocksDbReads reads, Snapshot snapshot, ReadOptions options) {
    this.reads = reads;
    this.snapshot = snapshot;
    this.options = options;
    this.appliedLsn = reads.appliedLsn(options);
  }

  /** Takes a snapshot; call while holding a pass of the backend's gate. */
  static RocksDbSnapshot take(RocksDbReads reads) {
    Snapshot snapshot = reads.db().getSnapshot();
    ReadOptions options = new ReadOptions().setSnapshot(snapshot);
    try {
      RocksDbSnapshot view = new RocksDbSnapshot(reads, snapshot, options);
      reads.gate().hold(view);
      return view;
    } catch (RuntimeException e) {
      options.close();
      reads.db().releaseSnapshot(snapshot);
      throw e;
    }
  }

  @Override
  public byte[] get(Keyspace space, byte[] key) {
    try (Gate.Pass _ = reads.gate().enter(); Gate.Pass _ = own.enter()) {
      return reads.get(options, space, key);
    }
  }

  @Override
  public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
    try (Gate.Pass _ = reads.gate().enter(); Gate.Pass _ = own.enter()) {
      return reads.scan(snapshot, own, space, fromInclusive, toExclusive);
    }
  }

  @Override
  public long appliedLsn() {
    reads.gate().checkOpen();
    own.checkOpen();
    return appliedLsn;
  }

  @Override
  public void close() {
    // A null pass means the backend is closed and has released this snapshot already.
    try (Gate.Pass backend = reads.gate().tryEnter()) {
      if (backend != null) {
        release();
      }
    }
  }

  @Override
  public void release() {
    own.shut(() -> {
      options.close();
      reads.db().releaseSnapshot(snapshot);
      reads.gate().drop(this);
    });
  }
}
