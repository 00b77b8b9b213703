package org.verisimdb.index.vector;

import org.apache.lucene.document.Document;
import org.verisimdb.model.facet.VectorFacet;

/** The fields of the octad document that hold its vector modality. */
public final class VectorFields {
  private VectorFields() {}

  public static void add(Document doc, VectorFacet facet, org.verisimdb.index.IndexSettings settings) {
    // fields of this modality are added here
  }
}
