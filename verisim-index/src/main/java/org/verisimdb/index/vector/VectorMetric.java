package org.verisimdb.index.vector;

import java.util.Locale;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/** The similarity measures of VQL §6.4, computed in double precision; higher is more similar. */
public enum VectorMetric {
  /** a·b / (‖a‖ ‖b‖); 0 if either norm is 0. */
  COSINE,
  /** 1 / (1 + ‖a − b‖). */
  EUCLIDEAN,
  /** a·b. */
  DOT_PRODUCT;

  /** The configuration and VQL spelling: {@code cosine}, {@code euclidean}, {@code dot_product}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static VectorMetric fromWire(String name, String field) {
    for (VectorMetric m : values()) {
      if (m.wireName().equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name)) {
        return m;
      }
    }
    throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, field, "unknown vector metric '" + name + "'; use cosine, euclidean or dot_product");
  }

  /** The similarity of two vectors of equal length under this metric. */
  public double similarity(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors of length " + a.length + " and " + b.length);
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    double dist = 0;
    for (int i = 0; i < a.length; i++) {
      double x = a[i];
      double y = b[i];
      dot += x * y;
      na += x * x;
      nb += y * y;
      dist += (x - y) * (x - y);
    }
    return switch (this) {
      case COSINE -> na == 0 || nb == 0 ? 0 : dot / (Math.sqrt(na) * Math.sqrt(nb));
      case EUCLIDEAN -> 1 / (1 + Math.sqrt(dist));
      case DOT_PRODUCT -> dot;
    };
  }
}
