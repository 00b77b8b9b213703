package org.verisimdb.index.vector;

import org.verisimdb.model.OctadId;

/**
 * One octad a vector search found, with its similarity to the anchor under the search's metric,
 * computed exactly in double precision ({@link VectorMetric#similarity}).
 */
public record VectorHit(OctadId id, double similarity) {
  public VectorHit {
    if (id == null || Double.isNaN(similarity)) {
      throw new IllegalArgumentException("hit " + id + " with similarity " + similarity);
    }
  }
}
