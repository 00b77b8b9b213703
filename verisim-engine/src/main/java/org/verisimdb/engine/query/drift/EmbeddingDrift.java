package org.verisimdb.engine.query.drift;

import java.util.Set;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.index.embed.Embedder;
import org.verisimdb.index.embed.EmbeddingText;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * Drift between an octad's stored vector and its document text, the one pair this node measures
 * (DESIGN.md §6: document↔vector by cosine distance between the stored embedding and the
 * embedding the model computes from the text).
 *
 * <p><b>DRIFT(VECTOR, DOCUMENT)</b> = clamp(1 − cos(v, e), 0, 1), where {@code v} is the stored
 * vector, {@code e} the model's embedding of the document's text (the fields and length limit of
 * {@link EmbeddingText}), and cos is computed in double precision (0 when either vector is the
 * zero vector). Plain 1 − cos rather than (1 − cos)/2: sentence embeddings of unrelated texts
 * have cosines near 0, not −1, so halving would squeeze every realistic score into [0, 0.5] and
 * make {@code max_drift = 0.3} mean something else than it reads; the price is that all
 * opposed vectors (cos ≤ 0) score 1.0 alike. The score is 1.0 when the octad has no vector, no
 * document, or a document without embeddable text (nothing to compare is total drift, §6.10),
 * and when the stored vector's dimension differs from the model's, since such a vector cannot
 * lie in the model's space. The stored vector's model name is not compared: a vector of the
 * model's dimension is measured whoever made it.
 *
 * <p><b>overall</b> is DRIFT(VECTOR, DOCUMENT) when the octad has a vector and a document with
 * embeddable text, else 0.0.
 *
 * <p>Document embeddings are cached (see {@link #DEFAULT_CACHE_ENTRIES}) by octad id and the
 * DOCUMENT modality hash. Thread-safe.
 */
public final class EmbeddingDrift implements DriftScores {
  /** Document embeddings kept by default: about 16 MB of 384-dimensional vectors. */
  public static final int DEFAULT_CACHE_ENTRIES = 10_000;
  /** Version of the measure; it changes whenever the same data could score differently. */
  static final int VERSION = 1;
  private static final Set<Modality> MEASURED = Set.of(Modality.VECTOR, Modality.DOCUMENT);

  private final Embedder embedder;
  private final DocumentEmbeddings documents;

  /** A measure using {@code embedder} on the {@code text} of documents, with the default cache. */
  public EmbeddingDrift(Embedder embedder, EmbeddingText text) {
    this(embedder, text, DEFAULT_CACHE_ENTRIES);
  }

  /** As above, caching at most {@code cacheEntries} (at least 1) document embeddings. */
  public EmbeddingDrift(Embedder embedder, EmbeddingText text, int cacheEntries) {
    if (embedder == null || text == null) {
      throw new IllegalArgumentException("a drift measure needs an embedder and the embedded document fields");
    }
    this.embedder = embedder;
    this.documents = new DocumentEmbeddings(embedder, text, cacheEntries);
  }

  @Override
  public double pair(Octad octad, Modality a, Modality b) {
    requireMeasured(a, b);
    VectorFacet vector = octad.vector().orElse(null);
    float[] text = vector == null ? null : documentVector(octad);
    return text == null ? 1.0 : distance(vector, text);
  }

  @Override
  public double overall(Octad octad) {
    VectorFacet vector = octad.vector().orElse(null);
    float[] text = vector == null ? null : documentVector(octad);
    return text == null ? 0.0 : distance(vector, text);
  }

  @Override
  public String algorithm(Modality a, Modality b) {
    requireMeasured(a, b);
    return "cosine-distance/" + embedder.model() + "/" + VERSION;
  }

  /** The model's embedding of the octad's document text, or null when it has no document or no embeddable text. */
  float[] documentVector(Octad octad) {
    return octad.document().map(d -> documents.of(octad.id(), d)).orElse(null);
  }

  /** Document embeddings currently cached. */
  int cached() {
    return documents.size();
  }

  private static double distance(VectorFacet vector, float[] text) {
    if (vector.dimension() != text.length) {
      return 1.0;
    }
    return Vectors.clamp01(1 - Vectors.cosine(vector.embedding(), text));
  }

  private static void requireMeasured(Modality a, Modality b) {
    if (a == b) {
      throw new IllegalArgumentException("DRIFT(" + a + ", " + b + ") compares a modality with itself; the checker rejects it as VQL-TYPE-012");
    }
    if (!MEASURED.contains(a) || !MEASURED.contains(b)) {
      throw notAvailable(a, b);
    }
  }

  /** The error for a pair without a measure on this node. */
  static VqlException notAvailable(Modality a, Modality b) {
    return new VqlException(DiagnosticCode.EXEC_004, "drift measure not available for this pair: DRIFT(" + a + ", " + b
        + "); this node measures DRIFT(VECTOR, DOCUMENT) only");
  }
}
