package org.verisimdb.engine.query.drift;

import java.util.Locale;
import java.util.Set;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * {@code CONSISTENT(m1, m2) USING metric} of VQL.md §6.10: a score in [0, 1] comparing feature
 * representations of two modalities of an octad. Only the representations this node can derive
 * honestly exist:
 *
 * <ul>
 *   <li>feature vectors f(m), for COSINE, EUCLIDEAN and DOT_PRODUCT: f(DOCUMENT) is the
 *       embedding model's vector of the document text (as {@link EmbeddingDrift} computes and
 *       caches it), f(VECTOR) the stored vector;
 *   <li>token sets T(m), for JACCARD: DOCUMENT, SEMANTIC and GRAPH, as {@link Tokens} defines.
 * </ul>
 *
 * Scores: COSINE max(0, cos(f1, f2)); EUCLIDEAN 1/(1 + ‖f1 − f2‖); DOT_PRODUCT 1/(1 + e^(−f1·f2));
 * JACCARD |T1 ∩ T2| / |T1 ∪ T2|, 1.0 for two empty sets. An absent modality scores 0.0, and so
 * does a feature vector that cannot be compared: a document without embeddable text, or vectors
 * of different dimensions. Asking for a modality without the metric's representation is a
 * {@link VqlException} EXEC_004 naming the modality and the metric, whatever the octad holds.
 * Thread-safe.
 */
public final class Consistency {
  /** The metrics of §6.10. */
  public static final Set<String> METRICS = Set.of("COSINE", "EUCLIDEAN", "DOT_PRODUCT", "JACCARD");
  /** The modalities with a feature vector. */
  public static final Set<Modality> FEATURE_MODALITIES = Set.of(Modality.DOCUMENT, Modality.VECTOR);

  private final EmbeddingDrift features;

  /** Scores whose document features come from {@code features}' model and cache. */
  public Consistency(EmbeddingDrift features) {
    this.features = features;
  }

  /**
   * The consistency of modalities {@code a} and {@code b} of {@code octad} under {@code metric}
   * (COSINE, EUCLIDEAN, DOT_PRODUCT or JACCARD, any case).
   *
   * @throws VqlException EXEC_004 when a modality has no representation for the metric
   * @throws IllegalArgumentException for another metric (the checker rejects it as VQL-NAME-010)
   */
  public double score(Octad octad, Modality a, Modality b, String metric) {
    String m = metric.toUpperCase(Locale.ROOT);
    if (!METRICS.contains(m)) {
      throw new IllegalArgumentException("unknown consistency metric '" + metric + "'; expected one of " + METRICS);
    }
    boolean tokens = m.equals("JACCARD");
    Set<Modality> represented = tokens ? Tokens.MODALITIES : FEATURE_MODALITIES;
    for (Modality x : new Modality[] {a, b}) {
      if (!represented.contains(x)) {
        throw notAvailable(a, b, m, x, tokens);
      }
    }
    if (!octad.has(a) || !octad.has(b)) {
      return 0.0;
    }
    if (tokens) {
      return Tokens.jaccard(Tokens.of(octad, a), Tokens.of(octad, b));
    }
    float[] f1 = feature(octad, a);
    float[] f2 = feature(octad, b);
    if (f1 == null || f2 == null || f1.length != f2.length) {
      return 0.0;
    }
    return switch (m) {
      case "COSINE" -> Math.max(0, Vectors.cosine(f1, f2));
      case "EUCLIDEAN" -> 1 / (1 + Vectors.euclidean(f1, f2));
      default -> 1 / (1 + Math.exp(-Vectors.dot(f1, f2)));
    };
  }

  private float[] feature(Octad octad, Modality m) {
    return m == Modality.VECTOR ? octad.vector().orElseThrow().embedding() : features.documentVector(octad);
  }

  private static VqlException notAvailable(Modality a, Modality b, String metric, Modality missing, boolean tokens) {
    String what = tokens ? "token set" : "feature vector";
    Set<Modality> have = tokens ? Tokens.MODALITIES : FEATURE_MODALITIES;
    return new VqlException(DiagnosticCode.EXEC_004, "consistency measure not available for this pair: CONSISTENT(" + a + ", " + b
        + ") USING " + metric + "; " + missing + " has no " + what + " on this node (" + what + "s: " + names(have) + ")");
  }

  private static String names(Set<Modality> modalities) {
    return String.join(", ", modalities.stream().sorted().map(Modality::name).toList());
  }
}
