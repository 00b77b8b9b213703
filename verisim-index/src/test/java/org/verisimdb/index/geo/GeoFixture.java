package org.verisimdb.index.geo;

import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.TestOctads;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.SpatialFacet;

/** An in-memory octad index for spatial tests and the octads that go into it. Not thread-safe. */
final class GeoFixture implements AutoCloseable {

  final OctadIndex index = OctadIndex.open(null, IndexSettings.defaults());
  private long lsn;

  /** An octad with this place (null: none) and document (null: none). */
  static Octad octad(String id, SpatialFacet place, DocumentFacet document) {
    return TestOctads.of(id, place, document);
  }

  static Octad at(String id, double lat, double lon) {
    return octad(id, SpatialFacet.point(lat, lon), null);
  }

  /** Applies one commit that writes these octads. */
  GeoFixture put(Octad... octads) {
    TestOctads.put(index, ++lsn, octads);
    return this;
  }

  /** Applies one commit that deletes these octads. */
  GeoFixture delete(String... ids) {
    TestOctads.delete(index, ++lsn, ids);
    return this;
  }

  @Override
  public void close() {
    index.close();
  }
}
