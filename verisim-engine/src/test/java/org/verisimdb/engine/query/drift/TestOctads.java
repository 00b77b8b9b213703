package org.verisimdb.engine.query.drift;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.VectorFacet;

/** Octads built in memory for the drift tests: the given facets and a first-version temporal facet. */
final class TestOctads {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private TestOctads() {}

  static Octad octad(String id, Facet... facets) {
    Map<Modality, Facet> all = new EnumMap<>(Modality.class);
    for (Facet f : facets) {
      all.put(f.modality(), f);
    }
    all.put(Modality.TEMPORAL, new TemporalFacet(1, T0, T0, null, null, null, 1, null, List.of()));
    return new Octad(OctadId.of(id), all);
  }

  static VectorFacet vector(float... v) {
    return new VectorFacet(v, null);
  }

  static DocumentFacet text(String title) {
    return DocumentFacet.of(title, null);
  }
}
