package org.verisimdb.storage.rocksdb;

import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.BackendOptions;
import org.verisimdb.storage.BackendProvider;
import org.verisimdb.storage.StorageBackend;

/**
 * Registers {@link RocksDbBackend} under the name {@code rocksdb}. Its settings (keys without a
 * prefix) are {@code block_cache_mb}, {@code write_buffer_mb}, {@code max_open_files} and
 * {@code compression}; see {@link RocksDbSettings}.
 *
 * <p>Thread-safe: stateless.
 */
public final class RocksDbProvider implements BackendProvider {
  public static final String NAME = "rocksdb";

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
    if (options.directory() == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "directory",
          "the rocksdb storage backend keeps its data on disk and needs a directory; configure one, or choose the memory backend");
    }
    return RocksDbBackend.open(options.directory(), options.settings());
  }
}
