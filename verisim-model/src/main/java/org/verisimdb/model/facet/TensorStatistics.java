package org.verisimdb.model.facet;

import java.util.function.IntToDoubleFunction;

/**
 * Mean, population standard deviation, minimum and maximum of a non-empty tensor's elements, the
 * statistics VQL §4.3 defines over {@code TENSOR.data}. Computed so that sums of huge float64
 * elements cannot overflow.
 *
 * @param mean arithmetic mean
 * @param std population standard deviation (divided by n, not n − 1)
 * @param min smallest element
 * @param max largest element
 */
public record TensorStatistics(double mean, double std, double min, double max) {

  /** The statistics of the elements as doubles, or null for an empty tensor. */
  public static TensorStatistics of(TensorFacet tensor) {
    return of(tensor.size(), tensor::doubleAt);
  }

  /** The statistics of {@code count} finite elements, or null when there are none. */
  public static TensorStatistics of(int count, IntToDoubleFunction element) {
    if (count == 0) {
      return null;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      double x = element.applyAsDouble(i);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    // Scale by a power of two so that sums of huge float64 elements cannot overflow. The
    // scaling is exact, so for ordinary data the result is that of the plain two-pass formula.
    double largest = Math.max(Math.abs(min), Math.abs(max));
    double scale = largest == 0 ? 1 : Math.scalb(1.0, -Math.getExponent(largest));
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += element.applyAsDouble(i) * scale;
    }
    double scaledMean = sum / count;
    double squares = 0;
    for (int i = 0; i < count; i++) {
      double d = element.applyAsDouble(i) * scale - scaledMean;
      squares += d * d;
    }
    // Rounding may carry the mean an ulp outside [min, max] or the deviation past the largest double.
    double mean = Math.clamp(scaledMean / scale, min, max);
    double std = Math.min(Math.sqrt(squares / count) / scale, Double.MAX_VALUE);
    return new TensorStatistics(mean, std, min, max);
  }
}
