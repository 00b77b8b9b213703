package org.verisimdb.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Commit times: the wall clock truncated to microseconds, made strictly increasing so that
 * versions are ordered by time even when the clock stalls or steps back. Thread-safe.
 */
final class CommitClock {
  private final Clock clock;
  private Instant last = Instant.MIN;

  CommitClock(Clock clock) {
    this.clock = clock;
  }

  /** The clock's time now, truncated to microseconds, without taking a commit time. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  synchronized Instant next() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    last = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
    return last;
  }
}
