package org.verisimdb.index.tensor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.TensorFacet;

/**
 * The elements of a result tensor while it is computed, in the stored little-endian form, plus
 * the row-major index arithmetic the operations share. Not thread-safe; one per result.
 */
final class Elements {
  private static final VarHandle F32 = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle F64 = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final DType dtype;
  private final byte[] data;

  Elements(DType dtype, int count) {
    this.dtype = dtype;
    this.data = new byte[Math.multiplyExact(count, dtype.bytes())];
  }

  DType dtype() {
    return dtype;
  }

  /** Stores an integer or bool element; it must fit the dtype (the callers check ranges). */
  void setLong(int i, long v) {
    switch (dtype) {
      case INT32 -> I32.set(data, i * 4, Math.toIntExact(v));
      case INT64 -> I64.set(data, i * 8, v);
      case BOOL -> data[i] = (byte) (v != 0 ? 1 : 0);
      case FLOAT32, FLOAT64 -> throw new IllegalStateException("setLong on a " + dtype.wireName() + " result");
    }
  }

  /** Stores a float element, rounded to float32 when that is the dtype; the callers check finiteness. */
  void setDouble(int i, double v) {
    switch (dtype) {
      case FLOAT32 -> F32.set(data, i * 4, (float) v);
      case FLOAT64 -> F64.set(data, i * 8, v);
      case INT32, INT64, BOOL -> throw new IllegalStateException("setDouble on a " + dtype.wireName() + " result");
    }
  }

  /** Copies element {@code from} of {@code source} (same dtype) to element {@code to}. */
  void copy(byte[] source, int from, int to) {
    System.arraycopy(source, from * dtype.bytes(), data, to * dtype.bytes(), dtype.bytes());
  }

  TensorFacet toFacet(int[] shape) {
    return new TensorFacet(dtype, shape, data);
  }

  /** Row-major strides of {@code shape}: how far apart consecutive indices of each axis are. */
  static int[] strides(int[] shape) {
    int[] strides = new int[shape.length];
    int s = 1;
    for (int a = shape.length - 1; a >= 0; a--) {
      strides[a] = s;
      s *= shape[a];
    }
    return strides;
  }

  static int count(int[] shape) {
    return (int) TensorFacet.elementCount(shape);
  }

  /** The multi-index of flat element {@code i}, for messages: {@code [1, 0, 2]}. */
  static String index(int[] shape, int i) {
    StringBuilder out = new StringBuilder("[");
    int[] strides = strides(shape);
    for (int a = 0; a < shape.length; a++) {
      out.append(a == 0 ? "" : ", ").append(shape[a] == 0 ? 0 : (i / strides[a]) % shape[a]);
    }
    return out.append(']').toString();
  }

  /** Resolves a Python-style axis (-1 is the last) of a tensor of rank {@code rank}. */
  static int axis(int axis, int rank) {
    if (rank == 0) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "axis", "a scalar (rank 0) has no axes; reduce over all elements instead");
    }
    if (axis < -rank || axis >= rank) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "axis",
          "axis " + axis + " does not exist in a tensor of rank " + rank + "; use 0 to " + (rank - 1) + " or -1 to -" + rank);
    }
    return axis < 0 ? axis + rank : axis;
  }
}
