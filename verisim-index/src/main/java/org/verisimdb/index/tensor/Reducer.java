package org.verisimdb.index.tensor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.TensorFacet;

/**
 * Computes a {@link ReduceOp} along one axis or over all elements, by the dtype rules the enum
 * documents. Elements along the reduced axis are visited in increasing index, so float sums are
 * reproducible. Stateless.
 */
final class Reducer {
  /**
   * Digits for the mean of integers. A mean of at most 2^23 int64 values lies within ±2^63 and, when
   * its binary expansion ends, has at most 23 fraction bits: at most 42 significant digits. With
   * 64, a mean exactly halfway between two doubles stays exact, and any other mean lies further
   * from a halfway point than rounding to 64 digits moves it, so doubleValue() rounds correctly.
   */
  private static final MathContext MEAN_PRECISION = new MathContext(64);

  private Reducer() {}

  static DType resultType(DType in, ReduceOp op) {
    return switch (op) {
      case MEAN -> DType.FLOAT64;
      case MIN, MAX -> in;
      case SUM, PROD -> in.isFloating() ? in : DType.INT64;
    };
  }

  /** Reduces along {@code axis} (already resolved to 0..rank-1). */
  static TensorFacet along(TensorFacet t, ReduceOp op, int axis) {
    int[] shape = t.shape();
    int outer = Elements.count(Arrays.copyOfRange(shape, 0, axis));
    int length = shape[axis];
    int inner = Elements.count(Arrays.copyOfRange(shape, axis + 1, shape.length));
    int[] outShape = new int[shape.length - 1];
    System.arraycopy(shape, 0, outShape, 0, axis);
    System.arraycopy(shape, axis + 1, outShape, axis, shape.length - axis - 1);
    Elements result = new Elements(resultType(t.dtype(), op), outer * inner);
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int out = o * inner + i;
        reduceInto(t, op, o * length * inner + i, inner, length, result, out, outShape);
      }
    }
    return result.toFacet(outShape);
  }

  /** Reduces every element into a scalar. */
  static TensorFacet all(TensorFacet t, ReduceOp op) {
    Elements result = new Elements(resultType(t.dtype(), op), 1);
    reduceInto(t, op, 0, 1, t.size(), result, 0, new int[0]);
    return result.toFacet(new int[0]);
  }

  /** Reduces the {@code count} elements first, first+step, … into element {@code out} of {@code result}. */
  private static void reduceInto(TensorFacet t, ReduceOp op, int first, int step, int count, Elements result, int out, int[] outShape) {
    DType in = t.dtype();
    if (count == 0 && (op == ReduceOp.MEAN || op == ReduceOp.MIN || op == ReduceOp.MAX)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "axis", op.name().toLowerCase(java.util.Locale.ROOT)
          + " of no elements (at output " + Elements.index(outShape, out) + ") has no value; reduce a non-empty axis");
    }
    if (!in.isFloating()) {
      switch (op) {
        case SUM, PROD -> {
          long acc = op == ReduceOp.SUM ? 0 : 1;
          try {
            for (int k = 0; k < count; k++) {
              long x = t.longAt(first + k * step);
              acc = op == ReduceOp.SUM ? Math.addExact(acc, x) : Math.multiplyExact(acc, x);
            }
          } catch (ArithmeticException e) {
            throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "tensor", op.name().toLowerCase(java.util.Locale.ROOT)
                + " at output " + Elements.index(outShape, out) + " overflows int64; cast the tensor to float64 first");
          }
          result.setLong(out, acc);
        }
        case MIN, MAX -> {
          long acc = t.longAt(first);
          for (int k = 1; k < count; k++) {
            long x = t.longAt(first + k * step);
            acc = op == ReduceOp.MIN ? Math.min(acc, x) : Math.max(acc, x);
          }
          result.setLong(out, acc);
        }
        case MEAN -> {
          BigInteger sum = BigInteger.ZERO;
          long partial = 0;
          for (int k = 0; k < count; k++) {
            long x = t.longAt(first + k * step);
            long next = partial + x;
            if (((partial ^ next) & (x ^ next)) < 0) { // overflow: move the partial sum into the big one
              sum = sum.add(BigInteger.valueOf(partial));
              next = x;
            }
            partial = next;
          }
          sum = sum.add(BigInteger.valueOf(partial));
          result.setDouble(out, new BigDecimal(sum).divide(BigDecimal.valueOf(count), MEAN_PRECISION).doubleValue());
        }
      }
      return;
    }
    double acc = switch (op) {
      case SUM, MEAN -> 0;
      case PROD -> 1;
      case MIN, MAX -> t.doubleAt(first);
    };
    for (int k = op == ReduceOp.MIN || op == ReduceOp.MAX ? 1 : 0; k < count; k++) {
      double x = t.doubleAt(first + k * step);
      acc = switch (op) {
        case SUM, MEAN -> acc + x;
        case PROD -> acc * x;
        case MIN -> Math.min(acc, x);
        case MAX -> Math.max(acc, x);
      };
    }
    if (op == ReduceOp.MEAN) {
      acc /= count;
    }
    double stored = result.dtype() == DType.FLOAT32 ? (float) acc : acc;
    if (!Double.isFinite(stored)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "tensor", op.name().toLowerCase(java.util.Locale.ROOT)
          + " at output " + Elements.index(outShape, out) + " overflows " + result.dtype().wireName()
          + "; scale the elements down or cast to float64 first");
    }
    result.setDouble(out, acc);
  }
}
