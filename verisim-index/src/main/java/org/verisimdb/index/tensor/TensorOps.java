package org.verisimdb.index.tensor;

import java.util.List;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.TensorFacet;

/**
 * Operations on stored tensors: slice, element-wise map, and reduce. Each takes a
 * {@link TensorFacet} and returns a new one, in the same compact little-endian form; results are
 * exact where the dtype allows and fail with INVALID_TENSOR rather than overflow or produce a
 * non-finite number. See {@link AxisSlice}, {@link ElementOp} and {@link ReduceOp} for the rules.
 *
 * <p>Thread-safe: stateless.
 */
public final class TensorOps {
  private TensorOps() {}

  /**
   * The sub-tensor {@code slices} select, one per leading axis (axes not given are kept whole).
   * The rank is unchanged; an axis may become 0 long. The dtype and element bytes are kept.
   */
  public static TensorFacet slice(TensorFacet t, List<AxisSlice> slices) {
    int[] shape = t.shape();
    if (slices.size() > shape.length) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "slices",
          slices.size() + " slices given for a tensor of rank " + shape.length + "; give at most one per axis");
    }
    int rank = shape.length;
    int[] first = new int[rank];
    int[] step = new int[rank];
    int[] outShape = new int[rank];
    for (int a = 0; a < rank; a++) {
      AxisSlice s = a < slices.size() ? slices.get(a) : AxisSlice.all();
      if (s == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "slices[" + a + "]", "slice " + a + " is null; use AxisSlice.all() to keep an axis");
      }
      int[] r = s.resolve(shape[a]);
      first[a] = r[0];
      outShape[a] = r[1];
      step[a] = s.step();
    }
    int[] strides = Elements.strides(shape);
    int n = Elements.count(outShape);
    Elements result = new Elements(t.dtype(), n);
    byte[] data = t.data();
    int[] index = new int[rank];
    for (int i = 0; i < n; i++) {
      int from = 0;
      for (int a = 0; a < rank; a++) {
        from += (first[a] + index[a] * step[a]) * strides[a];
      }
      result.copy(data, from, i);
      for (int a = rank - 1; a >= 0 && ++index[a] == outShape[a]; a--) {
        index[a] = 0;
      }
    }
    return result.toFacet(outShape);
  }

  /** {@code op} applied to every element; the shape is kept, the dtype follows {@link ElementOp}'s rules. */
  public static TensorFacet map(TensorFacet t, ElementOp op) {
    if (op == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "op", "an element operation is required");
    }
    return ElementMapper.map(t, op);
  }

  /** {@code op} along {@code axis} (negative counts from the last): the result has that axis removed. */
  public static TensorFacet reduce(TensorFacet t, ReduceOp op, int axis) {
    return Reducer.along(t, requireOp(op), Elements.axis(axis, t.rank()));
  }

  /** {@code op} over every element: a scalar (rank 0). */
  public static TensorFacet reduceAll(TensorFacet t, ReduceOp op) {
    return Reducer.all(t, requireOp(op));
  }

  private static ReduceOp requireOp(ReduceOp op) {
    if (op == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "op", "a reduction is required: sum, mean, min, max or prod");
    }
    return op;
  }
}
