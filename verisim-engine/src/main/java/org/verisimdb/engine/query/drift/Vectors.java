package org.verisimdb.engine.query.drift;

/** Vector arithmetic in double precision over float elements. Stateless. */
final class Vectors {
  private Vectors() {}

  /** The cosine of the angle between {@code a} and {@code b}; 0 when either is the zero vector. */
  static double cosine(float[] a, float[] b) {
    requireSameLength(a, b);
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    if (na == 0 || nb == 0) {
      return 0;
    }
    // rounding can push a cosine of parallel vectors just past 1
    return Math.max(-1, Math.min(1, dot / (Math.sqrt(na) * Math.sqrt(nb))));
  }

  static double dot(float[] a, float[] b) {
    requireSameLength(a, b);
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
    }
    return dot;
  }

  static double euclidean(float[] a, float[] b) {
    requireSameLength(a, b);
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = (double) a[i] - b[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  static double clamp01(double x) {
    return Math.max(0, Math.min(1, x));
  }

  private static void requireSameLength(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " elements");
    }
  }
}
