package org.verisimdb.index.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.TensorFacet;

class TensorOpsTest {
  /** [[0, 1, 2], [3, 4, 5]] */
  private static final TensorFacet M = TensorFacet.ofInts(new int[] {2, 3}, new int[] {0, 1, 2, 3, 4, 5});
  private static final TensorFacet SCALAR = TensorFacet.ofDoubles(new int[0], new double[] {-4});
  private static final TensorFacet EMPTY = TensorFacet.ofFloats(new int[] {2, 0}, new float[0]);

  @Test
  void slicesLikePython() {
    assertThat(TensorOps.slice(M, List.of(AxisSlice.range(-1, null)))).isEqualTo(TensorFacet.ofInts(new int[] {1, 3}, new int[] {3, 4, 5}));
    assertThat(TensorOps.slice(M, List.of(AxisSlice.all(), new AxisSlice(null, null, -2))))
        .isEqualTo(TensorFacet.ofInts(new int[] {2, 2}, new int[] {2, 0, 5, 3}));
    assertThat(TensorOps.slice(M, List.of(AxisSlice.range(5, 9)))).isEqualTo(TensorFacet.ofInts(new int[] {0, 3}, new int[0]));
    assertThat(TensorOps.slice(M, List.of(AxisSlice.all(), new AxisSlice(1, 2, Integer.MAX_VALUE))))
        .isEqualTo(TensorFacet.ofInts(new int[] {2, 1}, new int[] {1, 4}));
    assertThat(TensorOps.slice(SCALAR, List.of())).isEqualTo(SCALAR);
    assertThat(TensorOps.slice(EMPTY, List.of(new AxisSlice(null, null, -1)))).isEqualTo(EMPTY);
  }

  @Test
  void mapsKeepOrWidenTheDtype() {
    assertThat(TensorOps.map(M, new ElementOp.Mul(2))).isEqualTo(TensorFacet.ofInts(new int[] {2, 3}, new int[] {0, 2, 4, 6, 8, 10}));
    assertThat(TensorOps.map(M, new ElementOp.Add(0.5)).dtype()).isEqualTo(DType.FLOAT64);
    assertThat(TensorOps.map(M, new ElementOp.Sqrt()).dtype()).isEqualTo(DType.FLOAT64);
    assertThat(TensorOps.map(M, new ElementOp.Clamp(1, 3))).isEqualTo(TensorFacet.ofInts(new int[] {2, 3}, new int[] {1, 1, 2, 3, 3, 3}));
    assertThat(TensorOps.map(SCALAR, new ElementOp.Abs())).isEqualTo(TensorFacet.ofDoubles(new int[0], new double[] {4}));
    assertThat(TensorOps.map(EMPTY, new ElementOp.Log())).isEqualTo(EMPTY);
    TensorFacet bools = TensorFacet.ofBooleans(new int[] {3}, new boolean[] {true, false, true});
    assertThat(TensorOps.map(bools, new ElementOp.Neg())).isEqualTo(TensorFacet.ofInts(new int[] {3}, new int[] {-1, 0, -1}));
    assertThat(TensorOps.map(M, new ElementOp.Cast(DType.BOOL))).isEqualTo(TensorFacet.ofBooleans(new int[] {2, 3},
        new boolean[] {false, true, true, true, true, true}));
    assertThat(TensorOps.map(TensorFacet.ofDoubles(new int[] {2}, new double[] {-2.7, 2.7}), ElementOp.of("cast", List.of("i32"))))
        .isEqualTo(TensorFacet.ofInts(new int[] {2}, new int[] {-2, 2}));
    assertThat(ElementOp.of("CLAMP", List.of(0, 1.5))).isEqualTo(new ElementOp.Clamp(0, 1.5));
  }

