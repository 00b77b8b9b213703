package org.verisimdb.model.facet;

import java.util.Arrays;
import java.util.Objects;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * An embedding: finite 32-bit floats and the name of the model that produced it (null when
 * unknown). The array is copied in and out, so the facet stays immutable; equality compares
 * the elements. The database checks the length against its configured dimension on write.
 */
public record VectorFacet(float[] embedding, String model) implements Facet {
  public VectorFacet {
    if (embedding == null || embedding.length == 0) {
      throw VeriSimException.invalid(ErrorCode.INVALID_VECTOR, "vector.embedding", "an embedding needs at least one element");
    }
    if (embedding.length > Limits.MAX_VECTOR_DIMENSION) {
      throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, "vector.embedding",
          "embedding has " + embedding.length + " elements; the limit is " + Limits.MAX_VECTOR_DIMENSION);
    }
    embedding = embedding.clone();
    for (int i = 0; i < embedding.length; i++) {
      if (!Float.isFinite(embedding[i])) {
        throw VeriSimException.invalid(ErrorCode.INVALID_VECTOR, "vector.embedding[" + i + "]",
            "embedding element " + i + " is " + embedding[i] + "; every element must be a finite number");
      }
    }
    if (model != null) {
      Limits.requireShortText(model, Limits.MAX_SHORT_TEXT, ErrorCode.INVALID_VECTOR, "vector.model", "model name");
    }
  }

  /** A vector from doubles; each must be finite and within float range. */
  public static VectorFacet of(double[] values, String model) {
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      float f = (float) values[i];
      if (Double.isFinite(values[i]) && !Float.isFinite(f)) {
        throw VeriSimException.invalid(ErrorCode.INVALID_VECTOR, "vector.embedding[" + i + "]",
            "embedding element " + i + " is " + values[i] + ", outside the range of a 32-bit float");
      }
      floats[i] = Double.isFinite(values[i]) ? f : Float.NaN;
    }
    return new VectorFacet(floats, model);
  }

  @Override
  public Modality modality() {
    return Modality.VECTOR;
  }

  /** A copy of the elements. */
  @Override
  public float[] embedding() {
    return embedding.clone();
  }

  public int dimension() {
    return embedding.length;
  }

  public float get(int index) {
    return embedding[index];
  }

  /** Euclidean norm, in double precision. */
  public double norm() {
    double sum = 0;
    for (float f : embedding) {
      sum += (double) f * f;
    }
    return Math.sqrt(sum);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VectorFacet other && Arrays.equals(embedding, other.embedding) && Objects.equals(model, other.model);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(embedding) + Objects.hashCode(model);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("VectorFacet[dimension=").append(embedding.length).append(", model=").append(model).append(", embedding=[");
    for (int i = 0; i < Math.min(4, embedding.length); i++) {
      text.append(i == 0 ? "" : ", ").append(embedding[i]);
    }
    return text.append(embedding.length > 4 ? ", …]]" : "]]").toString();
  }
}
