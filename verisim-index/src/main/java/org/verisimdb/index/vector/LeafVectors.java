package org.verisimdb.index.vector;

import java.io.IOException;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;

/**
 * The raw vectors of one segment's documents, read from the graph field (whose flat copy holds
 * the floats as written, quantized or not) or from the raw doc values of vectors kept beside the
 * graph. Documents must be asked for in increasing order. Not thread-safe: one per segment and
 * thread.
 */
final class LeafVectors {
  private final FloatVectorValues graph;
  private final KnnVectorValues.DocIndexIterator graphDocs;
  private final BinaryDocValues raw;

  private LeafVectors(FloatVectorValues graph, BinaryDocValues raw) {
    this.graph = graph;
    this.graphDocs = graph == null ? null : graph.iterator();
    this.raw = raw;
  }

  static LeafVectors of(LeafReader reader) throws IOException {
    FloatVectorValues graph = reader.getFieldInfos().fieldInfo(VectorFields.VECTOR) == null ? null
        : reader.getFloatVectorValues(VectorFields.VECTOR);
    return new LeafVectors(graph, reader.getBinaryDocValues(VectorFields.RAW));
  }

  /**
   * The vector of segment document {@code doc}, or null when it has none. The array may be
   * reused by the next call: use it before asking again.
   */
  float[] vector(int doc) throws IOException {
    if (graphDocs != null) {
      int at = graphDocs.docID() < doc ? graphDocs.advance(doc) : graphDocs.docID();
      if (at == doc) {
        return graph.vectorValue(graphDocs.index());
      }
    }
    if (raw != null && raw.docID() <= doc && raw.advanceExact(doc)) {
      return VectorFields.decode(raw.binaryValue());
    }
    return null;
  }
}
