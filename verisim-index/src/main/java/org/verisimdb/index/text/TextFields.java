package org.verisimdb.index.text;

import org.apache.lucene.document.Document;
import org.verisimdb.model.facet.DocumentFacet;

/** The fields of the octad document that hold its text modality. */
public final class TextFields {
  private TextFields() {}

  public static void add(Document doc, DocumentFacet facet) {
    // fields of this modality are added here
  }
}
