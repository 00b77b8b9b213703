package org.verisimdb.storage;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where and how to open a backend: its directory (null for in-memory backends) and its own
 * settings as text, without the {@code storage.<backend>.} prefix of the configuration
 * ({@code block_cache_mb}, …), validated by the backend.
 */
public record BackendOptions(Path directory, Map<String, String> settings) {
  public BackendOptions {
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }

  public static BackendOptions inMemory() {
    return new BackendOptions(null, Map.of());
  }
}
