package org.verisimdb.storage;

import java.nio.file.Path;
import java.util.Set;

/**
 * Keyed bytes: the narrow seam between VeriSimDB and a storage engine (memory, RocksDB, LMDB,
 * SQLite). Keys are ordered as unsigned bytes ({@link Keys#ORDER}) within each keyspace; a
 * keyspace exists once something has been written to it.
 *
 * <p>Contract, which {@code StorageBackendContract} in verisim-testkit checks for every backend:
 * <ul>
 *   <li>{@link #apply} is atomic: after it returns every operation is visible, and after a crash
 *       either all or none of a batch is stored. A batch with an LSN greater than
 *       {@link #appliedLsn()} records that LSN atomically with its data; a batch with LSN 0 (or
 *       a smaller one) leaves it unchanged, which replay uses to apply records in parallel and
 *       set the LSN once at the end. The applied LSN never decreases.
 *   <li>The write-ahead log is the durability: a backend need not make {@link #apply} durable
 *       (RocksDB runs with its own WAL off). {@link #sync} makes everything applied so far,
 *       the applied LSN included, durable; after a crash a backend holds exactly the batches up
 *       to some LSN between its last synced LSN and its last applied one.
 *   <li>{@link #snapshot} is a consistent view at one LSN that later writes do not change.
 *   <li>{@link #copyTo} writes a consistent copy that the same backend opens from that
 *       directory; writes may continue meanwhile.
 *   <li>Thread safety: {@link #apply} may be called from several threads at once, as replay
 *       does, provided batches applied concurrently touch different keys (their order is then
 *       unspecified; a backend may serialise them); any number of threads may read, take
 *       snapshots and copy concurrently with it.
 *   <li>Failures are {@code VeriSimException}s with STORAGE_IO or STORAGE_CORRUPT (or
 *       DATABASE_CLOSED after close), the engine's exception wrapped once, at this edge.
 * </ul>
 */
public interface StorageBackend extends ReadView {

  /** The backend's name as configured ({@code "memory"}, {@code "rocksdb"}). */
  String name();

  /** True when synced data survives the process. */
  boolean durable();

  /** Applies a batch atomically; see the class contract for its LSN. */
  void apply(WriteBatch batch);

  /** Makes everything applied so far, and the applied LSN, durable. */
  void sync();

  /** A consistent, unchanging view of the current state; close it to release its resources. */
  ReadView snapshot();

  /**
   * Writes a consistent copy of this backend's data into {@code directory} (created if needed;
   * a file or a non-empty directory there is INVALID_ARGUMENT), such that opening the same kind
   * of backend there yields exactly that state.
   *
   * @return the applied LSN of the copy
   */
  long copyTo(Path directory);

  /** The keyspaces that hold at least one key, or have held one since the backend was opened. */
  Set<Keyspace> keyspaces();

  /** Releases the backend's resources; idempotent. No checked exception, unlike AutoCloseable's. */
  @Override
  void close();
}
