package org.verisimdb.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.BackendOptions;
import org.verisimdb.storage.BackendProvider;
import org.verisimdb.storage.Backends;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.memory.MemoryBackendProvider;

/**
 * Opens VeriSimDB databases inside this JVM.
 *
 * <pre>{@code
 * try (Database db = VeriSimDB.open(Path.of("data/demo"), DatabaseConfig.load(Path.of("verisimdb.properties")))) {
 *   Octad octad = db.create(OctadInput.builder().with(DocumentFacet.of("Title", "Body")).build());
 * }
 * }</pre>
 */
public final class VeriSimDB {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.engine");

  private VeriSimDB() {}

  /** Opens (creating if needed) the database in {@code directory} with the default settings. */
  public static Database open(Path directory) {
    return open(directory, DatabaseConfig.defaults());
  }

  /**
   * Opens (creating if needed) the database in {@code directory}. The directory is locked while
   * the database is open. Fails with BACKEND_UNAVAILABLE when the configured backend is not on
   * the classpath, DATABASE_LOCKED when another process has the directory open.
   */
  public static Database open(Path directory, DatabaseConfig config) {
    return open(directory, config, Clock.systemUTC());
  }

  static Database open(Path directory, DatabaseConfig config, Clock clock) {
    if (directory == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "directory", "a database directory is required; use openInMemory() for none");
    }
    BackendProvider provider = Backends.provider(config.backend());
    DatabaseDirectory dir = DatabaseDirectory.open(directory.toAbsolutePath().normalize(), provider.name());
    try {
      StorageBackend backend = provider.open(new BackendOptions(dir.data(), settingsOf(config)));
      EmbeddedDatabase db = new EmbeddedDatabase(config, dir, backend, new CommitClock(clock));
      if (!backend.durable()) {
        LOG.log(System.Logger.Level.WARNING, "storage backend ''{0}'' keeps data in memory only: nothing is written under {1}"
            + " and every octad is lost on close", provider.name(), directory);
      }
      LOG.log(System.Logger.Level.INFO, "opened database {0} (backend {1}, {2} octads)", db.where(), provider.name(), db.stats().octads());
      return db;
    } catch (RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** A new, empty database held in memory, with default settings. */
  public static Database openInMemory() {
    return openInMemory(DatabaseConfig.defaults());
  }

  /** A new, empty database held in memory; the configured backend is ignored. */
  public static Database openInMemory(DatabaseConfig config) {
    return openInMemory(config, Clock.systemUTC());
  }

  static Database openInMemory(DatabaseConfig config, Clock clock) {
    DatabaseConfig memory = config.withBackend(MemoryBackendProvider.NAME);
    StorageBackend backend = Backends.provider(MemoryBackendProvider.NAME).open(BackendOptions.inMemory());
    return new EmbeddedDatabase(memory, null, backend, new CommitClock(clock));
  }

  private static Map<String, String> settingsOf(DatabaseConfig config) {
    String prefix = "storage." + config.backend() + ".";
    Map<String, String> settings = new java.util.TreeMap<>();
    config.backendSettings().forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        settings.put(k.substring(prefix.length()), v);
      }
    });
    return settings;
  }
}
