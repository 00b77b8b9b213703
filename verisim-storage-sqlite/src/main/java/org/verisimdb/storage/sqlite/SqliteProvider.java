package org.verisimdb.storage.sqlite;

import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.BackendOptions;
import org.verisimdb.storage.BackendProvider;
import org.verisimdb.storage.StorageBackend;

/**
 * Registers {@link SqliteBackend} under the name {@code sqlite}. Settings (keys without a
 * prefix): {@code cache_mb}, the page cache in MiB shared by all connections (default 64,
 * 1 to 65536); {@code read_connections}, the pooled read-only connections (default 8, 1 to 64).
 * Any other key is INVALID_CONFIG. Thread-safe: stateless.
 */
public final class SqliteProvider implements BackendProvider {
  public static final String NAME = "sqlite";

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
    SqliteSettings settings = SqliteSettings.parse(options.settings());
    if (options.directory() == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "directory",
          "the sqlite backend keeps its data in a directory, and none was given; configure the database directory");
    }
    return SqliteBackend.open(options.directory(), settings);
  }
}
