package org.verisimdb.engine.query.value;

import org.verisimdb.vql.ast.Expr.AggregateFn;
import org.verisimdb.vql.ast.Value;

/**
 * The running state of one aggregate call over one group (VQL.md §5.6). {@code COUNT(*)} counts
 * every value added, {@code COUNT(c)} the non-null ones; SUM, AVG, MIN and MAX ignore nulls and,
 * over no value they use, are null while COUNT is 0. SUM of integers is an integer (VQL-EXEC-006
 * when it leaves the 64-bit range), with any float a float; AVG is a float. SUM and AVG ignore
 * values that are not numbers and say so through {@link #ignoredNonNumeric} (VQL-WARN-008). MIN
 * and MAX take the least and greatest value by {@link Ordering#ASC} and return it unchanged (the
 * first of equal ones); they ignore arrays and objects. Not thread-safe: one per group.
 */
public sealed interface Aggregator permits Aggregator.Count, Aggregator.Sum, Aggregator.Avg, Aggregator.Extreme {

  /** A fresh aggregator for {@code fn}; {@code star} is {@code COUNT(*)} and only valid with COUNT. */
  static Aggregator of(AggregateFn fn, boolean star) {
    if (star && fn != AggregateFn.COUNT) {
      throw new IllegalArgumentException(fn + "(*) is not an aggregate; only COUNT takes *");
    }
    return switch (fn) {
      case COUNT -> new Count(star);
      case SUM -> new Sum();
      case AVG -> new Avg();
      case MIN -> new Extreme(false);
      case MAX -> new Extreme(true);
    };
  }

  /** Adds the argument's value in one row. */
  void add(Value v);

  /** The aggregate over the values added so far. */
  Value result();

  /** True when SUM or AVG skipped a value that is neither null nor a number. */
  default boolean ignoredNonNumeric() {
    return false;
  }

  /** COUNT(*) and COUNT(c). */
  final class Count implements Aggregator {
    private final boolean star;
    private long count;

    Count(boolean star) {
      this.star = star;
    }

    @Override
    public void add(Value v) {
      if (star || !(v instanceof Value.Null)) {
        count++;
      }
    }

    @Override
    public Value result() {
      return new Value.Int(count);
    }
  }

  /** SUM(c). */
  final class Sum implements Aggregator {
    private final NumericSum sum = new NumericSum();

    Sum() {}

    @Override
    public void add(Value v) {
      sum.add(v);
    }

    @Override
    public Value result() {
      if (sum.count() == 0) {
        return Value.NULL;
      }
      return sum.anyFloat() ? new Value.Flt(sum.floatTotal()) : new Value.Int(sum.integerTotal());
    }

    @Override
    public boolean ignoredNonNumeric() {
      return sum.ignoredNonNumeric();
    }
  }

  /** AVG(c). */
  final class Avg implements Aggregator {
    private final NumericSum sum = new NumericSum();

    Avg() {}

    @Override
    public void add(Value v) {
      sum.add(v);
    }

    @Override
    public Value result() {
      return sum.count() == 0 ? Value.NULL : new Value.Flt(sum.mean());
    }

    @Override
    public boolean ignoredNonNumeric() {
      return sum.ignoredNonNumeric();
    }
  }

  /** MIN(c) and MAX(c). */
  final class Extreme implements Aggregator {
    private final boolean max;
    private Value best = Value.NULL;

    Extreme(boolean max) {
      this.max = max;
    }

    @Override
    public void add(Value v) {
      if (v instanceof Value.Null || v instanceof Value.Arr || v instanceof Value.Obj) {
        return;
      }
      if (best instanceof Value.Null) {
        best = v;
        return;
      }
      int c = Ordering.ASC.compare(v, best);
      if (max ? c > 0 : c < 0) {
        best = v;
      }
    }

    @Override
    public Value result() {
      return best;
    }
  }
}
