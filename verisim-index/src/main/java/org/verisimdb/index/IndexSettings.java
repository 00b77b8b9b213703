package org.verisimdb.index;

import org.verisimdb.index.vector.VectorMetric;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * How the modality indexes are built. Every setting here shapes what is stored in the index, so
 * a change makes the index rebuild itself on the next open ({@link #fingerprint()}).
 *
 * @param dimension length of every stored vector (1 to 4096)
 * @param metric similarity the vector index is built for and searches with by default
 * @param hnswM neighbours per node in the HNSW graph (2 to 512)
 * @param hnswBeamWidth candidates kept while building the HNSW graph (2 to 3200)
 * @param quantized store vectors as int8 beside the floats and search the quantized graph
 * @param rdfBase the IRI prefix of octad subjects in the RDF view: subject {@code <rdfBase/id>}
 */
public record IndexSettings(int dimension, VectorMetric metric, int hnswM, int hnswBeamWidth, boolean quantized, String rdfBase) {
  public static final int DEFAULT_DIMENSION = 384;
  public static final int DEFAULT_HNSW_M = 16;
  public static final int DEFAULT_HNSW_BEAM_WIDTH = 100;
  public static final String DEFAULT_RDF_BASE = "https://verisimdb.org/octad";

  public IndexSettings {
    check(dimension, 1, 4096, "vector.dimension");
    check(hnswM, 2, 512, "vector.hnsw_m");
    check(hnswBeamWidth, 2, 3200, "vector.hnsw_beam_width");
    if (metric == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "vector.metric", "a vector metric is required: cosine, euclidean or dot_product");
    }
    if (rdfBase == null || rdfBase.isBlank() || rdfBase.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"')) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "graph.rdf_base",
          "'" + rdfBase + "' is not an IRI prefix; give one without spaces or <>\" such as " + DEFAULT_RDF_BASE);
    }
    while (rdfBase.endsWith("/")) {
      rdfBase = rdfBase.substring(0, rdfBase.length() - 1);
    }
  }

  public static IndexSettings defaults() {
    return new IndexSettings(DEFAULT_DIMENSION, VectorMetric.COSINE, DEFAULT_HNSW_M, DEFAULT_HNSW_BEAM_WIDTH, false, DEFAULT_RDF_BASE);
  }

  public IndexSettings withDimension(int d) {
    return new IndexSettings(d, metric, hnswM, hnswBeamWidth, quantized, rdfBase);
  }

  public IndexSettings withMetric(VectorMetric m) {
    return new IndexSettings(dimension, m, hnswM, hnswBeamWidth, quantized, rdfBase);
  }

  public IndexSettings withHnsw(int m, int beamWidth) {
    return new IndexSettings(dimension, metric, m, beamWidth, quantized, rdfBase);
  }

  public IndexSettings withQuantized(boolean q) {
    return new IndexSettings(dimension, metric, hnswM, hnswBeamWidth, q, rdfBase);
  }

  public IndexSettings withRdfBase(String base) {
    return new IndexSettings(dimension, metric, hnswM, hnswBeamWidth, quantized, base);
  }

  /** What an existing index must have been built with to be reused as it is. */
  public String fingerprint() {
    return "dimension=" + dimension + ";metric=" + metric.wireName() + ";m=" + hnswM + ";beam=" + hnswBeamWidth + ";quantized=" + quantized;
  }

  private static void check(int value, int min, int max, String key) {
    if (value < min || value > max) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, key, key + " is " + value + "; use " + min + " to " + max);
    }
  }
}
