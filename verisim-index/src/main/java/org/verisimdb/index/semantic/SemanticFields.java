package org.verisimdb.index.semantic;

import org.apache.lucene.document.Document;
import org.verisimdb.model.facet.SemanticFacet;

/** The fields of the octad document that hold its semantic modality. */
public final class SemanticFields {
  private SemanticFields() {}

  public static void add(Document doc, SemanticFacet facet) {
    // fields of this modality are added here
  }
}
