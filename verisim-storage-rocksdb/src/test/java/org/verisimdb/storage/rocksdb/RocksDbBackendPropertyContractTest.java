package org.verisimdb.storage.rocksdb;

import java.nio.file.Path;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.testkit.storage.StorageBackendPropertyContract;

class RocksDbBackendPropertyContractTest extends StorageBackendPropertyContract {
  @Override
  protected StorageBackend open(Path directory) {
    return RocksDbBackend.open(directory);
  }
}
