package org.verisimdb.storage;

/**
 * Keyed bytes: the narrow seam between VeriSimDB and a storage engine (memory, RocksDB, LMDB,
 * SQLite). Keys are ordered as unsigned bytes ({@link Keys#ORDER}) within each keyspace.
 *
 * <p>Contract, which {@code StorageBackendContract} in verisim-testkit checks for every backend:
 * <ul>
 *   <li>{@link #apply} is atomic: after it returns every operation is visible, and after a crash
 *       either all or none of a batch is stored. It records the batch's LSN as
 *       {@link #appliedLsn()} atomically with the data.
 *   <li>{@link #sync} makes everything applied so far durable; a backend that keeps data in
 *       memory says so through {@link #durable()}.
 *   <li>Thread safety: one writer at a time calls {@link #apply}; any number of threads may call
 *       {@link #get} and {@link #scan} concurrently with it.
 *   <li>Failures are reported as {@code VeriSimException} with STORAGE_IO or STORAGE_CORRUPT,
 *       the engine's exception wrapped once here, at the edge.
 * </ul>
 */
public interface StorageBackend extends AutoCloseable {

  /** The backend's name as configured ({@code "memory"}, {@code "rocksdb"}). */
  String name();

  /** True when data survives the process; false for the in-memory backend. */
  boolean durable();

  /** The value under {@code key}, or null when absent. */
  byte[] get(Keyspace space, byte[] key);

  /** Entries with {@code fromInclusive <= key < toExclusive}; a null bound is open. */
  Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive);

  /** Entries whose key starts with {@code prefix}. */
  default Cursor scanPrefix(Keyspace space, byte[] prefix) {
    return scan(space, prefix, Keys.prefixEnd(prefix));
  }

  /** Applies a batch atomically and records its LSN. */
  void apply(WriteBatch batch);

  /** Makes everything applied so far durable. */
  void sync();

  /** The LSN of the last batch whose effects are stored here; 0 when none. */
  long appliedLsn();

  /** Releases the backend's resources; idempotent. No checked exception, unlike AutoCloseable's. */
  @Override
  void close();
}
