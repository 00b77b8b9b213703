package org.verisimdb.testkit.storage;

import java.nio.file.Path;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.memory.MemoryBackend;

class MemoryBackendPropertyContractTest extends StorageBackendPropertyContract {
  @Override
  protected StorageBackend open(Path directory) {
    return new MemoryBackend(directory);
  }
}