  @Test
  void reducesOverAnAxisOrEverything() {
    assertThat(TensorOps.reduce(M, ReduceOp.SUM, 0)).isEqualTo(TensorFacet.ofLongs(new int[] {3}, new long[] {3, 5, 7}));
    assertThat(TensorOps.reduce(M, ReduceOp.MAX, -1)).isEqualTo(TensorFacet.ofInts(new int[] {2}, new int[] {2, 5}));
    assertThat(TensorOps.reduce(M, ReduceOp.MEAN, 1)).isEqualTo(TensorFacet.ofDoubles(new int[] {2}, new double[] {1, 4}));
    assertThat(TensorOps.reduceAll(M, ReduceOp.PROD)).isEqualTo(TensorFacet.ofLongs(new int[0], new long[] {0}));
    assertThat(TensorOps.reduceAll(SCALAR, ReduceOp.MIN)).isEqualTo(SCALAR);
    assertThat(TensorOps.reduce(EMPTY, ReduceOp.SUM, 1)).isEqualTo(TensorFacet.ofFloats(new int[] {2}, new float[] {0, 0}));
    assertThat(TensorOps.reduce(EMPTY, ReduceOp.PROD, 0)).isEqualTo(TensorFacet.ofFloats(new int[] {0}, new float[0]));
    assertThat(TensorOps.reduceAll(EMPTY, ReduceOp.SUM)).isEqualTo(TensorFacet.ofFloats(new int[0], new float[] {0}));
    TensorFacet big = TensorFacet.ofLongs(new int[] {2}, new long[] {Long.MAX_VALUE, Long.MAX_VALUE});
    assertThat(TensorOps.reduceAll(big, ReduceOp.MEAN)).isEqualTo(TensorFacet.ofDoubles(new int[0], new double[] {0x1p63}));
  }

  @Test
  void failuresSayWhatAndWhere() {
    invalid(() -> TensorOps.map(TensorFacet.ofInts(new int[] {2}, new int[] {1, Integer.MIN_VALUE}), new ElementOp.Abs()), "[1]");
    invalid(() -> TensorOps.map(TensorFacet.ofLongs(new int[] {1}, new long[] {Long.MAX_VALUE}), new ElementOp.Add(1)), "int64");
    invalid(() -> TensorOps.map(M, new ElementOp.Log()), "log needs elements > 0");
    invalid(() -> TensorOps.map(SCALAR, new ElementOp.Sqrt()), "sqrt needs elements ≥ 0");
    invalid(() -> TensorOps.map(TensorFacet.ofFloats(new int[] {1}, new float[] {100}), new ElementOp.Exp()), "overflows float32");
    invalid(() -> TensorOps.map(TensorFacet.ofDoubles(new int[] {1}, new double[] {1e10}), new ElementOp.Cast(DType.INT32)), "int32");
    invalid(() -> TensorOps.reduceAll(TensorFacet.ofLongs(new int[] {2}, new long[] {Long.MAX_VALUE, 1}), ReduceOp.SUM), "overflows int64");
    invalid(() -> TensorOps.reduce(EMPTY, ReduceOp.MEAN, 1), "no elements");
    invalid(() -> TensorOps.reduce(M, ReduceOp.SUM, 2), "rank 2");
    invalid(() -> TensorOps.reduce(SCALAR, ReduceOp.SUM, 0), "no axes");
    invalid(() -> TensorOps.slice(M, List.of(AxisSlice.all(), AxisSlice.all(), AxisSlice.all())), "rank 2");
    invalid(() -> new AxisSlice(0, 1, 0), "step");
    invalid(() -> new ElementOp.Add(Double.NaN), "finite");
    invalid(() -> new ElementOp.Clamp(2, 1), "smaller bound first");
    invalid(() -> ElementOp.of("pow", List.of(2)), "unknown tensor operation");
    invalid(() -> ElementOp.of("add", List.of()), "takes 1 argument");
    invalid(() -> ElementOp.of("cast", List.of("f16")), "unknown dtype");
  }

  private static void invalid(ThrowingCallable call, String says) {
    assertThatThrownBy(call).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TENSOR);
      assertThat(e.getMessage()).contains(says);
    });
  }
}
