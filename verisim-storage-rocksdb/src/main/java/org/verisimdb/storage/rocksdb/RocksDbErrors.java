package org.verisimdb.storage.rocksdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Turns RocksDB's and the file system's exceptions into {@link VeriSimException}s, once, at the
 * backend's edge, keeping the cause.
 *
 * <p>Thread-safe: stateless.
 */
final class RocksDbErrors {
  private RocksDbErrors() {}

  /**
   * The error for a failed RocksDB call.
   *
   * @param action what was being done, as in "could not {action}" ("write a batch")
   */
  static VeriSimException wrap(RocksDBException e, String action, Path directory) {
    Status status = e.getStatus();
    String detail = detail(e);
    String lower = detail.toLowerCase(Locale.ROOT);
    String what = "RocksDB could not " + action + " in '" + directory + "'";
    // The order of the tests is behaviour: a lock failure is also an IOError, and a full disk
    // is reported as an IOError whose sub-code is not always set.
    if (lower.contains("lock hold by current process") || lower.contains("/lock:") && lower.contains("resource temporarily unavailable")
        || lower.contains("while lock file")) {
      return new VeriSimException(ErrorCode.DATABASE_LOCKED, "Cannot open the RocksDB database in '" + directory
          + "': its directory is locked by another open backend in this process or by another process (" + detail
          + "). Close the other one first, or open a copy made with copyTo.", e);
    }
    if (status != null && status.getSubCode() == Status.SubCode.NoSpace || lower.contains("no space left")) {
      return new VeriSimException(ErrorCode.STORAGE_IO, what + ": the disk is full (" + detail
          + "). Free space on that disk and retry; the write-ahead log still holds what was not stored.", e);
    }
    if (status != null && status.getCode() == Status.Code.Corruption) {
      return new VeriSimException(ErrorCode.STORAGE_CORRUPT, what + ": its files are corrupt (" + detail
          + "). Restore the directory from a backup or a copy, then replay the write-ahead log.", e);
    }
    return new VeriSimException(ErrorCode.STORAGE_IO, what + ": " + detail
        + ". Check that the directory exists, is writable, and that its disk is healthy.", e);
  }

  /** The error for a failed file-system call made around RocksDB (creating or clearing a directory). */
  static VeriSimException io(IOException e, String action, Path path) {
    return new VeriSimException(ErrorCode.STORAGE_IO, "could not " + action + " '" + path + "': " + e
        + ". Check that the path is on a writable disk with free space.", e);
  }

  /** The error for any call on a closed backend. */
  static VeriSimException closed(Path directory) {
    return new VeriSimException(ErrorCode.DATABASE_CLOSED, "the RocksDB backend in '" + directory
        + "' has been closed; open it again to use it");
  }

  private static String detail(RocksDBException e) {
    Status status = e.getStatus();
    if (e.getMessage() != null && !e.getMessage().isBlank()) {
      return e.getMessage();
    }
    return status == null ? "no status" : status.getCodeString();
  }
}
