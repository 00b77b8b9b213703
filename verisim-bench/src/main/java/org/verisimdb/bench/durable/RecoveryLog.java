package org.verisimdb.bench.durable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the engine logs while a database opens, captured to split the open's wall time into
 * phases and to read the replayer's own figures. The engine logs through {@link System.Logger},
 * which without another logging provider on the class path is java.util.logging; this adds a
 * handler to the {@code org.verisimdb} logger for as long as it is open.
 *
 * <p>The phases are found by the start of the messages the engine logs today; when a message is
 * not there (another logging provider, a changed message) that figure is unknown, never wrong.
 * Thread-safe: the engine may log from any thread.
 */
final class RecoveryLog implements AutoCloseable {
  /** One captured message: when, and its format and parameters as logged. */
  record Entry(Instant at, String logger, String format, Object[] parameters) {}

  /**
   * The replayer's summary line: records, operations and bytes replayed, the LSN range and its
   * own time; absent (null) when nothing was replayed or the line was not captured.
   */
  record Replayed(long records, long operations, long bytes, long fromLsn, long toLsn, long millis) {}

  // java.util.logging holds loggers weakly: keep this one while the handler is on it.
  private final Logger logger = Logger.getLogger("org.verisimdb");
  private final List<Entry> entries = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      synchronized (entries) {
        entries.add(new Entry(r.getInstant(), r.getLoggerName(), r.getMessage(), r.getParameters()));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  RecoveryLog() {
    logger.addHandler(handler);
  }

  List<Entry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /** When the first message starting with {@code prefix} was logged, or null. */
  Instant first(String prefix) {
    for (Entry e : entries()) {
      if (e.format() != null && e.format().startsWith(prefix)) {
        return e.at();
      }
    }
    return null;
  }

  Replayed replayed() {
    for (Entry e : entries()) {
      Object[] p = e.parameters();
      if (e.format() != null && e.format().startsWith("replayed ") && p != null && p.length >= 6) {
        try {
          return new Replayed(number(p[0]), number(p[1]), number(p[2]), number(p[3]), number(p[4]), number(p[5]));
        } catch (IllegalArgumentException ex) {
          return null; // not the line this was written against
        }
      }
    }
    return null;
  }

  /** The time from {@code from} to {@code to}, or null when either is unknown. */
  static Duration between(Instant from, Instant to) {
    return from == null || to == null ? null : Duration.between(from, to);
  }

  private static long number(Object o) {
    if (o instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalArgumentException("not a number: " + o);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
