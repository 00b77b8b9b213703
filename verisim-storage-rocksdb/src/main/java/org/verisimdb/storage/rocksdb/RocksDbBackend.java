package org.verisimdb.storage.rocksdb;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;

/**
 * The RocksDB storage backend, VeriSimDB's default on disk; {@link RocksDbLayoutV1} describes
 * what it stores where.
 *
 * <p>Durability. RocksDB's own WAL is off, because VeriSimDB's write-ahead log is the durability
 * and RocksDB's would write everything a second time. {@link #apply} therefore only reaches
 * memtables. {@link #sync} flushes every column family together (atomic flush), and so does
 * RocksDB whenever a memtable fills, so the files on disk always hold whole batches up to some
 * LSN and the applied LSN of exactly those. {@link #close} flushes as well: a clean close keeps
 * everything, a crash keeps what the last flush kept, and the write-ahead log replays the rest.
 *
 * <p>Thread-safe: {@link #apply}, {@link #sync} and {@link #copyTo} are serialised by one lock,
 * so writes pause while a sync or a copy flushes. Reads ({@link #get}, {@link #scan},
 * {@link #snapshot}) never take that lock and see whole batches only, because RocksDB publishes a
 * write batch at once. Every call passes a {@link Gate} that {@link #close} shuts after waiting
 * for the calls in flight; afterwards every call but {@link #name()}, {@link #durable()} and
 * {@link #close()} throws DATABASE_CLOSED.
 */
public final class RocksDbBackend implements StorageBackend {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.storage.rocksdb");

  private final Path directory;
  private final RocksDB db;
  private final RocksDbOptions options;
  private final ColumnFamilies families;
  private final Gate gate;
  private final RocksDbReads reads;
  private final ReentrantLock applyLock = new ReentrantLock();
  private volatile long appliedLsn;

  private RocksDbBackend(Path directory, RocksDB db, RocksDbOptions options, ColumnFamilies families, long appliedLsn) {
    this.directory = directory;
    this.db = db;
    this.options = options;
    this.families = families;
    this.gate = new Gate(() -> RocksDbErrors.closed(directory));
    this.reads = new RocksDbReads(db, families, gate, directory);
    this.appliedLsn = appliedLsn;
  }

  /** Opens (creating when needed) the database in {@code directory} with the default settings. */
  public static RocksDbBackend open(Path directory) {
    return open(directory, Map.of());
  }

