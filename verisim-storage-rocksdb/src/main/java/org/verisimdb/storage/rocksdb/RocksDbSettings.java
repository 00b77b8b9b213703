package org.verisimdb.storage.rocksdb;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rocksdb.CompressionType;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.Hints;
import org.verisimdb.model.error.VeriSimException;

/**
 * The RocksDB backend's settings, parsed from {@code BackendOptions.settings()} (keys without a
 * prefix, values as text).
 *
 * <p>Thread-safe: immutable.
 *
 * @param blockCacheMb  {@code block_cache_mb}: the block cache shared by every keyspace, in MiB (default 64)
 * @param writeBufferMb {@code write_buffer_mb}: each keyspace's memtable size, in MiB (default 32)
 * @param maxOpenFiles  {@code max_open_files}: table files RocksDB keeps open, -1 for no limit (default 512)
 * @param compression   {@code compression}: lz4, zstd or none (default lz4)
 */
record RocksDbSettings(int blockCacheMb, int writeBufferMb, int maxOpenFiles, Compression compression) {
  static final String BLOCK_CACHE_MB = "block_cache_mb";
  static final String WRITE_BUFFER_MB = "write_buffer_mb";
  static final String MAX_OPEN_FILES = "max_open_files";
  static final String COMPRESSION = "compression";
  static final List<String> KNOWN = List.of(BLOCK_CACHE_MB, COMPRESSION, MAX_OPEN_FILES, WRITE_BUFFER_MB);

  static final RocksDbSettings DEFAULTS = new RocksDbSettings(64, 32, 512, Compression.LZ4);

  private static final int MAX_BLOCK_CACHE_MB = 1 << 20;
  private static final int MAX_WRITE_BUFFER_MB = 1 << 16;
  // RocksDB raises any smaller limit to 20 (and caps larger ones), so accepting them would mislead.
  private static final int MIN_OPEN_FILES = 20;
  private static final int MAX_OPEN_FILES_LIMIT = 1 << 22;

  /** Block compression of the table files. */
  enum Compression {
    LZ4(CompressionType.LZ4_COMPRESSION),
    ZSTD(CompressionType.ZSTD_COMPRESSION),
    NONE(CompressionType.NO_COMPRESSION);

    private final CompressionType type;

    Compression(CompressionType type) {
      this.type = type;
    }

    CompressionType type() {
      return type;
    }

    String setting() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  RocksDbSettings {
    checkRange(BLOCK_CACHE_MB, blockCacheMb, 1, MAX_BLOCK_CACHE_MB);
    checkRange(WRITE_BUFFER_MB, writeBufferMb, 1, MAX_WRITE_BUFFER_MB);
    if (maxOpenFiles != -1) {
      checkRange(MAX_OPEN_FILES, maxOpenFiles, MIN_OPEN_FILES, MAX_OPEN_FILES_LIMIT);
    }
    if (compression == null) {
      throw new IllegalArgumentException("compression is null");
    }
  }

  /** Parses settings, with the defaults for those not given; INVALID_CONFIG for an unknown key or a bad value. */
  static RocksDbSettings parse(Map<String, String> settings) {
    for (String key : settings.keySet()) {
      if (!KNOWN.contains(key)) {
        throw invalid(key, "unknown rocksdb setting '" + key + "'" + Hints.didYouMean(key, KNOWN)
            + "; the known settings are " + String.join(", ", KNOWN));
      }
    }
    return new RocksDbSettings(
        integer(settings, BLOCK_CACHE_MB, DEFAULTS.blockCacheMb()),
        integer(settings, WRITE_BUFFER_MB, DEFAULTS.writeBufferMb()),
        integer(settings, MAX_OPEN_FILES, DEFAULTS.maxOpenFiles()),
        compression(settings.get(COMPRESSION)));
  }

  private static int integer(Map<String, String> settings, String key, int fallback) {
    String text = settings.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw invalid(key, "rocksdb setting " + key + " must be a whole number, got '" + text + "'");
    }
  }

  private static Compression compression(String text) {
    if (text == null) {
      return DEFAULTS.compression();
    }
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (Compression c : Compression.values()) {
      if (c.setting().equals(wanted)) {
        return c;
      }
    }
    throw invalid(COMPRESSION, "rocksdb setting compression must be lz4, zstd or none, got '" + text + "'");
  }

  private static void checkRange(String key, int value, int min, int max) {
    if (value < min || value > max) {
      String extra = key.equals(MAX_OPEN_FILES) ? " (or -1 for no limit)" : "";
      throw invalid(key, "rocksdb setting " + key + " must be from " + min + " to " + max + extra + ", got " + value);
    }
  }

  private static VeriSimException invalid(String key, String message) {
    return VeriSimException.invalid(ErrorCode.INVALID_CONFIG, key, message);
  }
}
