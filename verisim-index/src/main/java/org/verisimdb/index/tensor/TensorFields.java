package org.verisimdb.index.tensor;

import org.apache.lucene.document.Document;
import org.verisimdb.model.facet.TensorFacet;

/** The fields of the octad document that hold its tensor modality. */
public final class TensorFields {
  private TensorFields() {}

  public static void add(Document doc, TensorFacet facet) {
    // fields of this modality are added here
  }
}
