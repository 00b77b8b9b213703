package org.verisimdb.index.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.TensorFacet;

/**
 * Random tensors of every dtype, rank 0 to 4 (empty axes included), against {@link NaiveTensor}:
 * slices on every axis, every element operation, every reduction on every axis and over all.
 * Where the reference says the result cannot be represented, the operation must fail with
 * INVALID_TENSOR.
 */
class TensorOpsPropertyTest {
  private final long seed = Long.getLong("tests.seed", System.nanoTime());
  private final Random random = new Random(seed);

  private TensorFacet randomTensor(DType dtype) {
    int rank = random.nextInt(5);
    int[] shape = new int[rank];
    for (int a = 0; a < rank; a++) {
      shape[a] = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(4);
    }
    List<Object> elements = new ArrayList<>();
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    boolean extreme = random.nextInt(4) == 0;
    for (int i = 0; i < n; i++) {
      elements.add(switch (dtype) {
        case FLOAT32, FLOAT64 -> extreme ? (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextInt(600) - 300) * random.nextDouble()
            : (random.nextInt(10) == 0 ? 0.0 : random.nextGaussian() * 10);
        case INT32 -> (long) (extreme ? random.nextInt() : random.nextInt(21) - 10);
        case INT64 -> extreme ? random.nextLong() : (long) random.nextInt(21) - 10;
        case BOOL -> (long) random.nextInt(2);
      });
    }
    if (dtype == DType.FLOAT32) {
      elements.replaceAll(e -> {
        float f = (float) (double) (Double) e;
        return Float.isFinite(f) ? (double) f : 1.0;
      });
    }
    return new NaiveTensor(dtype, shape, elements).toFacet();
  }

  @Test
  void slicesMatchTheReference() {
    for (int round = 0; round < 400; round++) {
      TensorFacet t = randomTensor(DType.values()[random.nextInt(5)]);
      List<AxisSlice> slices = new ArrayList<>();
      int given = t.rank() == 0 ? 0 : random.nextInt(t.rank() + 1);
      for (int a = 0; a < given; a++) {
        int step = random.nextInt(4) == 0 ? -1 - random.nextInt(2) : 1 + random.nextInt(2);
        slices.add(new AxisSlice(random.nextBoolean() ? null : random.nextInt(13) - 6, random.nextBoolean() ? null : random.nextInt(13) - 6, step));
      }
      NaiveTensor n = NaiveTensor.of(t);
      List<List<Integer>> picks = new ArrayList<>();
      for (int a = 0; a < t.rank(); a++) {
        picks.add(a < slices.size() ? pythonIndices(slices.get(a), t.dimension(a)) : pythonIndices(AxisSlice.all(), t.dimension(a)));
      }
      int[] outShape = picks.stream().mapToInt(List::size).toArray();
      List<Object> expected = new ArrayList<>();
      for (int[] out : NaiveTensor.indices(outShape)) {
        int[] src = new int[out.length];
        for (int a = 0; a < out.length; a++) {
          src[a] = picks.get(a).get(out[a]);
        }
        expected.add(n.at(src));
      }
      assertThat(TensorOps.slice(t, slices)).as("seed=%d round=%d %s %s", seed, round, t, slices)
          .isEqualTo(new NaiveTensor(t.dtype(), outShape, expected).toFacet());
    }
  }

  /** CPython's PySlice_AdjustIndices, then the indices one by one. */
  private static List<Integer> pythonIndices(AxisSlice s, int length) {
    int step = s.step();
    int start;
    int stop;
    if (s.start() == null) {
      start = step < 0 ? length - 1 : 0;
    } else {
      start = s.start();
      if (start < 0) {
        start += length;
        if (start < 0) {
          start = step < 0 ? -1 : 0;
        }
      } else if (start >= length) {
        start = step < 0 ? length - 1 : length;
      }
    }
    if (s.end() == null) {
      stop = step < 0 ? -1 : length;
    } else {
      stop = s.end();
      if (stop < 0) {
        stop += length;
        if (stop < 0) {
          stop = step < 0 ? -1 : 0;
        }
      } else if (stop >= length) {
        stop = step < 0 ? length - 1 : length;
      }
    }
    List<Integer> out = new ArrayList<>();
    for (int i = start; step > 0 ? i < stop : i > stop; i += step) {
      out.add(i);
    }
    return out;
  }

