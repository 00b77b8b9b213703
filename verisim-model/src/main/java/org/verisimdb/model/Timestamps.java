package org.verisimdb.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Time in the data model: UTC instants with microsecond precision. The canonical text form
 * (VQL §7.6) is {@code YYYY-MM-DDThh:mm:ss[.ffffff]Z} with trailing zeros of the fraction
 * removed and the fraction omitted when zero: {@code 2026-03-01T12:00:00Z},
 * {@code 2026-03-01T12:00:00.25Z}.
 */
public final class Timestamps {
  /** Earliest and latest storable instants: years 0001 to 9999, so the text form has four digits. */
  public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
  public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

  private Timestamps() {}

  /** Truncates to microseconds, the precision every stored time has. */
  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** Validates range and truncates; {@code field} and {@code what} name the value in the error. */
  public static Instant require(Instant instant, ErrorCode code, String field, String what) {
    if (instant == null) {
      throw VeriSimException.invalid(code, field, what + " is required");
    }
    if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
      throw VeriSimException.invalid(code, field, what + " " + instant + " is outside years 0001 to 9999");
    }
    return truncate(instant);
  }

  /** The canonical text form of an instant (truncated to microseconds). */
  public static String format(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    StringBuilder text = new StringBuilder(27);
    pad(text, t.getYear(), 4).append('-');
    pad(text, t.getMonthValue(), 2).append('-');
    pad(text, t.getDayOfMonth(), 2).append('T');
    pad(text, t.getHour(), 2).append(':');
    pad(text, t.getMinute(), 2).append(':');
    pad(text, t.getSecond(), 2);
    int micros = instant.getNano() / 1000;
    if (micros != 0) {
      int digits = 6;
      while (micros % 10 == 0) {
        micros /= 10;
        digits--;
      }
      pad(text.append('.'), micros, digits);
    }
    return text.append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder text, int value, int width) {
    String digits = Integer.toString(value);
    return text.repeat('0', width - digits.length()).append(digits);
  }

  /** Parses an ISO 8601 instant ({@code 2026-03-01T12:00:00Z}, with offset or fraction). */
  public static Instant parse(String text, ErrorCode code, String field) {
    try {
      return require(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from), code, field, "time");
    } catch (DateTimeParseException e) {
      throw VeriSimException.invalid(code, field,
          "'" + text + "' is not a timestamp; use ISO 8601 such as 2026-03-01T12:00:00Z");
    }
  }
}
