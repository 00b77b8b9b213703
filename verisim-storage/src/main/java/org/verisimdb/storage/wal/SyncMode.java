package org.verisimdb.storage.wal;

import java.util.Locale;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * When a commit is acknowledged relative to its log record reaching the disk.
 * <ul>
 *   <li>{@link #FSYNC}: after an fsync covering it. Concurrent committers share one fsync (group
 *       commit). Nothing acknowledged is lost, even on power failure.
 *   <li>{@link #ASYNC}: at once; a background thread fsyncs every {@code wal.async_interval_ms}
 *       (default 10). A power failure or OS crash loses the commits of at most the last interval
 *       plus one fsync's duration; a crash of the process alone loses nothing (the OS keeps
 *       written bytes).
 *   <li>{@link #NONE}: at once, never fsynced until checkpoint or close: for tests and bulk loads
 *       that can be redone. A process crash loses nothing; power loss may lose everything since
 *       the last checkpoint.
 * </ul>
 */
public enum SyncMode {
  FSYNC, ASYNC, NONE;

  public static SyncMode parse(String text) {
    for (SyncMode mode : values()) {
      if (mode.name().equalsIgnoreCase(text)) {
        return mode;
      }
    }
    throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "wal.sync", "wal.sync '" + text + "' is not a sync mode; use fsync, async or none");
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
