package org.verisimdb.model;

import java.time.Instant;
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

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

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
    Instant t = truncate(instant);
    StringBuilder text = new StringBuilder(SECONDS.format(t));
    int micros = t.getNano() / 1000;
    if (micros != 0) {
      String fraction = String.format("%06d", micros);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      text.append('.').append(fraction, 0, end);
    }
    return text.append('Z').toString();
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
