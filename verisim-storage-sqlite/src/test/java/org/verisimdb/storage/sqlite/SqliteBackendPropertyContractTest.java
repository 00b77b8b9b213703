package org.verisimdb.storage.sqlite;

import java.nio.file.Path;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.testkit.storage.StorageBackendPropertyContract;

class SqliteBackendPropertyContractTest extends StorageBackendPropertyContract {
  @Override
  protected StorageBackend open(Path directory) {
    return SqliteBackend.open(directory);
  }
}
