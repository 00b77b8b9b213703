package org.verisimdb.index.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.TensorFacet;

/**
 * The reference for the tensor tests: a tensor as a list of boxed elements (Long for integers
 * and bools, Double for floats) in row-major order, read and written with a ByteBuffer rather
 * than the code under test, and visited with explicit multi-indices.
 */
record NaiveTensor(DType dtype, int[] shape, List<Object> elements) {

  static NaiveTensor of(TensorFacet t) {
    ByteBuffer b = ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
    List<Object> out = new ArrayList<>();
    while (b.hasRemaining()) {
      out.add(switch (t.dtype()) {
        case FLOAT32 -> (double) b.getFloat();
        case FLOAT64 -> b.getDouble();
        case INT32 -> (long) b.getInt();
        case INT64 -> b.getLong();
        case BOOL -> (long) b.get();
      });
    }
    return new NaiveTensor(t.dtype(), t.shape(), out);
  }

  TensorFacet toFacet() {
    ByteBuffer b = ByteBuffer.allocate(elements.size() * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    for (Object e : elements) {
      switch (dtype) {
        case FLOAT32 -> b.putFloat((float) (double) (Double) e);
        case FLOAT64 -> b.putDouble((Double) e);
        case INT32 -> b.putInt(Math.toIntExact((Long) e));
        case INT64 -> b.putLong((Long) e);
        case BOOL -> b.put((byte) ((Long) e != 0 ? 1 : 0));
      }
    }
    return new TensorFacet(dtype, shape, b.array());
  }

  /** Every multi-index of {@code shape} in row-major order. */
  static List<int[]> indices(int[] shape) {
    List<int[]> all = new ArrayList<>();
    collect(shape, new int[shape.length], 0, all);
    return all;
  }

  private static void collect(int[] shape, int[] at, int axis, List<int[]> out) {
    if (axis == shape.length) {
      out.add(at.clone());
      return;
    }
    for (int i = 0; i < shape[axis]; i++) {
      at[axis] = i;
      collect(shape, at, axis + 1, out);
    }
  }

  /** The element at a multi-index, found by counting row-major positions. */
  Object at(int[] index) {
    int flat = 0;
    for (int a = 0; a < shape.length; a++) {
      flat = flat * shape[a] + index[a];
    }
    return elements.get(flat);
  }
}
