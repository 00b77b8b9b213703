package org.verisimdb.storage.memory;

import org.verisimdb.storage.BackendOptions;
import org.verisimdb.storage.BackendProvider;
import org.verisimdb.storage.StorageBackend;

/**
 * Registers {@link MemoryBackend} under the name {@code memory}: volatile without a directory,
 * snapshot-backed with one.
 */
public final class MemoryBackendProvider implements BackendProvider {
  public static final String NAME = "memory";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean needsDirectory() {
    return false;
  }

  @Override
  public StorageBackend open(BackendOptions options) {
    return options.directory() == null ? new MemoryBackend() : new MemoryBackend(options.directory());
  }
}
