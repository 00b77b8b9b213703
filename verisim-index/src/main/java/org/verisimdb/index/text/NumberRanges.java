package org.verisimdb.index.text;

import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.verisimdb.model.value.Value;

/**
 * Numeric comparisons of a document field as VQL makes them (§6.1): an integer field against an
 * integer bound exactly, anything else after widening the integer to a double. A field's integers
 * and numbers are indexed apart ({@link TextFields#LONG}, {@link TextFields#DOUBLE}), so a range
 * becomes an exact long range or'ed with an exact double range. Stateless.
 */
final class NumberRanges {
  private NumberRanges() {}

  /** Field {@code name} within [min, max] (null: open), each bound included or not. */
  static Query range(String name, Value min, boolean minInclusive, Value max, boolean maxInclusive) {
    long[] longs = longBounds(min, minInclusive, max, maxInclusive);
    double lo = min == null ? Double.NEGATIVE_INFINITY : normal(widen(min));
    double hi = max == null ? Double.POSITIVE_INFINITY : normal(widen(max));
    if (min != null && !minInclusive) {
      lo = Math.nextUp(lo);
    }
    if (max != null && !maxInclusive) {
      hi = Math.nextDown(hi);
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    int parts = 0;
    if (longs != null) {
      q.add(LongField.newRangeQuery(TextFields.LONG + name, longs[0], longs[1]), BooleanClause.Occur.SHOULD);
      parts++;
    }
    if (lo <= hi) {
      q.add(DoubleField.newRangeQuery(TextFields.DOUBLE + name, lo, hi), BooleanClause.Occur.SHOULD);
      parts++;
    }
    return parts == 0 ? new MatchNoDocsQuery("empty range on " + name) : q.build();
  }

  /** {lo, hi}: the integers that satisfy the bounds, or null when none does. */
  static long[] longBounds(Value min, boolean minInclusive, Value max, boolean maxInclusive) {
    long lo = Long.MIN_VALUE;
    long hi = Long.MAX_VALUE;
    switch (min) {
      case null -> { }
      case Value.Int(long b) -> {
        if (!minInclusive && b == Long.MAX_VALUE) {
          return null;
        }
        lo = minInclusive ? b : b + 1;
      }
      case Value.Real(double b) -> {
        if (!exists(b, !minInclusive)) {
          return null;
        }
        lo = firstAbove(b, !minInclusive);
      }
      default -> throw new IllegalArgumentException("not a number: " + min);
    }
    switch (max) {
      case null -> { }
      case Value.Int(long b) -> {
        if (!maxInclusive && b == Long.MIN_VALUE) {
          return null;
        }
        hi = maxInclusive ? b : b - 1;
      }
      case Value.Real(double b) -> {
        // The largest L with (double) L <= b (or < b) is one less than the first with (double) L > b (or >= b).
        if (exists(b, maxInclusive)) {
          long first = firstAbove(b, maxInclusive);
          if (first == Long.MIN_VALUE) {
            return null;
          }
          hi = first - 1;
        }
      }
      default -> throw new IllegalArgumentException("not a number: " + max);
    }
    return lo <= hi ? new long[] {lo, hi} : null;
  }

  /** Field {@code name} equals the number {@code value}. */
  static Query equal(String name, Value value) {
    return range(name, value, true, value, true);
  }

  /** True when some long L has (double) L &gt; b (strict) or &ge; b. */
  static boolean exists(double b, boolean strict) {
    return test(Long.MAX_VALUE, b, strict);
  }

  /**
   * The smallest long L with (double) L &gt; b (strict) or &ge; b; meaningful only when
   * {@link #exists}. Conversion to double is monotone, so a binary search over all longs finds it.
   */
  static long firstAbove(double b, boolean strict) {
    if (!exists(b, strict)) {
      return Long.MAX_VALUE;
    }
    long lo = Long.MIN_VALUE;
    if (test(lo, b, strict)) {
      return lo;
    }
    long hi = Long.MAX_VALUE; // test(hi) holds, test(lo) does not
    while (hi - 1 != lo) {
      long mid = (lo >> 1) + (hi >> 1) + (lo & hi & 1);
      if (test(mid, b, strict)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  private static boolean test(long l, double b, boolean strict) {
    return strict ? (double) l > b : (double) l >= b;
  }

  private static double widen(Value v) {
    return switch (v) {
      case Value.Int(long i) -> (double) i;
      case Value.Real(double d) -> d;
      default -> throw new IllegalArgumentException("not a number: " + v);
    };
  }

  // Stored numbers have -0.0 as 0.0 (TextFields), so bounds do too.
  private static double normal(double d) {
    return d == 0 ? 0.0 : d;
  }
}
