package org.verisimdb.model.hash;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.value.Value;

/**
 * Canonical JSON as VQL §7.6 defines it: RFC 8785 (JCS) with one exception for integers.
 *
 * <ul>
 *   <li>UTF-8, no whitespace between tokens.
 *   <li>Object members sorted by the UTF-16 code units of their names ({@link String#compareTo}).
 *   <li>Strings: {@code "} and {@code \} escaped with a backslash; U+0008, U+0009, U+000A,
 *       U+000C, U+000D as {@code \b \t \n \f \r}; other code points below U+0020 as
 *       {@code \}{@code u00xx} (lower-case hex); everything else written as itself.
 *   <li>Numbers: a number whose value is an integer in [−2⁶³, 2⁶³−1] is written as plain
 *       decimal digits ({@code 2.0} → {@code 2}, {@code -0.0} → {@code 0}); any other finite
 *       double as ECMAScript's Number.prototype.toString writes it (shortest round-trip digits,
 *       exponent form below 1e-6 and from 1e21: {@code 1e+21}, {@code 1.5e-7}).
 *   <li>Timestamps ({@link Instant}) as strings in {@link Timestamps#format} form; binary data
 *       ({@code byte[]}) as base64url without padding; {@link Value}s in their JSON-LD form.
 * </ul>
 *
 * <p>Accepted Java values: null, Boolean, String, Integer, Long, Double, Float, Instant, byte[],
 * OctadId (as its string), Value, List, Map with String keys. Non-finite numbers are our bug,
 * never stored, and throw IllegalArgumentException.
 */
public final class CanonicalJson {
  private static final double TWO_63 = 0x1p63;

  /** A value that writes its own canonical JSON, for large arrays that should not be boxed. */
  @FunctionalInterface
  public interface Streamable {
    void writeJson(Writer out) throws IOException;
  }

  private CanonicalJson() {}

  /** The canonical JSON text of {@code value}. */
  public static String write(Object value) {
    StringWriter out = new StringWriter(128);
    write(value, out);
    return out.toString();
  }

  /** Writes the canonical JSON text of {@code value} to {@code out}. */
  public static void write(Object value, Writer out) {
    try {
      writeAny(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeAny(Object value, Writer out) throws IOException {
    switch (value) {
      case null -> out.write("null");
      case Boolean b -> out.write(b ? "true" : "false");
      case String s -> writeString(s, out);
      case Integer i -> out.write(Integer.toString(i));
      case Long l -> out.write(Long.toString(l));
      case Double d -> out.write(number(d));
      case Float f -> out.write(number(f.doubleValue()));
      case Instant t -> writeString(Timestamps.format(t), out);
      case byte[] bytes -> writeString(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), out);
      case OctadId id -> writeString(id.value(), out);
      case Value v -> writeValue(v, out);
      case Streamable s -> s.writeJson(out);
      case List<?> list -> {
        out.write('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.write(',');
          }
          writeAny(list.get(i), out);
        }
        out.write(']');
      }
      case Map<?, ?> map -> writeObject(map, out);
      default -> throw new IllegalArgumentException("no canonical JSON form for " + value.getClass().getName());
    }
  }

  @SuppressWarnings("unchecked")
  private static void writeObject(Map<?, ?> map, Writer out) throws IOException {
    Map<String, ?> sorted;
    if (map instanceof SortedMap<?, ?> already && already.comparator() == null && (map.isEmpty() || already.firstKey() instanceof String)) {
      sorted = (Map<String, ?>) map; // String's natural order is UTF-16 code unit order
    } else {
      TreeMap<String, Object> copy = new TreeMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException("JSON object keys must be strings, got " + entry.getKey());
        }
        copy.put(key, entry.getValue());
      }
      sorted = copy;
    }
    out.write('{');
    boolean first = true;
    for (Map.Entry<String, ?> entry : sorted.entrySet()) {
      if (!first) {
        out.write(',');
      }
      first = false;
      writeString(entry.getKey(), out);
      out.write(':');
      writeAny(entry.getValue(), out);
    }
    out.write('}');
  }

  private static void writeValue(Value value, Writer out) throws IOException {
    switch (value) {
      case Value.Str(String s) -> writeString(s, out);
      case Value.Int(long l) -> out.write(Long.toString(l));
      case Value.Real(double d) -> out.write(number(d));
      case Value.Bool(boolean b) -> out.write(b ? "true" : "false");
      case Value.LangStr(String text, String language) -> writeObject(Map.of("@value", text, "@language", language), out);
      case Value.Typed(String lexical, String datatype) -> writeObject(Map.of("@value", lexical, "@type", datatype), out);
      case Value.Ref(OctadId target) -> writeObject(Map.of("@id", target.value()), out);
      case Value.Seq(List<Value> items) -> writeAny(items, out);
    }
  }

  static void writeString(String s, Writer out) throws IOException {
    out.write('"');
    int run = 0; // start of the pending run of characters that need no escape
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String escape = switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\b' -> "\\b";
        case '\t' -> "\\t";
        case '\n' -> "\\n";
        case '\f' -> "\\f";
        case '\r' -> "\\r";
        default -> c < 0x20 ? "\\u00" + Character.forDigit(c >> 4, 16) + Character.forDigit(c & 0xf, 16) : null;
      };
      if (escape != null) {
        out.write(s, run, i - run);
        out.write(escape);
        run = i + 1;
      }
    }
    out.write(s, run, s.length() - run);
    out.write('"');
  }

  /** The canonical text of a finite double. */
  public static String number(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("non-finite number " + d + " has no JSON form");
    }
    if (d == Math.rint(d) && d >= -TWO_63 && d < TWO_63) {
      return Long.toString((long) d);
    }
    // ECMA-262 Number::toString: the shortest digits s (k of them) and the exponent n with
    // value = 0.s × 10^n. Double.toString gives the shortest round-trip digits since JDK 19,
    // except that it always prints at least two; when it prints exactly two, one may do.
    double abs = Math.abs(d);
    String text = Double.toString(abs); // "123.456" or "1.234E-7"
    int e = text.indexOf('E');
    int mantissaEnd = e < 0 ? text.length() : e;
    int dot = text.indexOf('.');
    int n = dot + (e < 0 ? 0 : Integer.parseInt(text, e + 1, text.length(), 10));
    char[] digits = new char[mantissaEnd];
    int k = 0;
    for (int i = 0; i < mantissaEnd; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        continue;
      }
      if (k == 0 && c == '0') {
        n--; // a leading zero moves the decimal point
        continue;
      }
      digits[k++] = c;
    }
    while (k > 1 && digits[k - 1] == '0') {
      k--;
    }
    if (k == 2) {
      BigDecimal one = new BigDecimal(abs).round(new MathContext(1, RoundingMode.HALF_EVEN));
      if (one.doubleValue() == abs) {
        digits[0] = (char) ('0' + one.unscaledValue().intValue());
        k = 1;
        n = 1 - one.scale();
      }
    }
    return format(d < 0, new String(digits, 0, k), n);
  }

  private static String format(boolean negative, String digits, int n) {
    int k = digits.length();
    StringBuilder out = new StringBuilder(k + 8);
    if (negative) {
      out.append('-');
    }
    if (k <= n && n <= 21) {
      out.append(digits).repeat('0', n - k);
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").repeat('0', -n).append(digits);
    } else {
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(n - 1 >= 0 ? '+' : '-').append(Math.abs(n - 1));
    }
    return out.toString();
  }
}
