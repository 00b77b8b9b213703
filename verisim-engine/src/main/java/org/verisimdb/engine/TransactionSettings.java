package org.verisimdb.engine;

import java.time.Duration;
import java.util.Locale;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Transaction defaults and limits, and how long old versions are kept.
 *
 * @param isolation level of {@link Session#begin()} and of {@code inTransaction} without a level
 * @param lockTimeout longest wait for a lock before LOCK_TIMEOUT
 * @param idleTimeout a transaction idle this long is aborted (its locks released)
 * @param maxDuration a transaction older than this is aborted
 * @param maxWrites most octad writes (creates, updates, deletes) in one transaction
 * @param maxBytes most bytes of staged writes in one transaction
 * @param retention which superseded versions are kept
 * @param gcInterval period of the collection of versions the retention no longer keeps
 */
public record TransactionSettings(
    Isolation isolation,
    Duration lockTimeout,
    Duration idleTimeout,
    Duration maxDuration,
    int maxWrites,
    long maxBytes,
    Retention retention,
    Duration gcInterval) {

  public static final TransactionSettings DEFAULTS = new TransactionSettings(Isolation.SNAPSHOT, Duration.ofSeconds(10),
      Duration.ofSeconds(60), Duration.ofMinutes(10), 100_000, 256L << 20, Retention.ALL, Duration.ofSeconds(60));

  public TransactionSettings withIsolation(Isolation level) {
    return new TransactionSettings(level, lockTimeout, idleTimeout, maxDuration, maxWrites, maxBytes, retention, gcInterval);
  }

  public TransactionSettings withMaxDuration(Duration duration) {
    return new TransactionSettings(isolation, lockTimeout, idleTimeout, duration, maxWrites, maxBytes, retention, gcInterval);
  }

  public TransactionSettings withLockTimeout(Duration timeout) {
    return new TransactionSettings(isolation, timeout, idleTimeout, maxDuration, maxWrites, maxBytes, retention, gcInterval);
  }

  public TransactionSettings withIdleTimeout(Duration timeout) {
    return new TransactionSettings(isolation, lockTimeout, timeout, maxDuration, maxWrites, maxBytes, retention, gcInterval);
  }

  /** Limits of one transaction: octad writes and staged bytes. */
  public TransactionSettings withMaxSize(int writes, long bytes) {
    return new TransactionSettings(isolation, lockTimeout, idleTimeout, maxDuration, writes, bytes, retention, gcInterval);
  }

  public TransactionSettings withRetention(Retention policy, Duration interval) {
    return new TransactionSettings(isolation, lockTimeout, idleTimeout, maxDuration, maxWrites, maxBytes, policy, interval);
  }

  /**
   * Which superseded versions of an octad's content are kept (its version records and provenance
   * chain are always kept). Versions a running transaction or reader may still see are kept
   * whatever the policy.
   *
   * @param versions keep this many newest versions per octad; 0 = no limit by count
   * @param age keep versions superseded less than this long ago; null = no limit by age
   */
  public record Retention(int versions, Duration age) {
    /** Keep every version (the default): AS OF reads any past version. */
    public static final Retention ALL = new Retention(0, null);

    public boolean keepsAll() {
      return versions == 0 && age == null;
    }

    /** {@code all}, {@code versions:N} (N ≥ 1) or {@code days:N} (N ≥ 1). */
    public static Retention parse(String text) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      try {
        if (t.equals("all")) {
          return ALL;
        } else if (t.startsWith("versions:") && Integer.parseInt(t.substring(9)) >= 1) {
          return new Retention(Integer.parseInt(t.substring(9)), null);
        } else if (t.startsWith("days:") && Integer.parseInt(t.substring(5)) >= 1) {
          return new Retention(0, Duration.ofDays(Integer.parseInt(t.substring(5))));
        }
      } catch (NumberFormatException e) {
        // the one message below
      }
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "history.retention", "history.retention = '" + text
          + "' is not all, versions:N or days:N (N a whole number from 1)");
    }

    public String describe() {
      return keepsAll() ? "all" : versions > 0 ? "versions:" + versions : "days:" + age.toDays();
    }
  }
}
