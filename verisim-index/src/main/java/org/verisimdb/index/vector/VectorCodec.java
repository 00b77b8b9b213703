package org.verisimdb.index.vector;

import java.io.IOException;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;
import org.verisimdb.index.IndexSettings;

/**
 * The codec the index writes with: Lucene's default, with the vector format the settings ask for
 * on the {@link VectorFields#VECTOR} field. That format is an HNSW graph with
 * {@code hnswM} neighbours per node and a build beam of {@code hnswBeamWidth} over the raw
 * floats, or, when {@code quantized}, over int8 (unsigned byte) scalar-quantized copies kept
 * beside the raw floats, which searches still read for exact scores.
 *
 * <p>The codec keeps the default codec's name and the formats keep theirs, so Lucene reads the
 * index back through its own service lookup; the parameters only matter when writing. Stateless.
 */
public final class VectorCodec {
  private VectorCodec() {}

  public static Codec of(IndexSettings settings) {
    KnnVectorsFormat graph = settings.quantized()
        ? new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, settings.hnswM(), settings.hnswBeamWidth())
        : new Lucene99HnswVectorsFormat(settings.hnswM(), settings.hnswBeamWidth());
    return new PerFieldVectors(new WideVectors(graph));
  }

  /** The default codec (Lucene 10.6: Lucene104) with its own vector format on one field. */
  private static final class PerFieldVectors extends Lucene104Codec {
    private final KnnVectorsFormat vectors;

    PerFieldVectors(KnnVectorsFormat vectors) {
      this.vectors = vectors;
    }

    @Override
    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
      return VectorFields.VECTOR.equals(field) ? vectors : super.getKnnVectorsFormatForField(field);
    }
  }

  /**
   * A vector format that accepts the dimensions the settings allow (up to 4096): Lucene's HNSW
   * formats stop at 1024 unless the codec says otherwise. It writes and reads exactly as the
   * format it wraps, under that format's name.
   */
  private static final class WideVectors extends KnnVectorsFormat {
    static final int MAX_DIMENSIONS = 4096;
    private final KnnVectorsFormat delegate;

    WideVectors(KnnVectorsFormat delegate) {
      super(delegate.getName());
      this.delegate = delegate;
    }

    @Override
    public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
      return delegate.fieldsWriter(state);
    }

    @Override
    public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
      return delegate.fieldsReader(state);
    }

    @Override
    public int getMaxDimensions(String fieldName) {
      return MAX_DIMENSIONS;
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}
