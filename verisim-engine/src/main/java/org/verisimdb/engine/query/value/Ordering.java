package org.verisimdb.engine.query.value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.verisimdb.vql.ast.Value;

/**
 * The total order of ORDER BY, MIN and MAX (VQL.md §5.7). Numbers compare numerically (an
 * integer against a float exactly, not after rounding it to a double), strings by Unicode code
 * point, timestamps chronologically, {@code false < true}. Values of different types order as
 * boolean < number < timestamp < string < array < object; arrays compare element by element,
 * then by length; objects by their members sorted by name (name, then value), then by size, so
 * member order does not matter, as it does not for equality. A UUID is a string.
 *
 * <p>Two values compare as 0 exactly when {@link Values#equal} holds for them (or both are null).
 * Stateless and thread-safe.
 */
public final class Ordering {
  /** Ascending, null last. */
  public static final Comparator<Value> ASC = Ordering::compare;

  /** Descending, null first: exactly the reverse of {@link #ASC}. */
  public static final Comparator<Value> DESC = ASC.reversed();

  private static final double TWO_63 = 0x1p63;

  private Ordering() {}

  private static int compare(Value a, Value b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    return switch (a) {
      case Value.Bool x -> Boolean.compare(x.value(), ((Value.Bool) b).value());
      case Value.Int x -> compareNumbers(x, b);
      case Value.Flt x -> compareNumbers(x, b);
      case Value.Time x -> compareTimes(x, (Value.Time) b);
      case Value.Str x -> compareCodePoints(x.value(), Values.text(b));
      case Value.Uuid x -> compareCodePoints(x.value(), Values.text(b));
      case Value.Arr x -> compareArrays(x.elements(), ((Value.Arr) b).elements());
      case Value.Obj x -> compareObjects(x.members(), ((Value.Obj) b).members());
      case Value.Null _ -> 0;
    };
  }

  // The order of the ranks is §5.7's order of types; null is last, so that DESC puts it first.
  private static int rank(Value v) {
    return switch (v) {
      case Value.Bool _ -> 0;
      case Value.Int _ -> 1;
      case Value.Flt _ -> 1;
      case Value.Time _ -> 2;
      case Value.Str _ -> 3;
      case Value.Uuid _ -> 3;
      case Value.Arr _ -> 4;
      case Value.Obj _ -> 5;
      case Value.Null _ -> 6;
    };
  }

  /** True for integers and floats. */
  static boolean isNumber(Value v) {
    return v instanceof Value.Int || v instanceof Value.Flt;
  }

  /** Numeric order of two numbers ({@link #isNumber}), exact for integers beyond 2⁵³. */
  static int compareNumbers(Value a, Value b) {
    return switch (a) {
      case Value.Int(long x) -> b instanceof Value.Int(long y) ? Long.compare(x, y) : compareLongDouble(x, ((Value.Flt) b).value());
      case Value.Flt(double x) -> b instanceof Value.Flt(double y) ? compareDoubles(x, y) : -compareLongDouble(((Value.Int) b).value(), x);
      default -> throw new IllegalArgumentException("not a number: " + a);
    };
  }

  // -0.0 and 0.0 are the same number here, unlike Double.compare; values are finite, never NaN.
  private static int compareDoubles(double x, double y) {
    return x < y ? -1 : x > y ? 1 : 0;
  }

  /** Exact comparison of a long with a finite double, without rounding the long to a double. */
  static int compareLongDouble(long l, double d) {
    if (d >= TWO_63) {
      return -1;
    }
    if (d < -TWO_63) {
      return 1;
    }
    double floor = Math.floor(d);
    long whole = (long) floor; // exact: floor is an integer in [-2^63, 2^63)
    if (l != whole) {
      return Long.compare(l, whole);
    }
    return floor == d ? 0 : -1;
  }

  static int compareTimes(Value.Time a, Value.Time b) {
    int c = Long.compare(a.epochSecond(), b.epochSecond());
    return c != 0 ? c : Integer.compare(a.micros(), b.micros());
  }

  /**
   * Unicode code point order. UTF-16 code unit order ({@link String#compareTo}) differs only
   * where a surrogate meets a unit of U+E000..U+FFFF; moving the surrogates above that range
   * fixes it (the same remapping as ICU's code point order for UTF-16).
   */
  static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return Integer.compare(codePointRank(x), codePointRank(y));
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  private static int codePointRank(char c) {
    if (c >= 0xE000) {
      return c - 0x800;
    }
    return c >= 0xD800 ? c + 0x2000 : c;
  }

  private static int compareArrays(List<Value> a, List<Value> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareObjects(Map<String, Value> a, Map<String, Value> b) {
    List<Map.Entry<String, Value>> x = sortedMembers(a);
    List<Map.Entry<String, Value>> y = sortedMembers(b);
    int n = Math.min(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      int c = compareCodePoints(x.get(i).getKey(), y.get(i).getKey());
      if (c == 0) {
        c = compare(x.get(i).getValue(), y.get(i).getValue());
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  private static List<Map.Entry<String, Value>> sortedMembers(Map<String, Value> members) {
    List<Map.Entry<String, Value>> sorted = new ArrayList<>(members.entrySet());
    sorted.sort((p, q) -> compareCodePoints(p.getKey(), q.getKey()));
    return sorted;
  }
}
