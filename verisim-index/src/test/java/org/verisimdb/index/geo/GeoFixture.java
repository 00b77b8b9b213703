package org.verisimdb.index.geo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexChange;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TemporalFacet;

/** An in-memory octad index for spatial tests and the octads that go into it. Not thread-safe. */
final class GeoFixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  final OctadIndex index = OctadIndex.open(null, IndexSettings.defaults());
  private long lsn;

  /** An octad with this place (null: none) and document (null: none). */
  static Octad octad(String id, SpatialFacet place, DocumentFacet document) {
    Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
    facets.put(Modality.TEMPORAL, new TemporalFacet(1, T0, T0, null, null, null, 1, null, null));
    if (place != null) {
      facets.put(Modality.SPATIAL, place);
    }
    if (document != null) {
      facets.put(Modality.DOCUMENT, document);
    }
    return new Octad(OctadId.of(id), facets);
  }

  static Octad at(String id, double lat, double lon) {
    return octad(id, SpatialFacet.point(lat, lon), null);
  }

  /** Applies one commit that writes these octads. */
  GeoFixture put(Octad... octads) {
    List<IndexChange> changes = new ArrayList<>();
    for (Octad o : octads) {
      changes.add(IndexChange.of(o));
    }
    index.apply(++lsn, changes);
    return this;
  }

  /** Applies one commit that deletes these octads. */
  GeoFixture delete(String... ids) {
    List<IndexChange> changes = new ArrayList<>();
    for (String id : ids) {
      changes.add(IndexChange.deleted(OctadId.of(id)));
    }
    index.apply(++lsn, changes);
    return this;
  }

  @Override
  public void close() {
    index.close();
  }
}
