package org.verisimdb.storage.rocksdb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * How VeriSimDB lays its data out in a RocksDB database, layout 1.
 *
 * <pre>
 * column family "default"       RocksDB's own, always present; holds keyspace "default" (the one
 *                               keyspace name RocksDB has already taken), otherwise empty
 * column family {keyspace}      one per other keyspace, named exactly as the keyspace
 *                               ([a-z][a-z0-9_]{0,63}); keys and values verbatim, ordered by
 *                               RocksDB's bytewise comparator, which is Keys.ORDER
 * column family "verisim.meta"  the dot keeps it apart from every keyspace name
 *   key "applied_lsn"           int64 big-endian: the LSN of the last batch stored, written in the
 *                               same RocksDB write batch as that batch's data; absent means 0
 *   key "layout_version"        int32 big-endian = 1, written when the database is created
 * </pre>
 *
 * RocksDB's own WAL is off and flushes are atomic across column families, so the files on disk
 * always hold whole batches and the "applied_lsn" of exactly those batches.
 *
 * <p>Thread-safe: stateless.
 */
final class RocksDbLayoutV1 {
  static final int VERSION = 1;
  static final String META_FAMILY = "verisim.meta";
  static final String DEFAULT_FAMILY = "default";
  static final byte[] APPLIED_LSN = "applied_lsn".getBytes(StandardCharsets.US_ASCII);
  static final byte[] LAYOUT_VERSION = "layout_version".getBytes(StandardCharsets.US_ASCII);

  private RocksDbLayoutV1() {}

  static byte[] encodeLsn(long lsn) {
    return ByteBuffer.allocate(Long.BYTES).putLong(lsn).array();
  }

  /** The stored applied LSN, 0 when absent; STORAGE_CORRUPT when it is not 8 bytes. */
  static long decodeLsn(byte[] stored, Path directory) {
    if (stored == null) {
      return 0;
    }
    if (stored.length != Long.BYTES) {
      throw corrupt(directory, "its applied LSN is " + stored.length + " bytes instead of 8");
    }
    return ByteBuffer.wrap(stored).getLong();
  }

  static byte[] encodeVersion() {
    return ByteBuffer.allocate(Integer.BYTES).putInt(VERSION).array();
  }

  /** Refuses a layout this code does not know; true when none is recorded yet (a new database). */
  static boolean checkVersion(byte[] stored, Path directory) {
    if (stored == null) {
      return true;
    }
    if (stored.length != Integer.BYTES) {
      throw corrupt(directory, "its layout version is " + stored.length + " bytes instead of 4");
    }
    int version = ByteBuffer.wrap(stored).getInt();
    if (version != VERSION) {
      throw new VeriSimException(ErrorCode.BACKEND_UNAVAILABLE, "the RocksDB database in '" + directory
          + "' has layout version " + version + ", but this VeriSimDB reads only version " + VERSION
          + "; open it with the VeriSimDB release that wrote it");
    }
    return false;
  }

  private static VeriSimException corrupt(Path directory, String what) {
    return new VeriSimException(ErrorCode.STORAGE_CORRUPT, "the RocksDB database in '" + directory + "' is corrupt: "
        + what + " in column family " + META_FAMILY + ". Restore it from a backup or a copy, then replay the write-ahead log.");
  }
}
