package org.verisimdb.storage.lmdb;

import java.nio.file.Path;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.testkit.storage.StorageBackendContract;

/** The shared storage contract, run against an LMDB environment with default settings. */
class LmdbBackendContractTest extends StorageBackendContract {
  @Override
  protected StorageBackend open(Path directory) {
    return LmdbBackend.open(directory);
  }
}
