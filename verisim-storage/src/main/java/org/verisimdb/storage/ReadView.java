package org.verisimdb.storage;

/**
 * Reads of a backend's keyspaces. A {@link StorageBackend} is a read view of its current state;
 * {@link StorageBackend#snapshot()} returns one frozen at a point in time, which must be closed:
 * an open snapshot pins resources (LMDB reader slots and pages, a SQLite connection, RocksDB's
 * old versions). Keys are ordered as unsigned bytes ({@link Keys#ORDER}).
 *
 * <p>Thread-safe: any number of threads may read one view; a {@link Cursor} belongs to one
 * thread. After a view (or its backend) is closed, its calls and its cursors' calls fail.
 */
public interface ReadView extends AutoCloseable {

  /** The value under {@code key}, or null when absent. */
  byte[] get(Keyspace space, byte[] key);

  /** Entries with {@code fromInclusive <= key < toExclusive}; a null bound is open. */
  Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive);

  /** Entries whose key starts with {@code prefix}. */
  default Cursor scanPrefix(Keyspace space, byte[] prefix) {
    return scan(space, prefix, Keys.prefixEnd(prefix));
  }

  /** The LSN of the last batch whose effects this view holds; 0 when none. */
  long appliedLsn();

  @Override
  void close();
}
