package org.verisimdb.index.semantic;

import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Facet;

/** Octads for semantic tests: an id, a first version, and the given facets. */
final class Octads {

  private Octads() {}

  static Octad of(String id, Facet... facets) {
    return org.verisimdb.index.TestOctads.of(id, facets);
  }

  static OctadId id(String id) {
    return OctadId.of(id);
  }
}
