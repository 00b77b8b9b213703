package org.verisimdb.index.tensor;

import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.TensorFacet;

/** Applies an {@link ElementOp} to every element, by the dtype rules {@link ElementOp} documents. Stateless. */
final class ElementMapper {
  private ElementMapper() {}

  static TensorFacet map(TensorFacet t, ElementOp op) {
    DType in = t.dtype();
    DType out = resultType(in, op);
    int n = t.size();
    Elements result = new Elements(out, n);
    boolean integral = out == DType.INT32 || out == DType.INT64 || out == DType.BOOL;
    for (int i = 0; i < n; i++) {
      if (integral) {
        long v;
        try {
          v = op instanceof ElementOp.Cast ? castToLong(t, i, out) : integer(op, t.longAt(i));
        } catch (ArithmeticException e) {
          throw overflow(t, i, op, out);
        }
        if (out == DType.INT32 && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
          throw overflow(t, i, op, out);
        }
        result.setLong(i, v);
      } else {
        // an integer cast to float32 is rounded once, from the exact integer
        double v = op instanceof ElementOp.Cast && !in.isFloating() && out == DType.FLOAT32 ? (float) t.longAt(i) : floating(op, t.doubleAt(i));
        double stored = out == DType.FLOAT32 ? (float) v : v;
        if (!Double.isFinite(stored)) {
          throw nonFinite(t, i, op, stored, out);
        }
        result.setDouble(i, v);
      }
    }
    return result.toFacet(t.shape());
  }

  static DType resultType(DType in, ElementOp op) {
    boolean floatIn = in.isFloating();
    return switch (op) {
      case ElementOp.Cast(DType to) -> to;
      case ElementOp.Sqrt s -> floatIn ? in : DType.FLOAT64;
      case ElementOp.Exp e -> floatIn ? in : DType.FLOAT64;
      case ElementOp.Log l -> floatIn ? in : DType.FLOAT64;
      case ElementOp.Add(Number s) -> arithmetic(in, s);
      case ElementOp.Mul(Number s) -> arithmetic(in, s);
      case ElementOp.Clamp(Number lo, Number hi) -> arithmetic(arithmetic(in, lo), hi);
      case ElementOp.Abs a -> arithmetic(in, 0);
      case ElementOp.Neg a -> arithmetic(in, 0);
    };
  }

  private static DType arithmetic(DType in, Number scalar) {
    if (in.isFloating()) {
      return in;
    }
    if (!(scalar instanceof Double || scalar instanceof Float)) {
      return in == DType.BOOL ? DType.INT32 : in;
    }
    return DType.FLOAT64;
  }

  /** The exact integer result; ArithmeticException when it overflows int64. */
  private static long integer(ElementOp op, long x) {
    return switch (op) {
      case ElementOp.Abs a -> Math.absExact(x);
      case ElementOp.Neg a -> Math.negateExact(x);
      case ElementOp.Add(Number s) -> Math.addExact(x, s.longValue());
      case ElementOp.Mul(Number s) -> Math.multiplyExact(x, s.longValue());
      case ElementOp.Clamp(Number lo, Number hi) -> Math.max(lo.longValue(), Math.min(hi.longValue(), x));
      case ElementOp.Sqrt s -> throw new IllegalStateException("sqrt has a float result");
      case ElementOp.Exp e -> throw new IllegalStateException("exp has a float result");
      case ElementOp.Log l -> throw new IllegalStateException("log has a float result");
      case ElementOp.Cast c -> throw new IllegalStateException("casts are converted separately");
    };
  }

  private static double floating(ElementOp op, double x) {
    return switch (op) {
      case ElementOp.Abs a -> Math.abs(x);
      case ElementOp.Neg a -> -x;
      case ElementOp.Add(Number s) -> x + s.doubleValue();
      case ElementOp.Mul(Number s) -> x * s.doubleValue();
      case ElementOp.Clamp(Number lo, Number hi) -> Math.max(lo.doubleValue(), Math.min(hi.doubleValue(), x));
      case ElementOp.Sqrt s -> Math.sqrt(x);
      case ElementOp.Exp e -> Math.exp(x);
      case ElementOp.Log l -> Math.log(x);
      case ElementOp.Cast c -> x;
    };
  }

  private static long castToLong(TensorFacet t, int i, DType out) {
    if (!t.dtype().isFloating()) {
      long v = t.longAt(i);
      return out == DType.BOOL ? (v != 0 ? 1 : 0) : v;
    }
    double d = t.doubleAt(i);
    if (out == DType.BOOL) {
      return d != 0 ? 1 : 0;
    }
    double truncated = d < 0 ? Math.ceil(d) : Math.floor(d);
    if (truncated < -0x1p63 || truncated >= 0x1p63) {
      throw new ArithmeticException("beyond int64");
    }
    return (long) truncated;
  }

  private static VeriSimException overflow(TensorFacet t, int i, ElementOp op, DType out) {
    return VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "tensor.data[" + i + "]",
        op.name() + " of element " + Elements.index(t.shape(), i) + " (" + show(t, i) + ") falls outside the range of "
            + out.wireName() + "; cast the tensor to a wider dtype (int64 or float64) first");
  }

  private static VeriSimException nonFinite(TensorFacet t, int i, ElementOp op, double v, DType out) {
    String why = Double.isNaN(v) ? "is not a number" : "overflows " + out.wireName() + " (" + v + ")";
    String fix = switch (op) {
      case ElementOp.Sqrt s -> "; sqrt needs elements ≥ 0 (apply abs or clamp first)";
      case ElementOp.Log l -> "; log needs elements > 0 (clamp them first)";
      default -> "; scale the elements down or cast to float64 first";
    };
    return VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "tensor.data[" + i + "]",
        op.name() + " of element " + Elements.index(t.shape(), i) + " (" + show(t, i) + ") " + (Double.isInfinite(v) && op instanceof ElementOp.Log
            ? "is -Infinity" : why) + fix);
  }

  static String show(TensorFacet t, int i) {
    return t.dtype().isFloating() ? Double.toString(t.doubleAt(i)) : Long.toString(t.longAt(i));
  }
}
