package org.verisimdb.engine;

import java.util.List;
import java.util.Locale;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.vector.VectorMetric;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Settings of the modality indexes and of automatic embeddings ({@code vector.*},
 * {@code graph.rdf_base}, {@code embedding.*} keys of {@link DatabaseConfig}).
 *
 * @param metric similarity the vector index is built for ({@code vector.metric})
 * @param hnswM neighbours per HNSW node ({@code vector.hnsw_m})
 * @param hnswBeamWidth HNSW build beam ({@code vector.hnsw_beam_width})
 * @param quantized int8-quantized vector search ({@code vector.quantized})
 * @param rdfBase IRI prefix of octad subjects in the RDF view ({@code graph.rdf_base})
 * @param autoEmbed when an octad has document text but no vector, compute one with the
 *     embedding model ({@code embedding.auto}: {@code on} or {@code off}; on needs
 *     {@code vector.dimension} 384, the model's)
 * @param embedFields the document fields whose text is embedded, in order ({@code embedding.fields})
 * @param candidates HNSW candidates a vector search explores before exact re-ranking
 *     ({@code vector.candidates}); more is slower and finds the true neighbours more often
 */
public record IndexOptions(VectorMetric metric, int hnswM, int hnswBeamWidth, boolean quantized, String rdfBase, boolean autoEmbed,
    List<String> embedFields, int candidates) {

  public static final IndexOptions DEFAULTS = new IndexOptions(VectorMetric.COSINE, IndexSettings.DEFAULT_HNSW_M,
      IndexSettings.DEFAULT_HNSW_BEAM_WIDTH, false, IndexSettings.DEFAULT_RDF_BASE, true, List.of("title", "body"),
      org.verisimdb.index.vector.VectorSearch.DEFAULT_CANDIDATES);

  public IndexOptions {
    embedFields = List.copyOf(embedFields);
    if (embedFields.isEmpty()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "embedding.fields", "name at least one document field to embed, e.g. title,body");
    }
    settings(IndexSettings.DEFAULT_DIMENSION, metric, hnswM, hnswBeamWidth, quantized, rdfBase); // validates
    if (candidates < 1 || candidates > org.verisimdb.index.vector.VectorSearch.MAX_CANDIDATES) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "vector.candidates", "vector.candidates is " + candidates + "; use 1 to "
          + org.verisimdb.index.vector.VectorSearch.MAX_CANDIDATES);
    }
  }

  /** The index settings for vectors of {@code dimension}. */
  public IndexSettings settings(int dimension) {
    return settings(dimension, metric, hnswM, hnswBeamWidth, quantized, rdfBase);
  }

  private static IndexSettings settings(int dimension, VectorMetric metric, int m, int beam, boolean quantized, String base) {
    return new IndexSettings(dimension, metric, m, beam, quantized, base);
  }

  IndexOptions with(String key, String value) {
    return switch (key) {
      case "vector.metric" -> new IndexOptions(VectorMetric.fromWire(value, key), hnswM, hnswBeamWidth, quantized, rdfBase, autoEmbed, embedFields, candidates);
      case "vector.hnsw_m" -> new IndexOptions(metric, integer(key, value), hnswBeamWidth, quantized, rdfBase, autoEmbed, embedFields, candidates);
      case "vector.hnsw_beam_width" -> new IndexOptions(metric, hnswM, integer(key, value), quantized, rdfBase, autoEmbed, embedFields, candidates);
      case "vector.quantized" -> new IndexOptions(metric, hnswM, hnswBeamWidth, bool(key, value), rdfBase, autoEmbed, embedFields, candidates);
      case "graph.rdf_base" -> new IndexOptions(metric, hnswM, hnswBeamWidth, quantized, value, autoEmbed, embedFields, candidates);
      case "embedding.auto" -> new IndexOptions(metric, hnswM, hnswBeamWidth, quantized, rdfBase, bool(key, value), embedFields, candidates);
      case "embedding.fields" -> new IndexOptions(metric, hnswM, hnswBeamWidth, quantized, rdfBase, autoEmbed,
          List.of(value.split("\\s*,\\s*")).stream().filter(s -> !s.isEmpty()).toList(), candidates);
      case "vector.candidates" -> new IndexOptions(metric, hnswM, hnswBeamWidth, quantized, rdfBase, autoEmbed, embedFields, integer(key, value));
      default -> throw new IllegalArgumentException(key);
    };
  }

  static final List<String> KEYS = List.of("vector.metric", "vector.hnsw_m", "vector.hnsw_beam_width", "vector.quantized", "graph.rdf_base",
      "embedding.auto", "embedding.fields", "vector.candidates");

  void describe(java.util.Map<String, String> out) {
    out.put("vector.metric", metric.wireName());
    out.put("vector.hnsw_m", Integer.toString(hnswM));
    out.put("vector.hnsw_beam_width", Integer.toString(hnswBeamWidth));
    out.put("vector.quantized", Boolean.toString(quantized));
    out.put("graph.rdf_base", rdfBase);
    out.put("embedding.auto", autoEmbed ? "on" : "off");
    out.put("embedding.fields", String.join(",", embedFields));
    out.put("vector.candidates", Integer.toString(candidates));
  }

  /** {@code value} of setting {@code key} as a whole number, or INVALID_CONFIG. */
  static int integer(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, key, key + " = '" + value + "' is not a whole number");
    }
  }

  /** {@code value} of setting {@code key} as on/off (true/false, yes/no, 1/0), or INVALID_CONFIG. */
  static boolean bool(String key, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, key, key + " = '" + value + "'; use on or off");
    };
  }
}
