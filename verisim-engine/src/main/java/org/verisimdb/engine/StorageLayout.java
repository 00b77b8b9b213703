package org.verisimdb.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.model.Modality;
import java.util.function.Function;
import org.verisimdb.storage.BackendOptions;
import org.verisimdb.storage.BackendProvider;
import org.verisimdb.storage.Backends;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.RoutedBackend;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.memory.MemoryBackend;

/**
 * Opens the stores a configuration describes: one backend per backend name in use, in
 * {@code data/<name>}, with each modality's keyspace routed to the backend configured for it and
 * everything else (headers, counts) in the default backend. Stateless.
 */
final class StorageLayout {
  private StorageLayout() {}

  /** Fails with BACKEND_UNAVAILABLE, before anything is created, if a configured backend is missing. */
  static void checkAvailable(DatabaseConfig config, Function<String, BackendProvider> providers) {
    providers.apply(config.backend());
    config.modalityBackends().values().forEach(providers::apply);
  }

  /** Opens the stores, finding backends with {@code providers} (normally {@link Backends#provider}). */
  static RoutedBackend open(DatabaseConfig config, DatabaseDirectory directory, Function<String, BackendProvider> providers) {
    Map<String, StorageBackend> opened = new LinkedHashMap<>();
    try {
      TreeSet<String> names = new TreeSet<>(config.modalityBackends().values());
      names.add(config.backend());
      for (String name : names) {
        opened.put(name, providers.apply(name).open(new BackendOptions(directory.data(name), config.settingsOf(name))));
      }
      return route(config, opened);
    } catch (RuntimeException e) {
      opened.values().forEach(StorageLayout::closeQuietly);
      throw e;
    }
  }

  /** Stores that keep nothing: one memory backend for everything. */
  static RoutedBackend inMemory() {
    return new RoutedBackend(Map.of(), new MemoryBackend());
  }

  private static RoutedBackend route(DatabaseConfig config, Map<String, StorageBackend> backends) {
    Map<Keyspace, StorageBackend> routes = new LinkedHashMap<>();
    config.modalityBackends().forEach((Modality m, String name) -> routes.put(OctadStore.keyspaceOf(m), backends.get(name)));
    return new RoutedBackend(routes, backends.get(config.backend()));
  }

  private static void closeQuietly(StorageBackend backend) {
    try {
      backend.close();
    } catch (RuntimeException e) {
      // opening failed already; that failure is the one to report
    }
  }
}
