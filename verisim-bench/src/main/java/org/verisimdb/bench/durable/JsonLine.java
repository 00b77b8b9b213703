package org.verisimdb.bench.durable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.hash.CanonicalJson;

/**
 * Renders maps, lists, strings, numbers, booleans and nulls as one line of JSON, for the
 * machine-readable result line each harness prints last. Non-finite doubles become null.
 * Stateless.
 */
public final class JsonLine {
  private JsonLine() {}

  public static String of(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    switch (value) {
      case null -> out.append("null");
      case String s -> string(out, s);
      case Double d -> out.append(Double.isFinite(d) ? round(d) : "null");
      case Float f -> write(out, f.doubleValue());
      case Number n -> out.append(n);
      case Boolean b -> out.append(b);
      case Map<?, ?> map -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.append(first ? "" : ",");
          first = false;
          string(out, String.valueOf(e.getKey()));
          out.append(':');
          write(out, e.getValue());
        }
        out.append('}');
      }
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "" : ",");
          write(out, list.get(i));
        }
        out.append(']');
      }
      default -> string(out, value.toString());
    }
  }

  // Three decimals are more than any figure here can claim, and keep the line readable.
  private static String round(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  // JSON string escaping as the canonical form writes it.
  private static void string(StringBuilder out, String s) {
    out.append(CanonicalJson.write(s));
  }
}
