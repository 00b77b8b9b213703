package org.verisimdb.index.graph;

import org.verisimdb.model.OctadId;

/**
 * An incoming edge of an octad, seen from its target: which octad holds the edge, and its predicate.
 *
 * @param source the octad whose outgoing edge this is
 * @param predicate the edge's relation type
 */
public record InEdge(OctadId source, String predicate) {
  public InEdge {
    if (source == null || predicate == null) {
      throw new IllegalArgumentException("incoming edge from " + source + " with predicate " + predicate);
    }
  }
}
