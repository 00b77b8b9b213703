package org.verisimdb.storage.lmdb;

import java.nio.file.Path;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.LmdbException;
import org.lmdbjava.LmdbNativeException;
import org.lmdbjava.Txn;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Turns lmdbjava's exceptions into {@link VeriSimException}s, once, at the backend's edge: what
 * failed, in which directory, LMDB's own words, and what to do. Stateless.
 */
final class LmdbErrors {
  // Linux errno values LMDB passes through; the message carries LMDB's text for any other.
  private static final int ENOMEM = 12;
  private static final int EACCES = 13;
  private static final int ENOSPC = 28;
  private static final int EROFS = 30;

  private LmdbErrors() {}

  /**
   * The exception to throw for {@code failure}, raised while trying to {@code action} ("apply a
   * batch") on the environment in {@code directory}.
   */
  static VeriSimException wrap(LmdbException failure, String action, Path directory, LmdbSettings settings) {
    String what = "cannot " + action + " in the LMDB environment " + directory + ": ";
    String lmdb = " (" + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")";
    return switch (failure) {
      case Env.MapFullException e -> new VeriSimException(ErrorCode.STORAGE_IO, what + "its memory map of " + settings.mapSizeMb()
          + " MiB is full" + lmdb + "; nothing of this write was stored. Raise the setting " + LmdbSettings.MAP_SIZE_MB
          + " (storage.lmdb." + LmdbSettings.MAP_SIZE_MB + ") and reopen the database; the file is sparse, so a larger map"
          + " costs no disk until it is used", e);
      case Env.ReadersFullException e -> new VeriSimException(ErrorCode.STORAGE_IO, what + "all " + settings.maxReaders()
          + " reader slots are taken by open reads, scans and snapshots" + lmdb + "; close the ones you no longer need, or raise "
          + "the setting " + LmdbSettings.MAX_READERS + " (storage.lmdb." + LmdbSettings.MAX_READERS + ") and reopen", e);
      case Txn.TxFullException e -> new VeriSimException(ErrorCode.STORAGE_IO, what + "the batch changes more pages than one"
          + " LMDB transaction can hold" + lmdb + "; nothing of it was stored. Split it into smaller batches", e);
      case Dbi.DbFullException e -> new VeriSimException(ErrorCode.STORAGE_IO, what + "the environment already holds the most"
          + " keyspaces it can (" + (LmdbKeyspaces.MAX_DBIS - 1) + ")" + lmdb + "; use fewer keyspaces", e);
      case Dbi.MapResizedException e -> new VeriSimException(ErrorCode.STORAGE_IO, what + "another process grew the memory map"
          + lmdb + "; only one process may open a database at a time, so stop the other one and reopen", e);
      case Env.VersionMismatchException e -> new VeriSimException(ErrorCode.STORAGE_CORRUPT, what + "its files were written by an"
          + " incompatible LMDB version" + lmdb + "; open it with the release that wrote it, or restore it from a backup", e);
      case Env.FileInvalidException e -> corrupt(what + "data.mdb is not an LMDB data file" + lmdb, e);
      case LmdbNativeException.PageCorruptedException e -> corrupt(what + "a page is corrupted" + lmdb, e);
      case LmdbNativeException.PageNotFoundException e -> corrupt(what + "a page it refers to does not exist" + lmdb, e);
      case LmdbNativeException.PanicException e -> corrupt(what + "LMDB hit a fatal error and stopped" + lmdb, e);
      case Dbi.IncompatibleException e -> corrupt(what + "a named database does not have the layout VeriSimDB writes" + lmdb, e);
      case LmdbNativeException e -> new VeriSimException(ErrorCode.STORAGE_IO, what + "the operating system reported error "
          + e.getResultCode() + lmdb + errnoAdvice(e.getResultCode(), settings), e);
      default -> new VeriSimException(ErrorCode.STORAGE_IO, what + "lmdbjava refused the call" + lmdb
          + "; this is probably a defect in VeriSimDB's LMDB backend, please report it", failure);
    };
  }

  /** BACKEND_UNAVAILABLE for a native library (or its Java binding) that cannot be loaded. */
  static VeriSimException unavailable(LinkageError e) {
    return new VeriSimException(ErrorCode.BACKEND_UNAVAILABLE, "the LMDB native library cannot be loaded on "
        + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + " (" + e + "); lmdbjava ships it for Linux,"
        + " macOS and Windows on x86_64 and aarch64 and unpacks it into java.io.tmpdir, so if that directory is mounted noexec"
        + " set -Dlmdbjava.extract.dir to one that is not, or choose another backend with storage.backend", e);
  }

  private static VeriSimException corrupt(String message, LmdbException cause) {
    return new VeriSimException(ErrorCode.STORAGE_CORRUPT, message + "; restore the directory from a backup"
        + " (the write-ahead log then replays the rest)", cause);
  }

  private static String errnoAdvice(int errno, LmdbSettings settings) {
    return switch (errno) {
      case ENOSPC -> "; the disk is full: free space on it";
      case ENOMEM -> "; a memory map of " + settings.mapSizeMb() + " MiB does not fit into this process's address space:"
          + " lower the setting " + LmdbSettings.MAP_SIZE_MB + " or raise the limit (ulimit -v)";
      case EACCES, EROFS -> "; the process may not write there: fix the directory's permissions or choose another directory";
      default -> "; check the directory and its disk";
    };
  }
}
