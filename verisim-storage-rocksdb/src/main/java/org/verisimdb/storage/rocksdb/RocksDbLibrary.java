package org.verisimdb.storage.rocksdb;

import org.rocksdb.RocksDB;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Loads RocksDB's native library once per JVM, on first use, and remembers a failure so every
 * later open reports it the same way.
 *
 * <p>Thread-safe: the JVM runs the class initialiser once.
 */
final class RocksDbLibrary {
  private static final Throwable FAILURE = tryLoad();

  private RocksDbLibrary() {}

  /** Returns when the library is loaded; BACKEND_UNAVAILABLE when it cannot be. */
  static void load() {
    if (FAILURE != null) {
      throw new VeriSimException(ErrorCode.BACKEND_UNAVAILABLE, "the RocksDB native library could not be loaded on "
          + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + " (" + FAILURE
          + "); check that the temporary directory (java.io.tmpdir) is writable and the platform is one rocksdbjni "
          + "supports, or choose another backend with storage.backend", FAILURE);
    }
  }

  private static Throwable tryLoad() {
    try {
      RocksDB.loadLibrary();
      return null;
    } catch (LinkageError | RuntimeException e) {
      return e;
    }
  }
}
