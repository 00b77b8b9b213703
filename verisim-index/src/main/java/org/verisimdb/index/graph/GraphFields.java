package org.verisimdb.index.graph;

import org.apache.lucene.document.Document;
import org.verisimdb.model.facet.GraphFacet;

/** The fields of the octad document that hold its graph modality. */
public final class GraphFields {
  private GraphFields() {}

  public static void add(Document doc, GraphFacet facet) {
    // fields of this modality are added here
  }
}