  @Test
  void elementOperationsMatchTheReference() {
    for (int round = 0; round < 600; round++) {
      DType dtype = DType.values()[random.nextInt(5)];
      TensorFacet t = randomTensor(dtype);
      Number a = random.nextBoolean() ? (Number) (long) (random.nextInt(7) - 3) : (Number) (random.nextInt(7) - 3 + 0.5);
      if (random.nextInt(10) == 0) {
        a = random.nextBoolean() ? Long.MAX_VALUE : Integer.MAX_VALUE;
      }
      Number b = a instanceof Long l ? (Number) (l == Long.MAX_VALUE ? l : l + random.nextInt(5)) : (Number) (a.doubleValue() + random.nextInt(5));
      ElementOp op = switch (random.nextInt(9)) {
        case 0 -> new ElementOp.Abs();
        case 1 -> new ElementOp.Neg();
        case 2 -> new ElementOp.Add(a);
        case 3 -> new ElementOp.Mul(a);
        case 4 -> new ElementOp.Sqrt();
        case 5 -> new ElementOp.Exp();
        case 6 -> new ElementOp.Log();
        case 7 -> new ElementOp.Clamp(a, b);
        default -> new ElementOp.Cast(DType.values()[random.nextInt(5)]);
      };
      check(t, op, round);
    }
  }

  private void check(TensorFacet t, ElementOp op, int round) {
    DType in = t.dtype();
    boolean floatScalar = switch (op) {
      case ElementOp.Add(Number s) -> s instanceof Double;
      case ElementOp.Mul(Number s) -> s instanceof Double;
      case ElementOp.Clamp(Number lo, Number hi) -> lo instanceof Double || hi instanceof Double;
      default -> false;
    };
    boolean transcendental = op instanceof ElementOp.Sqrt || op instanceof ElementOp.Exp || op instanceof ElementOp.Log;
    DType out = op instanceof ElementOp.Cast(DType to) ? to
        : in.isFloating() ? in
        : transcendental || floatScalar ? DType.FLOAT64
        : in == DType.BOOL ? DType.INT32 : in;
    List<Object> expected = new ArrayList<>();
    boolean fails = false;
    for (Object e : NaiveTensor.of(t).elements()) {
      Object r;
      if (out == DType.INT32 || out == DType.INT64 || out == DType.BOOL) {
        BigInteger x = e instanceof Long l ? BigInteger.valueOf(l) : new BigDecimal((Double) e).toBigInteger(); // toBigInteger truncates
        BigInteger v = switch (op) {
          case ElementOp.Abs o -> x.abs();
          case ElementOp.Neg o -> x.negate();
          case ElementOp.Add(Number s) -> x.add(BigInteger.valueOf(s.longValue()));
          case ElementOp.Mul(Number s) -> x.multiply(BigInteger.valueOf(s.longValue()));
          case ElementOp.Clamp(Number lo, Number hi) -> x.max(BigInteger.valueOf(lo.longValue())).min(BigInteger.valueOf(hi.longValue()));
          case ElementOp.Cast c -> out == DType.BOOL ? (e instanceof Double d ? (d != 0 ? BigInteger.ONE : BigInteger.ZERO) : x.signum() == 0 ? x : BigInteger.ONE) : x;
          default -> throw new AssertionError(op);
        };
        int bits = out == DType.INT32 ? 31 : 63;
        if (v.bitLength() > bits) {
          fails = true;
          break;
        }
        r = v.longValue();
      } else {
        double x = e instanceof Long l ? (double) l : (Double) e;
        double v = switch (op) {
          case ElementOp.Abs o -> Math.abs(x);
          case ElementOp.Neg o -> -x;
          case ElementOp.Add(Number s) -> x + s.doubleValue();
          case ElementOp.Mul(Number s) -> x * s.doubleValue();
          case ElementOp.Clamp(Number lo, Number hi) -> Math.min(hi.doubleValue(), Math.max(lo.doubleValue(), x));
          case ElementOp.Sqrt o -> Math.sqrt(x);
          case ElementOp.Exp o -> Math.exp(x);
          case ElementOp.Log o -> Math.log(x);
          case ElementOp.Cast c -> e instanceof Long l && out == DType.FLOAT32 ? (double) (float) (long) l : x;
        };
        if (out == DType.FLOAT32) {
          v = (float) v;
        }
        if (!Double.isFinite(v)) {
          fails = true;
          break;
        }
        r = v;
      }
      expected.add(r);
    }
    String what = "seed=%d round=%d %s %s".formatted(seed, round, op, t);
    if (fails) {
      assertThatThrownBy(() -> TensorOps.map(t, op)).as(what)
          .isInstanceOfSatisfying(VeriSimException.class, x -> assertThat(x.code()).isEqualTo(ErrorCode.INVALID_TENSOR));
    } else {
      assertThat(TensorOps.map(t, op)).as(what).isEqualTo(new NaiveTensor(out, t.shape(), expected).toFacet());
    }
  }

