package org.verisimdb.engine;

import java.util.Locale;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.Hints;
import org.verisimdb.model.error.VeriSimException;

/**
 * How much of other transactions' work a transaction sees (VQL §5.13). Every level reads only
 * committed data plus the transaction's own writes, and every commit is atomic.
 */
public enum Isolation {
  /**
   * Each operation reads what was committed when it started. Writes are applied at commit to the
   * newest committed version of each octad, so concurrent writers are serialised, not refused
   * (a write that no longer applies, such as an update of an octad deleted meanwhile, aborts with
   * WRITE_CONFLICT).
   */
  READ_COMMITTED("read committed"),
  /**
   * Every operation reads the snapshot taken at the transaction's first operation. Writing an
   * octad another transaction committed after that snapshot fails with WRITE_CONFLICT (first
   * committer wins). Write skew is possible.
   */
  SNAPSHOT("snapshot"),
  /**
   * SNAPSHOT, and the outcome equals a serial order of the committed transactions: octads read
   * and ranges listed are checked at commit against what committed after the snapshot; a change
   * there fails with SERIALIZATION_FAILURE.
   */
  SERIALIZABLE("serializable");

  private final String wireName;

  Isolation(String wireName) {
    this.wireName = wireName;
  }

  /** The name in configuration and VQL: {@code read committed}, {@code snapshot}, {@code serializable}. */
  public String wireName() {
    return wireName;
  }

  /** Parses a level name, case-insensitively, with {@code _} or a space between words. */
  public static Isolation parse(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
    for (Isolation level : values()) {
      if (level.wireName.equals(wanted)) {
        return level;
      }
    }
    throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "isolation", "'" + text + "' is not an isolation level (read committed,"
        + " snapshot, serializable)" + Hints.didYouMean(wanted, java.util.List.of("read committed", "snapshot", "serializable")));
  }
}
