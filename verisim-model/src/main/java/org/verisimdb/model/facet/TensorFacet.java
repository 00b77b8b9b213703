package org.verisimdb.model.facet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * An n-dimensional array: a shape, an element type and the elements in row-major order, held
 * compactly as little-endian bytes ({@link DType#bytes()} per element; bool as 0 or 1).
 *
 * <p>Rank 0 (shape {@code []}) is a scalar with one element; a dimension of 0 gives an empty
 * tensor. Floating elements must be finite. Arrays are copied in and out; equality compares
 * dtype, shape and bytes.
 */
public record TensorFacet(DType dtype, int[] shape, byte[] data) implements Facet {
  private static final VarHandle F32 = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle F64 = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  public TensorFacet {
    if (dtype == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "tensor.dtype", "a tensor needs a dtype");
    }
    if (shape == null || data == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "tensor", "a tensor needs a shape and data");
    }
    shape = shape.clone();
    data = data.clone();
    long elements = elementCount(shape);
    if (data.length != elements * dtype.bytes()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "tensor.data",
          "shape " + Arrays.toString(shape) + " holds " + elements + " elements but " + (data.length / (double) dtype.bytes())
              + " were given; the product of the shape must equal the number of elements");
    }
    checkElements(dtype, data);
  }

  /** Validates a shape and returns its element count. */
  public static long elementCount(int[] shape) {
    if (shape.length > Limits.MAX_TENSOR_RANK) {
      throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, "tensor.shape",
          "tensor rank " + shape.length + " exceeds the limit of " + Limits.MAX_TENSOR_RANK);
    }
    long elements = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 0) {
        throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "tensor.shape[" + i + "]",
            "dimension " + i + " is " + shape[i] + "; dimensions must be 0 or more");
      }
      elements *= shape[i];
      if (elements > Limits.MAX_TENSOR_ELEMENTS) {
        throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, "tensor.shape",
            "shape " + Arrays.toString(shape) + " has more than " + Limits.MAX_TENSOR_ELEMENTS + " elements");
      }
    }
    return elements;
  }

  private static void checkElements(DType dtype, byte[] data) {
    int count = data.length / dtype.bytes();
    for (int i = 0; i < count; i++) {
      boolean ok = switch (dtype) {
        case FLOAT32 -> Float.isFinite((float) F32.get(data, i * 4));
        case FLOAT64 -> Double.isFinite((double) F64.get(data, i * 8));
        case BOOL -> data[i] == 0 || data[i] == 1;
        case INT32, INT64 -> true;
      };
      if (!ok) {
        throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "tensor.data[" + i + "]",
            dtype == DType.BOOL ? "bool element " + i + " is stored as " + data[i] + "; use 0 or 1"
                : "element " + i + " is not finite; tensor elements must be finite numbers");
      }
    }
  }

  public static TensorFacet ofFloats(int[] shape, float[] values) {
    ByteBuffer b = buffer(values.length, DType.FLOAT32);
    for (float v : values) {
      b.putFloat(v);
    }
    return new TensorFacet(DType.FLOAT32, shape, b.array());
  }

  public static TensorFacet ofDoubles(int[] shape, double[] values) {
    ByteBuffer b = buffer(values.length, DType.FLOAT64);
    for (double v : values) {
      b.putDouble(v);
    }
    return new TensorFacet(DType.FLOAT64, shape, b.array());
  }

  public static TensorFacet ofInts(int[] shape, int[] values) {
    ByteBuffer b = buffer(values.length, DType.INT32);
    for (int v : values) {
      b.putInt(v);
    }
    return new TensorFacet(DType.INT32, shape, b.array());
  }

  public static TensorFacet ofLongs(int[] shape, long[] values) {
    ByteBuffer b = buffer(values.length, DType.INT64);
    for (long v : values) {
      b.putLong(v);
    }
    return new TensorFacet(DType.INT64, shape, b.array());
  }

  public static TensorFacet ofBooleans(int[] shape, boolean[] values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) (values[i] ? 1 : 0);
    }
    return new TensorFacet(DType.BOOL, shape, bytes);
  }

  private static ByteBuffer buffer(int count, DType dtype) {
    if ((long) count * dtype.bytes() > (long) Limits.MAX_TENSOR_ELEMENTS * 8) {
      throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, "tensor.data",
          "tensor has " + count + " elements; the limit is " + Limits.MAX_TENSOR_ELEMENTS);
    }
    return ByteBuffer.allocate(count * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public Modality modality() {
    return Modality.TENSOR;
  }

  /** A copy of the shape. */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** A copy of the little-endian element bytes. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  public int rank() {
    return shape.length;
  }

  public int dimension(int axis) {
    return shape[axis];
  }

  /** Number of elements. */
  public int size() {
    return data.length / dtype.bytes();
  }

  /** Element {@code i} (row-major) as a double; int64 beyond 2⁵³ loses precision, use {@link #longAt}. */
  public double doubleAt(int i) {
    return switch (dtype) {
      case FLOAT32 -> (float) F32.get(data, i * 4);
      case FLOAT64 -> (double) F64.get(data, i * 8);
      case INT32 -> (int) I32.get(data, i * 4);
      case INT64 -> (long) I64.get(data, i * 8);
      case BOOL -> data[i];
    };
  }

  /** Element {@code i} of an integer or bool tensor, exactly. */
  public long longAt(int i) {
    return switch (dtype) {
      case INT32 -> (int) I32.get(data, i * 4);
      case INT64 -> (long) I64.get(data, i * 8);
      case BOOL -> data[i];
      case FLOAT32, FLOAT64 -> throw new IllegalStateException("longAt on a " + dtype.wireName() + " tensor");
    };
  }

  /** Elements as doubles, for statistics and numeric operations. */
  public double[] toDoubles() {
    double[] out = new double[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = doubleAt(i);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorFacet other && dtype == other.dtype && Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return (dtype.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "TensorFacet[dtype=" + dtype.wireName() + ", shape=" + Arrays.toString(shape) + ", size=" + size() + "]";
  }
}
