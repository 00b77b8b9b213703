package org.verisimdb.engine.write;

import java.util.LinkedHashMap;
import java.util.Map;
import org.verisimdb.index.embed.Embedder;
import org.verisimdb.index.embed.EmbeddingText;
import org.verisimdb.model.Modality;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;

/**
 * Vectors computed from document text ({@code embedding.auto}). A write gets a computed vector
 * when the octad it leaves has embeddable text and the write does not set the vector itself, and
 * either the octad has no vector or its vector came from this model for other text (the text
 * changed). A vector made by another model is the writer's own and is never replaced.
 *
 * <p>Embedding takes milliseconds, so {@link #prepare} computes a create's vector before the
 * commit order is taken; the write then finds it in a small cache. Thread-safe.
 */
public final class AutoEmbedding {
  private static final int CACHE = 256;

  private final Embedder embedder;
  private final EmbeddingText text;
  private final Map<String, float[]> recent = new LinkedHashMap<>(CACHE, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
      return size() > CACHE;
    }
  };

  /** @param embedder null when automatic embedding is off */
  public AutoEmbedding(Embedder embedder, EmbeddingText text) {
    this.embedder = embedder;
    this.text = text;
  }

  public static AutoEmbedding off() {
    return new AutoEmbedding(null, EmbeddingText.defaults());
  }

  public boolean on() {
    return embedder != null;
  }

  /** Computes, outside every lock, the vector a create of {@code input} will need. */
  public void prepare(OctadInput input) {
    if (embedder != null && !input.facets().containsKey(Modality.VECTOR) && input.facets().get(Modality.DOCUMENT) instanceof DocumentFacet d) {
      String t = text.textOf(d);
      if (t != null) {
        vector(t);
      }
    }
  }

  /**
   * Adds the computed vector to {@code after}, the user facets a write leaves, when it needs one.
   *
   * @param before the facets before the write (empty for a create)
   * @param vectorWritten the write itself sets or removes the vector
   */
  void apply(Map<Modality, Facet> before, Map<Modality, Facet> after, boolean vectorWritten) {
    if (embedder == null || vectorWritten || !(after.get(Modality.DOCUMENT) instanceof DocumentFacet doc)) {
      return;
    }
    String now = text.textOf(doc);
    if (now == null) {
      return;
    }
    if (after.get(Modality.VECTOR) instanceof VectorFacet v) {
      if (!embedder.model().equals(v.model())) {
        return; // the writer's own vector
      }
      String then = before.get(Modality.DOCUMENT) instanceof DocumentFacet d ? text.textOf(d) : null;
      if (now.equals(then)) {
        return;
      }
    }
    after.put(Modality.VECTOR, new VectorFacet(vector(now), embedder.model()));
  }

  private float[] vector(String t) {
    synchronized (recent) {
      float[] v = recent.get(t);
      if (v != null) {
        return v;
      }
    }
    float[] v = embedder.embed(t);
    synchronized (recent) {
      recent.put(t, v);
    }
    return v;
  }
}
