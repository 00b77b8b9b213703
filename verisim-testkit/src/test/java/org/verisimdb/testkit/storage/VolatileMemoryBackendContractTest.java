package org.verisimdb.testkit.storage;

import java.nio.file.Path;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.memory.MemoryBackend;

/** The memory backend without a directory: nothing survives close, everything else holds. */
class VolatileMemoryBackendContractTest extends StorageBackendContract {
  @Override
  protected StorageBackend open(Path directory) {
    return new MemoryBackend();
  }

  @Override
  protected StorageBackend openCopy(Path directory) {
    return new MemoryBackend(directory);
  }
}
