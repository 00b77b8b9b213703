package org.verisimdb.testkit.storage;

import java.nio.file.Path;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.memory.MemoryBackend;

/** The memory backend with a directory: snapshot files make it durable at each sync. */
class MemoryBackendContractTest extends StorageBackendContract {
  @Override
  protected StorageBackend open(Path directory) {
    return new MemoryBackend(directory);
  }
}
