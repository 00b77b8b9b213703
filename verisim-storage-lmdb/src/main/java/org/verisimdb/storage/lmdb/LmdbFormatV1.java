package org.verisimdb.storage.lmdb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.lmdbjava.Dbi;
import org.lmdbjava.Txn;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * How VeriSimDB lays out an LMDB environment, format 1. The environment is LMDB's own two files,
 * {@code data.mdb} and {@code lock.mdb}, in the backend's directory.
 * <pre>
 * named database "verisim.meta" (reserved: keyspace names cannot contain a dot)
 *   key "format_version" (UTF-8)  value int32 big-endian = 1, written when the environment is created
 *   key "applied_lsn"    (UTF-8)  value int64 big-endian, the LSN of the last batch applied;
 *                                 absent means 0. Written in the same write transaction as the
 *                                 batch's data, so the two are atomic.
 * named database "&lt;keyspace name&gt;", one per keyspace, created by its first write
 *   keys and values verbatim; LMDB's default key order (memcmp, then the shorter key first),
 *   which is {@code Keys.ORDER}
 * </pre>
 * A newer layout gets a class {@code LmdbFormatV2}; this one stays to read old environments.
 * Stateless.
 */
final class LmdbFormatV1 {
  static final int VERSION = 1;
  static final String META_DBI = "verisim.meta";
  static final byte[] FORMAT_VERSION_KEY = "format_version".getBytes(StandardCharsets.UTF_8);
  static final byte[] APPLIED_LSN_KEY = "applied_lsn".getBytes(StandardCharsets.UTF_8);

  private LmdbFormatV1() {}

  /** The applied LSN stored in {@code meta} as {@code txn} sees it; 0 when none was stored. */
  static long readAppliedLsn(Txn<byte[]> txn, Dbi<byte[]> meta, Path directory) {
    byte[] value = meta.get(txn, APPLIED_LSN_KEY);
    if (value == null) {
      return 0;
    }
    if (value.length != Long.BYTES) {
      throw corrupt(directory, "its applied LSN is " + value.length + " bytes long instead of 8");
    }
    return ByteBuffer.wrap(value).getLong();
  }

  static void writeAppliedLsn(Txn<byte[]> txn, Dbi<byte[]> meta, long lsn) {
    meta.put(txn, APPLIED_LSN_KEY, ByteBuffer.allocate(Long.BYTES).putLong(lsn).array());
  }

  /**
   * Checks the stored format version, recording this one in an environment that has none (a
   * new one). STORAGE_CORRUPT when another version is stored.
   */
  static void checkOrRecordVersion(Txn<byte[]> txn, Dbi<byte[]> meta, Path directory) {
    byte[] value = meta.get(txn, FORMAT_VERSION_KEY);
    if (value == null) {
      meta.put(txn, FORMAT_VERSION_KEY, ByteBuffer.allocate(Integer.BYTES).putInt(VERSION).array());
      return;
    }
    if (value.length != Integer.BYTES) {
      throw corrupt(directory, "its format version is " + value.length + " bytes long instead of 4");
    }
    int version = ByteBuffer.wrap(value).getInt();
    if (version != VERSION) {
      throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "the LMDB environment " + directory + " has VeriSimDB layout format "
          + version + ", which this release (format " + VERSION + ") cannot read; open it with the release that wrote it");
    }
  }

  static VeriSimException corrupt(Path directory, String why) {
    return new VeriSimException(ErrorCode.STORAGE_CORRUPT, "the LMDB environment " + directory + " is damaged: " + why
        + "; restore it from a backup (the write-ahead log then replays the rest)");
  }
}
