package org.verisimdb.index.graph;

import java.util.List;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;

/** Octads for graph tests: an id, a first version, and the given facets. */
final class Octads {

  private Octads() {}

  static Octad of(String id, Facet... facets) {
    return org.verisimdb.index.TestOctads.of(id, facets);
  }

  static Octad withEdges(String id, List<Edge> edges) {
    return edges.isEmpty() ? of(id) : of(id, new GraphFacet(edges));
  }

  static OctadId id(String id) {
    return OctadId.of(id);
  }
}
