package org.verisimdb.storage.rocksdb;

import java.nio.file.Path;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;

/**
 * The reads the backend and its snapshots share: a point read, a range scan and the applied LSN,
 * each through the given read options or snapshot. Callers hold a pass of {@link #gate()}.
 *
 * <p>Thread-safe: RocksDB reads run concurrently with each other and with writes, without locks.
 */
final class RocksDbReads {
  private final RocksDB db;
  private final ColumnFamilies families;
  private final Gate gate;
  private final Path directory;

  RocksDbReads(RocksDB db, ColumnFamilies families, Gate gate, Path directory) {
    this.db = db;
    this.families = families;
    this.gate = gate;
    this.directory = directory;
  }

  /** The value under {@code key}, null when absent or when the keyspace was never written. */
  byte[] get(ReadOptions options, Keyspace space, byte[] key) {
    ColumnFamilyHandle family = families.find(space);
    if (family == null) {
      return null;
    }
    try {
      return db.get(family, options, key);
    } catch (RocksDBException e) {
      throw RocksDbErrors.wrap(e, "read a key of keyspace '" + space + "'", directory);
    }
  }

  /**
   * A cursor over {@code fromInclusive <= key < toExclusive}; a null bound is open. A null
   * snapshot (and owner) reads the latest state; see {@link RocksDbCursor#open}.
   */
  Cursor scan(Snapshot snapshot, Gate owner, Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
    return RocksDbCursor.open(this, families.find(space), snapshot, owner, fromInclusive, toExclusive);
  }

  /** The applied LSN stored in the meta family, as {@code options} see it. */
  long appliedLsn(ReadOptions options) {
    try {
      return RocksDbLayoutV1.decodeLsn(db.get(families.meta(), options, RocksDbLayoutV1.APPLIED_LSN), directory);
    } catch (RocksDBException e) {
      throw RocksDbErrors.wrap(e, "read the applied LSN", directory);
    }
  }

  RocksDB db() {
    return db;
  }

  Gate gate() {
    return gate;
  }

  Path directory() {
    return directory;
  }
}
