package org.verisimdb.engine.query.drift;

import java.util.LinkedHashMap;
import java.util.Map;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.index.embed.Embedder;
import org.verisimdb.index.embed.EmbeddingText;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * The embeddings of documents' text, computed by the model and kept in a bounded
 * least-recently-used cache keyed by octad id and the DOCUMENT modality hash, so a query that
 * reads the same documents again does not run the model again, and a changed document is never
 * served a stale vector. Thread-safe: the model runs outside the lock, so two threads may
 * occasionally embed the same text at once and store the same vector.
 */
final class DocumentEmbeddings {
  private record Key(OctadId id, String documentHash) {}

  private final Embedder embedder;
  private final EmbeddingText text;
  private final Map<Key, float[]> recent;

  DocumentEmbeddings(Embedder embedder, EmbeddingText text, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("cache capacity " + capacity + " must be at least 1");
    }
    this.embedder = embedder;
    this.text = text;
    this.recent = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The text the model sees for {@code document}, or null when it has none. */
  String textOf(DocumentFacet document) {
    return text.textOf(document);
  }

  /** The embedding of the document's text, or null when it has no embeddable text. The array is shared: do not change it. */
  float[] of(OctadId id, DocumentFacet document) {
    String t = text.textOf(document);
    if (t == null) {
      return null;
    }
    Key key = new Key(id, ContentHash.of(document));
    synchronized (recent) {
      float[] v = recent.get(key);
      if (v != null) {
        return v;
      }
    }
    float[] v = embed(t);
    synchronized (recent) {
      recent.put(key, v);
    }
    return v;
  }

  int size() {
    synchronized (recent) {
      return recent.size();
    }
  }

  private float[] embed(String t) {
    try {
      return embedder.embed(t);
    } catch (VeriSimException e) {
      if (e.code() == ErrorCode.EMBEDDING_UNAVAILABLE) {
        throw new VqlException(DiagnosticCode.EXEC_004, "drift measure unavailable: the embedding model "
            + embedder.model() + " could not run: " + e.getMessage());
      }
      throw e;
    }
  }
}
