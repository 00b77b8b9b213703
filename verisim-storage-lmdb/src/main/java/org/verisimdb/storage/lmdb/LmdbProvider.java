package org.verisimdb.storage.lmdb;

import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.BackendOptions;
import org.verisimdb.storage.BackendProvider;
import org.verisimdb.storage.StorageBackend;

/**
 * Registers {@link LmdbBackend} under the name {@code lmdb}. Settings: {@code map_size_mb}
 * (default 262144, i.e. 256 GiB; the file is sparse) and {@code max_readers} (default 126).
 * Stateless.
 */
public final class LmdbProvider implements BackendProvider {
  public static final String NAME = "lmdb";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean needsDirectory() {
    return true;
  }

  @Override
  public StorageBackend open(BackendOptions options) {
    LmdbSettings settings = LmdbSettings.parse(options.settings());
    if (options.directory() == null) {
      throw new VeriSimException(ErrorCode.INVALID_CONFIG, "the lmdb backend keeps its data in a directory, and none was"
          + " given; open the database on a path, or choose the memory backend for a database held in memory");
    }
    return LmdbBackend.open(options.directory(), settings);
  }
}
