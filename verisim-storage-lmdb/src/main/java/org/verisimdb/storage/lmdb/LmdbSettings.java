package org.verisimdb.storage.lmdb;

import java.util.List;
import java.util.Map;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.Hints;
import org.verisimdb.model.error.VeriSimException;

/**
 * The LMDB backend's settings, parsed from {@code BackendOptions.settings()} (keys without the
 * {@code storage.lmdb.} prefix the engine strips). Immutable.
 *
 * @param mapSizeMb the size of the memory map in MiB: the most data the environment can hold.
 *     The data file is sparse, so a large map costs address space, not disk.
 * @param maxReaders how many read transactions (gets, scans, snapshots) may be open at once
 */
record LmdbSettings(long mapSizeMb, int maxReaders) {
  static final String MAP_SIZE_MB = "map_size_mb";
  static final String MAX_READERS = "max_readers";
  static final List<String> KNOWN = List.of(MAP_SIZE_MB, MAX_READERS);

  static final long DEFAULT_MAP_SIZE_MB = 262_144; // 256 GiB
  static final int DEFAULT_MAX_READERS = 126; // LMDB's own default
  // 64 TiB: half of x86_64's user address space, so a typo cannot ask for an impossible map.
  static final long MAX_MAP_SIZE_MB = 64L << 20;
  static final int MAX_MAX_READERS = 65_536;

  static final LmdbSettings DEFAULTS = new LmdbSettings(DEFAULT_MAP_SIZE_MB, DEFAULT_MAX_READERS);

  LmdbSettings {
    if (mapSizeMb < 1 || mapSizeMb > MAX_MAP_SIZE_MB) {
      throw new IllegalArgumentException("map size " + mapSizeMb + " MiB outside 1.." + MAX_MAP_SIZE_MB);
    }
    if (maxReaders < 1 || maxReaders > MAX_MAX_READERS) {
      throw new IllegalArgumentException("max readers " + maxReaders + " outside 1.." + MAX_MAX_READERS);
    }
  }

  /** Settings from text, with defaults for those not given; INVALID_CONFIG for an unknown key or a bad value. */
  static LmdbSettings parse(Map<String, String> settings) {
    for (String key : settings.keySet()) {
      if (!KNOWN.contains(key)) {
        throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, key, "unknown LMDB setting '" + key + "'"
            + Hints.didYouMean(key, KNOWN) + "; the LMDB backend knows " + String.join(", ", KNOWN)
            + " (configured as storage.lmdb.<setting>)");
      }
    }
    long mapSizeMb = number(settings, MAP_SIZE_MB, DEFAULT_MAP_SIZE_MB, MAX_MAP_SIZE_MB,
        "the memory map's size in MiB, e.g. " + DEFAULT_MAP_SIZE_MB + " for 256 GiB (the file is sparse)");
    long maxReaders = number(settings, MAX_READERS, DEFAULT_MAX_READERS, MAX_MAX_READERS,
        "how many reads, scans and snapshots may be open at once, e.g. " + DEFAULT_MAX_READERS);
    return new LmdbSettings(mapSizeMb, (int) maxReaders);
  }

  /** The map size in bytes. */
  long mapSizeBytes() {
    return mapSizeMb << 20;
  }

  private static long number(Map<String, String> settings, String key, long fallback, long max, String meaning) {
    String text = settings.get(key);
    if (text == null) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      value = -1;
    }
    if (value < 1 || value > max) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, key, "LMDB setting " + key + " must be a whole number from 1 to "
          + max + ", got '" + text + "'; set storage.lmdb." + key + " to " + meaning);
    }
    return value;
  }
}
