package org.verisimdb.storage.rocksdb;

import java.nio.file.Path;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.WriteBatch;

/**
 * Run in a child JVM by {@link RocksDbBackendTest}: applies batches 1..synced, syncs, applies
 * batches synced+1..applied, then halts the JVM without closing anything, as a crash would.
 * Arguments: directory, synced, applied.
 */
public final class CrashingWriter {
  static final Keyspace OLD = Keyspace.of("alpha");
  static final Keyspace NEW = Keyspace.of("beta");

  private CrashingWriter() {}

  public static void main(String[] args) {
    Path directory = Path.of(args[0]);
    long synced = Long.parseLong(args[1]);
    long applied = Long.parseLong(args[2]);
    RocksDbBackend backend = RocksDbBackend.open(directory);
    for (long lsn = 1; lsn <= applied; lsn++) {
      backend.apply(batch(lsn, synced));
      if (lsn == synced) {
        backend.sync();
      }
    }
    System.out.println("applied " + backend.appliedLsn());
    System.out.flush();
    Runtime.getRuntime().halt(0); // no close, no shutdown hooks: RocksDB keeps nothing it has not flushed
  }

  /** Batch {@code lsn}: rewrites a key of "alpha", and after the sync also writes "beta", a keyspace created then. */
  static WriteBatch batch(long lsn, long synced) {
    WriteBatch batch = new WriteBatch(lsn).put(OLD, Entries.bytes("k" + lsn % 37), Entries.bytes("v" + lsn));
    if (lsn % 3 == 0) {
      batch.delete(OLD, Entries.bytes("k" + (lsn + 11) % 37));
    }
    if (lsn > synced) {
      batch.put(NEW, Entries.bytes("n" + lsn), Entries.bytes("x" + lsn));
    }
    return batch;
  }
}
