package org.verisimdb.index.lucene;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.verisimdb.model.OctadId;

/**
 * The fields every octad document has, whatever its modalities. Each modality's fields are named
 * with its own prefix ({@code doc.}, {@code vec}, {@code geo.}, {@code graph.}, {@code sem.},
 * {@code tensor.}, {@code time.}, {@code prov.}) by the class in its package that adds them.
 */
public final class IndexFields {
  /** The octad id: an indexed keyword (updates replace, deletes remove) and a sorted doc value (hit → id). */
  public static final String ID = "id";
  /** One keyword term per modality the octad has (wire name), for presence filters. */
  public static final String MODALITIES = "modalities";

  private IndexFields() {}

  static void addId(Document doc, OctadId id) {
    doc.add(new StringField(ID, id.value(), Field.Store.NO));
    doc.add(new SortedDocValuesField(ID, new BytesRef(id.value())));
  }
}
