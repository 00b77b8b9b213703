package org.verisimdb.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.SQLiteOpenMode;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Opens connections to one database file with the backend's PRAGMAs. The writer's set WAL mode
 * (readers then read concurrently with it) and synchronous=NORMAL: commits are not forced,
 * because VeriSimDB's own write-ahead log is the durability and {@code sync()} forces the rest.
 * Readers are opened read-only. Thread-safe: immutable.
 */
final class SqliteConnections {
  /** How long a connection waits for a lock SQLite holds briefly (WAL restarts, recovery) before failing. */
  static final int BUSY_TIMEOUT_MS = 10_000;
  // After a checkpoint the WAL is cut back to this size, so one large batch does not keep a large file.
  private static final int JOURNAL_SIZE_LIMIT = 64 << 20;

  private static volatile boolean driverLoaded;

  private final Path file;
  private final String url;
  private final int cacheKib;

  SqliteConnections(Path file, SqliteSettings settings) {
    loadDriver();
    this.file = file;
    this.url = url(file);
    this.cacheKib = settings.cacheKibPerConnection();
  }

  Path file() {
    return file;
  }

  /** A read-write connection, which puts the file in WAL mode. */
  Connection openWriter() throws SQLException {
    SQLiteConfig config = common(cacheKib);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setJournalSizeLimit(JOURNAL_SIZE_LIMIT);
    return config.createConnection(url);
  }

  /** A read-only connection; it never takes the write lock. */
  Connection openReader() throws SQLException {
    return openReadOnly(url, cacheKib);
  }

  /** A read-only connection to another database file, such as a copy. */
  static Connection openReadOnly(Path file) throws SQLException {
    loadDriver();
    return openReadOnly(url(file), 1024);
  }

  private static Connection openReadOnly(String url, int cacheKib) throws SQLException {
    SQLiteConfig config = common(cacheKib);
    config.setOpenMode(SQLiteOpenMode.READONLY);
    config.setReadOnly(true);
    return config.createConnection(url);
  }

  private static SQLiteConfig common(int cacheKib) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setCacheSize(-cacheKib); // negative: KiB rather than pages
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    return config;
  }

  private static String url(Path file) {
    String path = file.toAbsolutePath().toString();
    // The driver cuts the URL at '?' to read connection parameters from the rest.
    if (path.indexOf('?') >= 0) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "directory", "the sqlite backend cannot use " + path
          + ": the SQLite JDBC driver reads '?' in a path as the start of its parameters; choose a directory without '?'");
    }
    return "jdbc:sqlite:" + path;
  }

  /** Loads sqlite-jdbc's native library once, or fails with BACKEND_UNAVAILABLE saying why. */
  private static void loadDriver() {
    if (driverLoaded) {
      return;
    }
    try {
      SQLiteJDBCLoader.initialize();
      driverLoaded = true;
    } catch (Exception | LinkageError e) {
      throw new VeriSimException(ErrorCode.BACKEND_UNAVAILABLE, "the sqlite backend cannot load SQLite's native library for "
          + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e
          + "; check that java.io.tmpdir (or org.sqlite.tmpdir) is writable and not mounted noexec,"
          + " or choose another storage backend", e);
    }
  }
}
