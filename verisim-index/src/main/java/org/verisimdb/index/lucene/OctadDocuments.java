package org.verisimdb.index.lucene;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.geo.GeoFields;
import org.verisimdb.index.graph.GraphFields;
import org.verisimdb.index.provenance.ProvenanceFields;
import org.verisimdb.index.semantic.SemanticFields;
import org.verisimdb.index.temporal.TemporalFields;
import org.verisimdb.index.tensor.TensorFields;
import org.verisimdb.index.text.TextFields;
import org.verisimdb.index.vector.VectorFields;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;

/** Builds the Lucene document of an octad: its id, its modalities, and each modality's fields. */
public final class OctadDocuments {
  private OctadDocuments() {}

  public static Document build(Octad octad, IndexSettings settings) {
    Document doc = new Document();
    IndexFields.addId(doc, octad.id());
    for (Modality m : octad.modalities()) {
      doc.add(new StringField(IndexFields.MODALITIES, m.wireName(), Field.Store.NO));
    }
    octad.document().ifPresent(f -> TextFields.add(doc, f));
    octad.vector().ifPresent(f -> VectorFields.add(doc, f, settings));
    octad.spatial().ifPresent(f -> GeoFields.add(doc, f));
    octad.graph().ifPresent(f -> GraphFields.add(doc, f));
    octad.semantic().ifPresent(f -> SemanticFields.add(doc, f));
    octad.tensor().ifPresent(f -> TensorFields.add(doc, f));
    TemporalFields.add(doc, octad.temporal());
    octad.provenance().ifPresent(f -> ProvenanceFields.add(doc, f));
    return doc;
  }
}
