package org.verisimdb.index.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.VectorFacet;

/**
 * The fields of the octad document that hold its vector modality.
 *
 * <p>A vector goes into the HNSW graph ({@link #VECTOR}) when Lucene can score it under the
 * index's metric; Lucene rejects a zero vector under cosine, and its float arithmetic overflows
 * or underflows on extreme norms. Such a vector is kept beside the graph instead, as its raw
 * floats in {@link #RAW}, and every search scores it exactly, so indexing never fails and the
 * results keep VQL's semantics (a zero vector has cosine similarity 0 with everything).
 */
public final class VectorFields {
  /** The vector, in the HNSW graph, under the Lucene similarity of the index's metric ({@link #similarity}). */
  public static final String VECTOR = "vec";
  /** The name of the model that produced the vector, as a keyword; absent when unknown. */
  public static final String MODEL = "vec.model";
  /** The Euclidean norm of the vector, in double precision: a point (range queries) and a doc value (sorting). */
  public static final String NORM = "vec.norm";
  /** Binary doc value with the raw little-endian floats of a vector kept beside the graph; see the class comment. */
  public static final String RAW = "vec.raw";

  // Squared norms inside these bounds keep every float product and sum Lucene computes finite and,
  // under cosine, its norms non-zero: components stay below about 1e17 and dot products below 1e34.
  static final double MAX_SQUARED_NORM = 1e34;
  static final double MIN_COSINE_SQUARED_NORM = 1e-30;

  private VectorFields() {}

  public static void add(Document doc, VectorFacet facet, IndexSettings settings) {
    float[] vector = facet.embedding();
    if (vector.length != settings.dimension()) {
      // the engine checks this on write; an index that met one anyway would fail deep inside Lucene
      throw VeriSimException.invalid(ErrorCode.VECTOR_DIMENSION_MISMATCH, "vector.embedding",
          "the embedding has " + vector.length + " elements but this database stores vectors of " + settings.dimension()
              + " (vector.dimension); embed with the configured model or change vector.dimension and rebuild");
    }
    if (graphable(vector, settings.metric())) {
      doc.add(new KnnFloatVectorField(VECTOR, vector, similarity(settings.metric())));
    } else {
      doc.add(new BinaryDocValuesField(RAW, encode(vector)));
    }
    if (facet.model() != null) {
      doc.add(new StringField(MODEL, facet.model(), Field.Store.NO));
    }
    doc.add(new DoubleField(NORM, facet.norm(), Field.Store.NO));
  }

  /** The Lucene similarity the graph is built with for {@code metric}; it orders vectors as the metric does. */
  public static VectorSimilarityFunction similarity(VectorMetric metric) {
    return switch (metric) {
      case COSINE -> VectorSimilarityFunction.COSINE;
      case EUCLIDEAN -> VectorSimilarityFunction.EUCLIDEAN;
      // Lucene's DOT_PRODUCT assumes unit vectors; VQL's dot product does not.
      case DOT_PRODUCT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
    };
  }

  /** True when Lucene scores {@code vector} soundly under {@code metric}: it may go into the graph or be a graph query. */
  static boolean graphable(float[] vector, VectorMetric metric) {
    double squared = 0;
    for (float f : vector) {
      squared += (double) f * f;
    }
    return squared <= MAX_SQUARED_NORM && (metric != VectorMetric.COSINE || squared >= MIN_COSINE_SQUARED_NORM);
  }

  static BytesRef encode(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    return new BytesRef(bytes.array());
  }

  static float[] decode(BytesRef bytes) {
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
