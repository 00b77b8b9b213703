package org.verisimdb.index.text;

import org.verisimdb.model.OctadId;

/**
 * An octad a text search found, with its BM25 relevance: non-negative, higher is better, the
 * same for the same query on the same live octads.
 */
public record TextHit(OctadId id, float score) {
  public TextHit {
    if (id == null || !(score >= 0)) {
      throw new IllegalArgumentException("bad text hit " + id + " with score " + score);
    }
  }
}
