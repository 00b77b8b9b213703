package org.verisimdb.index.geo;

import org.apache.lucene.document.Document;
import org.verisimdb.model.facet.SpatialFacet;

/** The fields of the octad document that hold its geo modality. */
public final class GeoFields {
  private GeoFields() {}

  public static void add(Document doc, SpatialFacet facet) {
    // fields of this modality are added here
  }
}
