package org.verisimdb.index.graph;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.TemporalFacet;

/** Octads for graph tests: an id, a first version, and the given facets. */
final class Octads {
  static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private Octads() {}

  static Octad of(String id, Facet... facets) {
    Map<Modality, Facet> map = new EnumMap<>(Modality.class);
    map.put(Modality.TEMPORAL, new TemporalFacet(1, T, T, null, null, null, 1, null, null));
    for (Facet f : facets) {
      map.put(f.modality(), f);
    }
    return new Octad(OctadId.of(id), map);
  }

  static Octad withEdges(String id, List<Edge> edges) {
    return edges.isEmpty() ? of(id) : of(id, new GraphFacet(edges));
  }

  static OctadId id(String id) {
    return OctadId.of(id);
  }
}
