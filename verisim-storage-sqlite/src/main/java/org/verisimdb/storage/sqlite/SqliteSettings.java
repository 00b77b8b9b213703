package org.verisimdb.storage.sqlite;

import java.util.List;
import java.util.Map;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.Hints;
import org.verisimdb.model.error.VeriSimException;

/**
 * The SQLite backend's settings, read from {@code BackendOptions.settings()} (keys without a
 * prefix). Immutable, so thread-safe.
 *
 * @param cacheMb page cache, in MiB, shared out between the writer and the pooled readers
 * @param readConnections how many read-only connections serve gets and scans at once
 */
record SqliteSettings(int cacheMb, int readConnections) {
  static final String CACHE_MB = "cache_mb";
  static final String READ_CONNECTIONS = "read_connections";
  static final List<String> KNOWN = List.of(CACHE_MB, READ_CONNECTIONS);

  static final int MIN_CACHE_MB = 1;
  static final int MAX_CACHE_MB = 65_536;
  static final int MIN_READ_CONNECTIONS = 1;
  static final int MAX_READ_CONNECTIONS = 64;

  static final SqliteSettings DEFAULTS = new SqliteSettings(64, 8);

  SqliteSettings {
    check(CACHE_MB, cacheMb, MIN_CACHE_MB, MAX_CACHE_MB);
    check(READ_CONNECTIONS, readConnections, MIN_READ_CONNECTIONS, MAX_READ_CONNECTIONS);
  }

  /** The settings in {@code settings}, defaults for those absent; INVALID_CONFIG for an unknown key or a bad value. */
  static SqliteSettings parse(Map<String, String> settings) {
    for (String key : settings.keySet()) {
      if (!KNOWN.contains(key)) {
        throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, key, "unknown sqlite setting '" + key + "'"
            + Hints.didYouMean(key, KNOWN) + "; the sqlite backend knows " + String.join(", ", KNOWN));
      }
    }
    return new SqliteSettings(
        number(settings, CACHE_MB, DEFAULTS.cacheMb(), MIN_CACHE_MB, MAX_CACHE_MB),
        number(settings, READ_CONNECTIONS, DEFAULTS.readConnections(), MIN_READ_CONNECTIONS, MAX_READ_CONNECTIONS));
  }

  /**
   * The cache of one connection, in KiB. SQLite gives every connection its own page cache, so
   * the budget is split between the writer and the pooled readers rather than multiplied by them.
   */
  int cacheKibPerConnection() {
    return Math.max(1024, cacheMb * 1024 / (readConnections + 1));
  }

  private static int number(Map<String, String> settings, String key, int fallback, int min, int max) {
    String text = settings.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, key,
          "sqlite setting " + key + " = '" + text + "' is not a whole number; use " + min + " to " + max);
    }
  }

  private static void check(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, key,
          "sqlite setting " + key + " = " + value + " is out of range; use " + min + " to " + max);
    }
  }
}
