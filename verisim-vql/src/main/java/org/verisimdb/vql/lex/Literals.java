package org.verisimdb.vql.lex;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.verisimdb.vql.ast.Value;

/**
 * Recognising and decoding the literal forms of VQL.md §2.5 that need more than one character of
 * lookahead: UUIDs, ISO 8601 timestamps, and the typed values of bare words (§2.7).
 */
public final class Literals {
  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: timestamps are printed with four-digit years, so they stay in this range. */
  public static final long MIN_EPOCH_SECOND = -62167219200L;
  public static final long MAX_EPOCH_SECOND = 253402300799L;

  private Literals() {}

  /** End of a UUID starting at {@code pos}, or -1; a UUID must not be followed by {@code [A-Za-z0-9_.:-]}. */
  public static int matchUuid(String s, int pos) {
    int end = pos + 36;
    if (end > s.length()) {
      return -1;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(pos + i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !Chars.isHex(c)) {
        return -1;
      }
    }
    return end < s.length() && Chars.isRunPart(s.charAt(end)) ? -1 : end;
  }

  /** End of a timestamp starting at {@code pos} (greedy), or -1 if none or if one of {@code [A-Za-z0-9_.:-]} follows it. */
  public static int matchTimestamp(String s, int pos) {
    int p = pos;
    if (!digits(s, p, 4) || !at(s, p + 4, '-') || !digits(s, p + 5, 2) || !at(s, p + 7, '-') || !digits(s, p + 8, 2)) {
      return -1;
    }
    p += 10;
    if ((at(s, p, 'T') || at(s, p, 't')) && digits(s, p + 1, 2) && at(s, p + 3, ':') && digits(s, p + 4, 2)) {
      p += 6;
      if (at(s, p, ':') && digits(s, p + 1, 2)) {
        p += 3;
        if (at(s, p, '.') && digits(s, p + 1, 1)) {
          int q = p + 1;
          while (q < s.length() && Chars.isDigit(s.charAt(q)) && q - p <= 9) {
            q++;
          }
          p = q;
        }
      }
      if (at(s, p, 'Z') || at(s, p, 'z')) {
        p++;
      } else if ((at(s, p, '+') || at(s, p, '-')) && digits(s, p + 1, 2) && at(s, p + 3, ':') && digits(s, p + 4, 2)) {
        p += 6;
      }
    }
    return p < s.length() && Chars.isRunPart(s.charAt(p)) ? -1 : p;
  }

  /**
   * Decodes a timestamp of the §2.5 form (the whole of {@code text}).
   *
   * @return null if {@code text} does not have the form
   * @throws DateTimeException if it has the form but names an impossible date or time
   */
  public static Value.Time parseTimestamp(String text) {
    if (matchTimestamp(text, 0) != text.length()) {
      return null;
    }
    LocalDate date = LocalDate.of(num(text, 0, 4), num(text, 5, 2), num(text, 8, 2));
    LocalTime time = LocalTime.MIDNIGHT;
    ZoneOffset zone = ZoneOffset.UTC;
    int micros = 0;
    if (text.length() > 10) {
      int p = 11;
      int hour = num(text, p, 2);
      int minute = num(text, p + 3, 2);
      int second = 0;
      p += 5;
      if (at(text, p, ':')) {
        second = num(text, p + 1, 2);
        p += 3;
        if (at(text, p, '.')) {
          int q = p + 1;
          StringBuilder fraction = new StringBuilder();
          while (q < text.length() && Chars.isDigit(text.charAt(q))) {
            fraction.append(text.charAt(q++));
          }
          String six = (fraction + "000000").substring(0, 6);
          micros = Integer.parseInt(six);
          p = q;
        }
      }
      time = LocalTime.of(hour, minute, second);
      if (p < text.length() && text.charAt(p) != 'Z' && text.charAt(p) != 'z') {
        int sign = text.charAt(p) == '-' ? -1 : 1;
        zone = ZoneOffset.ofHoursMinutes(sign * num(text, p + 1, 2), sign * num(text, p + 4, 2));
      }
    }
    long seconds = LocalDateTime.of(date, time).toEpochSecond(zone);
    if (seconds < MIN_EPOCH_SECOND || seconds > MAX_EPOCH_SECOND) {
      throw new DateTimeException("outside the years 0000 to 9999 in UTC");
    }
    return new Value.Time(seconds, micros);
  }

  /** A timestamp read from a string where the grammar expects a time; null if the string has no timestamp form or an impossible date. */
  public static Value.Time timestampOrNull(String text) {
    try {
      return parseTimestamp(text);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** True if the whole of {@code text} is a UUID. */
  public static boolean isUuid(String text) {
    return text.length() == 36 && matchUuid(text, 0) == 36;
  }

  /**
   * The typed value of a bare word (§2.7): an integer, float, boolean, null, timestamp or UUID
   * if the whole run is one, else a string. An integer too large for 64 bits stays a string of digits.
   */
  public static Value bareValue(String run) {
    char first = run.charAt(0);
    if (Chars.isDigit(first)) {
      if (allDigits(run)) {
        try {
          return new Value.Int(Long.parseLong(run));
        } catch (NumberFormatException e) {
          return new Value.Str(run);
        }
      }
      if (isFloat(run)) {
        double d = Double.parseDouble(run);
        return Double.isFinite(d) ? new Value.Flt(d) : new Value.Str(run);
      }
      Value.Time time = timestampOrNull(run);
      if (time != null) {
        return time;
      }
    }
    if (isUuid(run)) {
      return new Value.Uuid(run.toLowerCase(java.util.Locale.ROOT));
    }
    if (run.equalsIgnoreCase("TRUE")) {
      return Value.TRUE;
    }
    if (run.equalsIgnoreCase("FALSE")) {
      return Value.FALSE;
    }
    if (run.equalsIgnoreCase("NULL")) {
      return Value.NULL;
    }
    return new Value.Str(run);
  }

  /** {@code [0-9]+\.[0-9]+([eE][+-]?[0-9]+)?} or {@code [0-9]+[eE][+-]?[0-9]+} (no sign: bare words cannot start with '-'). */
  static boolean isFloat(String s) {
    int p = 0;
    int n = s.length();
    while (p < n && Chars.isDigit(s.charAt(p))) {
      p++;
    }
    boolean fraction = false;
    if (p < n && s.charAt(p) == '.') {
      int q = p + 1;
      while (q < n && Chars.isDigit(s.charAt(q))) {
        q++;
      }
      if (q == p + 1) {
        return false;
      }
      p = q;
      fraction = true;
    }
    if (p < n && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
      int q = p + 1;
      if (q < n && (s.charAt(q) == '+' || s.charAt(q) == '-')) {
        q++;
      }
      int digitsFrom = q;
      while (q < n && Chars.isDigit(s.charAt(q))) {
        q++;
      }
      if (q == digitsFrom) {
        return false;
      }
      return q == n;
    }
    return fraction && p == n;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Chars.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean digits(String s, int pos, int count) {
    if (pos + count > s.length()) {
      return false;
    }
    for (int i = pos; i < pos + count; i++) {
      if (!Chars.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean at(String s, int pos, char c) {
    return pos < s.length() && s.charAt(pos) == c;
  }

  private static int num(String s, int pos, int count) {
    return Integer.parseInt(s, pos, pos + count, 10);
  }
}
