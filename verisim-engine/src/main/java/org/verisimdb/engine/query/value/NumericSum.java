package org.verisimdb.engine.query.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * The running total of SUM and AVG over the numbers among the values added. Integers are summed
 * exactly and floats in double, each moving to an exact big number only once it leaves its range,
 * so that an overflow is reported for the final total rather than for a partial one that later
 * values bring back (and AVG of huge values stays finite). Not thread-safe: one per group.
 */
final class NumericSum {
  private long ints;
  private BigInteger bigInts; // set once the integer total leaves the long range
  private double floats;
  private BigDecimal bigFloats; // set once the float total leaves the double range
  private boolean anyFloat;
  private long count;
  private boolean ignoredNonNumeric;

  /** Adds a number; ignores null, and notes any other value as ignored. */
  void add(Value v) {
    switch (v) {
      case Value.Int(long l) -> add(l);
      case Value.Flt(double d) -> add(d);
      case Value.Null _ -> { }
      default -> ignoredNonNumeric = true;
    }
  }

  void add(long v) {
    count++;
    if (bigInts == null) {
      long sum = ints + v;
      if (((ints ^ sum) & (v ^ sum)) >= 0) { // Math.addExact's test, without the exception
        ints = sum;
        return;
      }
      bigInts = BigInteger.valueOf(ints);
    }
    bigInts = bigInts.add(BigInteger.valueOf(v));
  }

  void add(double v) {
    count++;
    anyFloat = true;
    if (bigFloats == null) {
      double sum = floats + v;
      if (Double.isFinite(sum)) {
        floats = sum;
        return;
      }
      bigFloats = new BigDecimal(floats);
    }
    bigFloats = bigFloats.add(new BigDecimal(v));
  }

  /** True when a value that is neither null nor a number was ignored (VQL-WARN-008). */
  boolean ignoredNonNumeric() {
    return ignoredNonNumeric;
  }

  /** Numbers added so far. */
  long count() {
    return count;
  }

  /** Whether any float was added: then SUM is a float, else an integer. */
  boolean anyFloat() {
    return anyFloat;
  }

  /** The integer total; VQL-EXEC-006 if it does not fit 64 bits. */
  long integerTotal() {
    if (bigInts != null) {
      if (bigInts.bitLength() < Long.SIZE) {
        return bigInts.longValue();
      }
      throw new VqlException(DiagnosticCode.EXEC_006, "SUM overflows: the total " + bigInts
          + " is outside the integer range -2^63 .. 2^63-1 (9223372036854775807); narrow the rows summed, or sum a float field");
    }
    return ints;
  }

  /** The total as a float; VQL-EXEC-006 if it is beyond the largest double. */
  double floatTotal() {
    double total = inRange() ? (double) ints + floats : exactTotal().doubleValue();
    if (!Double.isFinite(total)) {
      throw new VqlException(DiagnosticCode.EXEC_006, "SUM overflows: the total is beyond the largest float "
          + Double.MAX_VALUE + "; narrow the rows summed");
    }
    return total;
  }

  /** The mean of the numbers added; always finite. */
  double mean() {
    if (inRange()) {
      double total = (double) ints + floats;
      if (Double.isFinite(total)) {
        return total / count;
      }
    }
    return exactTotal().divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
  }

  // True while neither total has left its range.
  private boolean inRange() {
    return bigInts == null && bigFloats == null;
  }

  private BigDecimal exactTotal() {
    BigDecimal i = new BigDecimal(bigInts != null ? bigInts : BigInteger.valueOf(ints));
    return i.add(bigFloats != null ? bigFloats : new BigDecimal(floats));
  }
}
