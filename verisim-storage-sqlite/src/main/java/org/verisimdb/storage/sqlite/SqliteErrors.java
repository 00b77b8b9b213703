package org.verisimdb.storage.sqlite;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Turns SQLite's failures into {@link VeriSimException}s, once, at the backend's edge, and
 * answers DATABASE_CLOSED once the backend is closed (a connection closed under a running call
 * fails with a driver error that would otherwise read as I/O trouble). Thread-safe: immutable.
 */
final class SqliteErrors {
  // SQLite's primary result codes (the low byte of an extended code), https://sqlite.org/rescode.html
  private static final int PERM = 3;
  private static final int BUSY = 5;
  private static final int LOCKED = 6;
  private static final int READONLY = 8;
  private static final int CORRUPT = 11;
  private static final int FULL = 13;
  private static final int CANTOPEN = 14;
  private static final int NOTADB = 26;

  private final Path file;
  private final BooleanSupplier closed;

  SqliteErrors(Path file, BooleanSupplier closed) {
    this.file = file;
    this.closed = closed;
  }

  Path file() {
    return file;
  }

  void checkOpen() {
    if (closed.getAsBoolean()) {
      throw closedError(null);
    }
  }

  /** The exception for a failed {@code action} ("read keyspace alpha"). */
  VeriSimException wrap(SQLException e, String action) {
    return closed.getAsBoolean() ? closedError(e) : map(file, e, action);
  }

  VeriSimException closedError(Throwable cause) {
    return new VeriSimException(ErrorCode.DATABASE_CLOSED,
        "the sqlite backend on " + file + " has been closed; open it again to use it", cause);
  }

  /** The exception for a failed {@code action} on {@code file}, by SQLite's result code. */
  static VeriSimException map(Path file, SQLException e, String action) {
    String sqlite = " (SQLite: " + e.getMessage() + ")";
    return switch (e.getErrorCode() & 0xff) {
      case CORRUPT, NOTADB -> new VeriSimException(ErrorCode.STORAGE_CORRUPT, "cannot " + action + ": " + file
          + " is damaged or is not a SQLite database" + sqlite
          + "; restore the directory from a backup, or move the file away so that a new one is created and the write-ahead log replayed", e);
      case FULL -> new VeriSimException(ErrorCode.STORAGE_IO, "cannot " + action + " in " + file + ": the disk is full" + sqlite
          + "; free space on that volume, then retry", e);
      case BUSY, LOCKED -> new VeriSimException(ErrorCode.STORAGE_IO, "cannot " + action + " in " + file
          + ": the database is locked by another connection or process" + sqlite
          + "; make sure only one VeriSimDB instance uses this directory", e);
      case READONLY, PERM -> new VeriSimException(ErrorCode.STORAGE_IO, "cannot " + action + " in " + file
          + ": the file or its directory is not writable" + sqlite + "; check their permissions and the mount", e);
      case CANTOPEN -> new VeriSimException(ErrorCode.STORAGE_IO, "cannot " + action + ": SQLite cannot open " + file + sqlite
          + "; check that the path is a file in an existing, writable directory", e);
      default -> new VeriSimException(ErrorCode.STORAGE_IO, "cannot " + action + " in " + file + sqlite
          + "; check the disk and the file's permissions, then retry", e);
    };
  }
}
