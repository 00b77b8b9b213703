package org.verisimdb.index.vector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.model.OctadId;

/**
 * The octad ids of documents, read from the id doc values: one document, or many in doc order
 * with one doc-values reader per segment (what a search's final hits need). Stateless.
 */
final class DocIds {
  private DocIds() {}

  /** The id of top-level document {@code doc}. */
  static OctadId of(IndexReader reader, int doc) {
    int[] docs = {doc};
    return of(reader, docs)[0];
  }

  /** The ids of top-level documents {@code sortedDocs}, which must be in increasing order. */
  static OctadId[] of(IndexReader reader, int[] sortedDocs) {
    List<LeafReaderContext> leaves = reader.leaves();
    OctadId[] ids = new OctadId[sortedDocs.length];
    LeafReaderContext leaf = null;
    SortedDocValues values = null;
    try {
      for (int i = 0; i < sortedDocs.length; i++) {
        int doc = sortedDocs[i];
        if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
          leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          values = leaf.reader().getSortedDocValues(IndexFields.ID);
        }
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
          throw new IllegalStateException("document " + doc + " has no id");
        }
        ids[i] = OctadId.of(values.lookupOrd(values.ordValue()).utf8ToString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }
}
