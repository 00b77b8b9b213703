package org.verisimdb.engine.query.differential;

import java.util.Comparator;

/** Literal text, comparisons (VQL.md §6.1) and the value order (§5.7) over the reference's plain values. */
final class Literals {
  /** §5.7 over non-null values: boolean &lt; number &lt; string; numbers numerically, strings by code point, false &lt; true. */
  static final Comparator<Object> ORDER = (a, b) -> {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    return switch (a) {
      case Boolean x -> Boolean.compare(x, (Boolean) b);
      case Long x -> Long.compare(x, (Long) b);
      case String x -> x.compareTo((String) b); // the data's strings are ASCII: UTF-16 order is code-point order
      default -> throw new IllegalArgumentException("no order for " + a);
    };
  };

  private Literals() {}

  static String vector(double[] v) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      s.append(i == 0 ? "" : ", ").append(v[i]);
    }
    return s.append(']').toString();
  }

  static String vql(Object literal) {
    return switch (literal) {
      case String s -> "'" + s + "'";
      case Boolean b -> b ? "TRUE" : "FALSE";
      default -> literal.toString();
    };
  }

  /**
   * {@code value op literal}: UNKNOWN when the value is null (absent) or of another type than
   * the literal (a run-time incompatibility of an any-typed field); booleans compare with = and
   * != only.
   */
  static T3 compare(Object value, String op, Object literal) {
    if (value == null || rank(value) != rank(literal)) {
      return T3.UNKNOWN;
    }
    if (value instanceof Boolean && !(op.equals("=") || op.equals("!="))) {
      return T3.UNKNOWN;
    }
    int c = ORDER.compare(value, literal);
    return T3.of(switch (op) {
      case "=" -> c == 0;
      case "!=" -> c != 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      default -> throw new IllegalArgumentException("operator " + op);
    });
  }

  private static int rank(Object v) {
    return switch (v) {
      case Boolean b -> 0;
      case Long l -> 1;
      case String s -> 3;
      default -> throw new IllegalArgumentException("no rank for " + v.getClass());
    };
  }
}
