package org.verisimdb.storage.sqlite;

import java.nio.file.Path;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.testkit.storage.StorageBackendContract;

/** Runs the shared storage contract against {@link SqliteBackend}. */
class SqliteBackendContractTest extends StorageBackendContract {
  @Override
  protected StorageBackend open(Path directory) {
    return SqliteBackend.open(directory);
  }
}