  @Test
  void reductionsMatchTheReferenceOnEveryAxis() {
    for (int round = 0; round < 500; round++) {
      TensorFacet t = randomTensor(DType.values()[random.nextInt(5)]);
      ReduceOp op = ReduceOp.values()[random.nextInt(5)];
      for (int axis = -1; axis < t.rank(); axis++) { // -1 here means over all elements
        int[] shape = t.shape();
        int[] outShape;
        List<List<int[]>> groups = new ArrayList<>(); // the input indices each output element reduces
        if (axis < 0) {
          outShape = new int[0];
          groups.add(NaiveTensor.indices(shape));
        } else {
          outShape = new int[shape.length - 1];
          for (int a = 0, o = 0; a < shape.length; a++) {
            if (a != axis) {
              outShape[o++] = shape[a];
            }
          }
          for (int[] out : NaiveTensor.indices(outShape)) {
            List<int[]> group = new ArrayList<>();
            for (int k = 0; k < shape[axis]; k++) {
              int[] src = new int[shape.length];
              for (int a = 0, o = 0; a < shape.length; a++) {
                src[a] = a == axis ? k : out[o++];
              }
              group.add(src);
            }
            groups.add(group);
          }
        }
        NaiveTensor n = NaiveTensor.of(t);
        DType out = op == ReduceOp.MEAN ? DType.FLOAT64 : op == ReduceOp.MIN || op == ReduceOp.MAX ? t.dtype()
            : t.dtype().isFloating() ? t.dtype() : DType.INT64;
        List<Object> expected = new ArrayList<>();
        boolean fails = false;
        for (List<int[]> group : groups) {
          Object r = reduce(op, t.dtype(), group.stream().map(n::at).toList(), out);
          if (r == null) {
            fails = true;
            break;
          }
          expected.add(r);
        }
        int ax = axis;
        String what = "seed=%d round=%d %s axis %d of %s".formatted(seed, round, op, axis, t);
        if (fails) {
          assertThatThrownBy(() -> {
            TensorFacet ignored = ax < 0 ? TensorOps.reduceAll(t, op) : TensorOps.reduce(t, op, ax);
          }).as(what)
              .isInstanceOfSatisfying(VeriSimException.class, x -> assertThat(x.code()).isEqualTo(ErrorCode.INVALID_TENSOR));
        } else {
          TensorFacet want = new NaiveTensor(out, outShape, expected).toFacet();
          assertThat(ax < 0 ? TensorOps.reduceAll(t, op) : TensorOps.reduce(t, op, ax)).as(what).isEqualTo(want);
          if (ax >= 0) {
            assertThat(TensorOps.reduce(t, op, ax - t.rank())).as(what + " (negative axis)").isEqualTo(want);
          }
        }
      }
    }
  }

  /** One output element, or null when it has no value or overflows. */
  private static Object reduce(ReduceOp op, DType in, List<Object> xs, DType out) {
    if (xs.isEmpty() && (op == ReduceOp.MEAN || op == ReduceOp.MIN || op == ReduceOp.MAX)) {
      return null;
    }
    if (!in.isFloating()) {
      BigInteger acc = op == ReduceOp.PROD ? BigInteger.ONE : op == ReduceOp.SUM || op == ReduceOp.MEAN ? BigInteger.ZERO
          : BigInteger.valueOf((Long) xs.getFirst());
      for (Object x : xs) {
        BigInteger v = BigInteger.valueOf((Long) x);
        acc = switch (op) {
          case SUM, MEAN -> acc.add(v);
          case PROD -> acc.multiply(v);
          case MIN -> acc.min(v);
          case MAX -> acc.max(v);
        };
        if ((op == ReduceOp.SUM || op == ReduceOp.PROD) && acc.bitLength() > 63) {
          return null;
        }
      }
      if (op == ReduceOp.MEAN) {
        return new BigDecimal(acc).divide(BigDecimal.valueOf(xs.size()), new MathContext(120)).doubleValue();
      }
      return acc.longValue();
    }
    double acc = op == ReduceOp.PROD ? 1 : op == ReduceOp.SUM || op == ReduceOp.MEAN ? 0 : (Double) xs.getFirst();
    for (Object x : xs) {
      double v = (Double) x;
      acc = switch (op) {
        case SUM, MEAN -> acc + v;
        case PROD -> acc * v;
        case MIN -> Math.min(acc, v);
        case MAX -> Math.max(acc, v);
      };
    }
    if (op == ReduceOp.MEAN) {
      acc /= xs.size();
    }
    if (out == DType.FLOAT32) {
      acc = (float) acc;
    }
    return Double.isFinite(acc) ? acc : null;
  }
}
