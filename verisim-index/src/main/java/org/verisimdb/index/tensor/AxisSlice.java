package org.verisimdb.index.tensor;

import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * The part of one axis a slice keeps, as Python's {@code start:end:step}: start inclusive, end
 * exclusive, either one null for "from the edge", negative values counting from the end, values
 * past either end clamped, and a negative step walking backwards.
 */
public record AxisSlice(Integer start, Integer end, int step) {
  public AxisSlice {
    if (step == 0) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "step", "a slice step must not be 0; use 1 for every element or -1 to reverse");
    }
  }

  /** The whole axis. */
  public static AxisSlice all() {
    return new AxisSlice(null, null, 1);
  }

  /** {@code start:end} with step 1. */
  public static AxisSlice range(Integer start, Integer end) {
    return new AxisSlice(start, end, 1);
  }

  /** The first index and the number of indices this slice takes from an axis of {@code length}. */
  int[] resolve(int length) {
    int first;
    int stop;
    if (step > 0) {
      first = clamp(start, length, 0, 0, length);
      stop = clamp(end, length, length, 0, length);
      return new int[] {first, stop > first ? (int) ((stop - first + (long) step - 1) / step) : 0};
    }
    first = clamp(start, length, length - 1, -1, length - 1);
    stop = clamp(end, length, -1, -1, length - 1);
    return new int[] {first, first > stop ? (int) ((first - stop - (long) step - 1) / -(long) step) : 0};
  }

  /** Python's rule: default when null, add the length once when negative, then clamp to [lo, hi]. */
  private static int clamp(Integer value, int length, int fallback, int lo, int hi) {
    if (value == null) {
      return fallback;
    }
    long v = value < 0 ? (long) value + length : value;
    return (int) Math.max(lo, Math.min(hi, v));
  }
}
