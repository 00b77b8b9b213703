package org.verisimdb.index.semantic;

import java.math.BigDecimal;
import org.verisimdb.model.value.Value;

/**
 * Exact arithmetic between 64-bit integers and floats, as VQL compares numbers: an integer and a
 * float are compared by their mathematical values, never by rounding one to the other. Also the
 * conversion of a numeric range into the tightest integer and float ranges it contains.
 * Thread-safe: stateless.
 */
final class Numbers {
  private static final double TWO_63 = 0x1p63;

  private Numbers() {}

  static boolean isNumber(Value v) {
    return v instanceof Value.Int || v instanceof Value.Real;
  }

  /** Compares two numbers (Int or Real) by value; -0.0 equals 0.0. */
  static int compare(Value a, Value b) {
    return switch (a) {
      case Value.Int(long x) when b instanceof Value.Int(long y) -> Long.compare(x, y);
      case Value.Real(double x) when b instanceof Value.Real(double y) -> x < y ? -1 : x > y ? 1 : 0;
      case Value.Int(long x) when b instanceof Value.Real(double y) -> BigDecimal.valueOf(x).compareTo(new BigDecimal(y));
      case Value.Real(double x) when b instanceof Value.Int(long y) -> new BigDecimal(x).compareTo(BigDecimal.valueOf(y));
      default -> throw new IllegalArgumentException("not two numbers: " + a + ", " + b);
    };
  }

  /** The integers in a range, as {lo, hi} inclusive, or null when there are none. A null bound is open. */
  static long[] longRange(Value min, boolean minInclusive, Value max, boolean maxInclusive) {
    long lo;
    long hi;
    switch (min) {
      case null -> lo = Long.MIN_VALUE;
      case Value.Int(long i) -> {
        if (!minInclusive && i == Long.MAX_VALUE) {
          return null;
        }
        lo = minInclusive ? i : i + 1;
      }
      case Value.Real(double d) -> {
        if (d >= TWO_63) {
          return null;
        }
        if (d < -TWO_63) {
          lo = Long.MIN_VALUE;
        } else {
          long f = (long) Math.floor(d); // exact, and below 2^63 - 1024, so f + 1 cannot overflow
          lo = minInclusive && f == d ? f : f + 1;
        }
      }
      default -> throw new IllegalArgumentException("not a number: " + min);
    }
    switch (max) {
      case null -> hi = Long.MAX_VALUE;
      case Value.Int(long i) -> {
        if (!maxInclusive && i == Long.MIN_VALUE) {
          return null;
        }
        hi = maxInclusive ? i : i - 1;
      }
      case Value.Real(double d) -> {
        if (d < -TWO_63) {
          return null;
        }
        if (d >= TWO_63) {
          hi = Long.MAX_VALUE;
        } else {
          long c = (long) Math.ceil(d); // exact: -2^63 <= d < 2^63
          if (maxInclusive && c == d) {
            hi = c;
          } else if (c == Long.MIN_VALUE) {
            return null; // below -2^63 there is no integer
          } else {
            hi = c - 1;
          }
        }
      }
      default -> throw new IllegalArgumentException("not a number: " + max);
    }
    return lo <= hi ? new long[] {lo, hi} : null;
  }

  /** The floats in a range, as {lo, hi} inclusive (never -0.0), or null when there are none. */
  static double[] doubleRange(Value min, boolean minInclusive, Value max, boolean maxInclusive) {
    double lo = switch (min) {
      case null -> Double.NEGATIVE_INFINITY;
      case Value.Real(double d) -> minInclusive ? d : Math.nextUp(d);
      case Value.Int(long i) -> {
        double d = i;
        int c = new BigDecimal(d).compareTo(BigDecimal.valueOf(i));
        yield c < 0 || (c == 0 && !minInclusive) ? Math.nextUp(d) : d;
      }
      default -> throw new IllegalArgumentException("not a number: " + min);
    };
    double hi = switch (max) {
      case null -> Double.POSITIVE_INFINITY;
      case Value.Real(double d) -> maxInclusive ? d : Math.nextDown(d);
      case Value.Int(long i) -> {
        double d = i;
        int c = new BigDecimal(d).compareTo(BigDecimal.valueOf(i));
        yield c > 0 || (c == 0 && !maxInclusive) ? Math.nextDown(d) : d;
      }
      default -> throw new IllegalArgumentException("not a number: " + max);
    };
    lo = lo == 0 ? 0.0 : lo;
    hi = hi == 0 ? 0.0 : hi;
    return lo <= hi ? new double[] {lo, hi} : null;
  }
}
