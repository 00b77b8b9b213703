package org.verisimdb.storage.lmdb;

import java.nio.file.Path;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.testkit.storage.StorageBackendPropertyContract;

class LmdbBackendPropertyContractTest extends StorageBackendPropertyContract {
  @Override
  protected StorageBackend open(Path directory) {
    return LmdbBackend.open(directory);
  }
}