  /**
   * Opens (creating when needed) the database in {@code directory}.
   *
   * @param settings {@code block_cache_mb}, {@code write_buffer_mb}, {@code max_open_files},
   *     {@code compression}; anything else is INVALID_CONFIG
   */
  public static RocksDbBackend open(Path directory, Map<String, String> settings) {
    RocksDbSettings parsed = RocksDbSettings.parse(settings);
    RocksDbLibrary.load();
    Path dir = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw RocksDbErrors.io(e, "create the database directory", dir);
    }
    RocksDbOptions options = new RocksDbOptions(parsed);
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksDB db = null;
    try {
      List<ColumnFamilyDescriptor> descriptors = ColumnFamilies.descriptors(dir, options.columnFamily);
      db = RocksDB.open(options.db, dir.toString(), descriptors, handles);
      ColumnFamilies families = ColumnFamilies.of(db, descriptors, handles);
      long lsn = readLayout(db, families, options, dir);
      LOG.log(Level.INFO, "opened the RocksDB database in {0}: {1} keyspaces, applied LSN {2}",
          dir, families.keyspaces().size(), lsn);
      return new RocksDbBackend(dir, db, options, families, lsn);
    } catch (RocksDBException e) {
      abandon(db, handles, options);
      throw RocksDbErrors.wrap(e, "open the database", dir);
    } catch (RuntimeException e) {
      abandon(db, handles, options);
      throw e;
    }
  }

  @Override
  public String name() {
    return RocksDbProvider.NAME;
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public byte[] get(Keyspace space, byte[] key) {
    try (Gate.Pass _ = gate.enter()) {
      return reads.get(options.read, space, key);
    }
  }

  @Override
  public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
    try (Gate.Pass _ = gate.enter()) {
      return reads.scan(null, null, space, fromInclusive, toExclusive);
    }
  }

  @Override
  public void apply(WriteBatch batch) {
    try (Gate.Pass _ = gate.enter()) {
      applyLock.lock();
      try {
        write(batch);
      } finally {
        applyLock.unlock();
      }
    }
  }

  // One RocksDB write batch per VeriSimDB batch, so RocksDB makes it atomic, LSN included.
  private void write(WriteBatch batch) {
    boolean recordsLsn = batch.lsn() > appliedLsn;
    try (org.rocksdb.WriteBatch rocksBatch = new org.rocksdb.WriteBatch()) {
      for (WriteBatch.Op op : batch.ops()) {
        switch (op) {
          case WriteBatch.Op.Put put ->
              rocksBatch.put(families.findOrCreate(db, put.space(), options.columnFamily), put.key(), put.value());
          case WriteBatch.Op.Delete delete -> {
            ColumnFamilyHandle family = families.find(delete.space());
            if (family != null) { // a keyspace never written has nothing to delete: don't create it for that
              rocksBatch.delete(family, delete.key());
            }
          }
        }
      }
      if (recordsLsn) {
        rocksBatch.put(families.meta(), RocksDbLayoutV1.APPLIED_LSN, RocksDbLayoutV1.encodeLsn(batch.lsn()));
      }
      if (rocksBatch.count() > 0) {
        db.write(options.write, rocksBatch);
      }
    } catch (RocksDBException e) {
      throw RocksDbErrors.wrap(e, "write the batch with LSN " + batch.lsn(), directory);
    }
    if (recordsLsn) {
      appliedLsn = batch.lsn();
    }
  }

  @Override
  public void sync() {
    try (Gate.Pass _ = gate.enter()) {
      applyLock.lock();
      try {
        flush("flush for sync");
      } finally {
        applyLock.unlock();
      }
    }
  }

  // Under the apply lock, so the list of column families is complete: an atomic flush that
  // missed a family created meanwhile could persist an applied LSN without all of its data.
  private void flush(String action) {
    try {
      db.flush(options.flush, families.all());
    } catch (RocksDBException e) {
      throw RocksDbErrors.wrap(e, action, directory);
    }
  }

  @Override
  public long appliedLsn() {
    gate.checkOpen();
    return appliedLsn;
  }

  @Override
  public ReadView snapshot() {
    try (Gate.Pass _ = gate.enter()) {
      return RocksDbSnapshot.take(reads);
    }
  }

  /**
   * Writes a RocksDB checkpoint into {@code target}. Writes pause while it is made: holding the
   * apply lock from the flush to the end of the checkpoint is what makes the returned LSN exactly
   * the copy's. The flush is needed because with RocksDB's WAL off, data still in memtables is in
   * no file the checkpoint could link. An existing empty directory is replaced; a non-empty one
   * is refused with STORAGE_IO.
   */
  @Override
  public long copyTo(Path target) {
    try (Gate.Pass _ = gate.enter()) {
      applyLock.lock();
      try {
        flush("flush before copying");
        Checkpoints.create(db, directory, target);
        return appliedLsn;
      } finally {
        applyLock.unlock();
      }
    }
  }

  @Override
  public Set<Keyspace> keyspaces() {
    gate.checkOpen();
    return families.keyspaces();
  }

  /**
   * Flushes, then frees every native resource: open cursors and snapshots, column families, the
   * database, then its options. Idempotent. A failed flush is thrown after everything is freed;
   * the write-ahead log still holds what it did not persist.
   */
  @Override
  public void close() {
    RuntimeException[] failure = new RuntimeException[1];
    if (gate.shut(() -> failure[0] = release())) {
      LOG.log(Level.DEBUG, "closed the RocksDB database in {0} at applied LSN {1}", directory, appliedLsn);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  // Runs with the gate shut and no call in flight; returns the first failure instead of throwing
  // it, so that everything is freed regardless.
  private RuntimeException release() {
    RuntimeException failure = null;
    try {
      flush("flush on close");
    } catch (RuntimeException e) {
      failure = e;
    }
    families.close();
    try {
      db.closeE();
    } catch (RocksDBException e) {
      failure = failure != null ? failure : RocksDbErrors.wrap(e, "close the database", directory);
    }
    options.close();
    return failure;
  }

  private static long readLayout(RocksDB db, ColumnFamilies families, RocksDbOptions options, Path dir) throws RocksDBException {
    ColumnFamilyHandle meta = families.meta();
    if (RocksDbLayoutV1.checkVersion(db.get(meta, options.read, RocksDbLayoutV1.LAYOUT_VERSION), dir)) {
      db.put(meta, options.write, RocksDbLayoutV1.LAYOUT_VERSION, RocksDbLayoutV1.encodeVersion());
    }
    return RocksDbLayoutV1.decodeLsn(db.get(meta, options.read, RocksDbLayoutV1.APPLIED_LSN), dir);
  }

  // Frees what a failed open had already made, in the order close uses.
  private static void abandon(RocksDB db, List<ColumnFamilyHandle> handles, RocksDbOptions options) {
    for (ColumnFamilyHandle handle : handles) {
      handle.close();
    }
    if (db != null) {
      db.close();
    }
    options.close();
  }

  @Override
  public String toString() {
    return "RocksDbBackend[" + directory + "]";
  }
}
