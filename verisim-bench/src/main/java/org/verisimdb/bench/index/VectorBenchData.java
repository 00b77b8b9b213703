package org.verisimdb.bench.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexChange;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.index.vector.VectorMetric;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.VectorFacet;

/**
 * The data of the vector benchmarks: seeded vectors (independent Gaussian, or clustered around
 * random centres), the same vectors indexed through {@link OctadIndex} and through a plain Lucene
 * {@link IndexWriter}, and the exact nearest neighbours they are measured against. Stateless.
 */
final class VectorBenchData {
  static final String RAW_FIELD = "vec";
  /** Doc value holding a raw document's vector number, read to compute recall (never while timing). */
  static final String RAW_NUMBER = "n";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private VectorBenchData() {}

  /** {@code n} vectors: {@code gaussian} (the hardest case for a graph) or {@code clustered} (50 centres, noise 0.5). */
  static float[][] vectors(String kind, SplittableRandom random, int n, int dimension, float[][] centres) {
    float[][] out = new float[n][dimension];
    for (float[] v : out) {
      float[] c = kind.equals("clustered") ? centres[random.nextInt(centres.length)] : null;
      for (int j = 0; j < dimension; j++) {
        double noise = random.nextGaussian();
        v[j] = (float) (c == null ? noise : c[j] + 0.5 * noise);
      }
    }
    return out;
  }

  static float[][] centres(SplittableRandom random, int dimension) {
    return vectors("gaussian", random, 50, dimension, null);
  }

  static OctadId id(int i) {
    return OctadId.of("v%07d".formatted(i));
  }

  /** Applies every vector as an octad (a vector and the temporal modality), 1,000 per commit, then commits. */
  static void loadOurs(OctadIndex index, float[][] vectors) {
    long lsn = index.appliedLsn();
    List<IndexChange> changes = new ArrayList<>();
    TemporalFacet temporal = new TemporalFacet(1, T0, T0, null, null, null, 1, null, null);
    for (int i = 0; i < vectors.length; i++) {
      Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
      facets.put(Modality.TEMPORAL, temporal);
      facets.put(Modality.VECTOR, new VectorFacet(vectors[i], "bench"));
      changes.add(IndexChange.of(new Octad(id(i), facets)));
      if (changes.size() == 1000 || i == vectors.length - 1) {
        index.apply(++lsn, changes);
        changes = new ArrayList<>();
      }
    }
    index.commit();
  }

  /**
   * Writes every vector with a plain Lucene writer, configured as {@link OctadIndex} configures
   * its own (64 MB buffer, no commit on close) and with the same HNSW parameters, then commits
   * and opens a reader.
   */
  static DirectoryReader loadRaw(Path dir, IndexSettings settings, float[][] vectors) throws IOException {
    KnnVectorsFormat format = new Lucene99HnswVectorsFormat(settings.hnswM(), settings.hnswBeamWidth());
    IndexWriterConfig config = new IndexWriterConfig()
        .setCodec(new Lucene104Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return format;
          }
        })
        .setCommitOnClose(false)
        .setRAMBufferSizeMB(64);
    VectorSimilarityFunction similarity = switch (settings.metric()) {
      case COSINE -> VectorSimilarityFunction.COSINE;
      case EUCLIDEAN -> VectorSimilarityFunction.EUCLIDEAN;
      case DOT_PRODUCT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
    };
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir), config)) {
      for (int i = 0; i < vectors.length; i++) {
        Document doc = new Document();
        doc.add(new KnnFloatVectorField(RAW_FIELD, vectors[i], similarity));
        doc.add(new NumericDocValuesField(RAW_NUMBER, i));
        writer.addDocument(doc);
      }
      writer.commit();
    }
    return DirectoryReader.open(FSDirectory.open(dir));
  }

  /** The numbers of the {@code k} vectors most similar to {@code query}, best first (ties by number), exactly. */
  static int[] nearest(float[][] vectors, float[] query, int k, VectorMetric metric) {
    record Scored(int n, double similarity) {}
    PriorityQueue<Scored> worstFirst = new PriorityQueue<>(
        (a, b) -> a.similarity != b.similarity ? Double.compare(a.similarity, b.similarity) : Integer.compare(b.n, a.n));
    for (int i = 0; i < vectors.length; i++) {
      worstFirst.add(new Scored(i, metric.similarity(query, vectors[i])));
      if (worstFirst.size() > k) {
        worstFirst.poll();
      }
    }
    int[] out = new int[worstFirst.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = worstFirst.poll().n;
    }
    return out;
  }

  /** The share of {@code exact} found in {@code found}. */
  static double recall(int[] exact, int[] found) {
    int common = 0;
    for (int e : exact) {
      for (int f : found) {
        if (e == f) {
          common++;
          break;
        }
      }
    }
    return exact.length == 0 ? 1 : (double) common / exact.length;
  }
}
