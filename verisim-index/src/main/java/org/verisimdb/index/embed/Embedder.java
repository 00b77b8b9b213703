package org.verisimdb.index.embed;

import java.util.List;
import org.verisimdb.model.facet.VectorFacet;

/**
 * A sentence-embedding model that turns text into vectors in process, with no network. The same
 * text always gives the same vector. Implementations are thread-safe; failures are
 * {@code VeriSimException}s with {@code EMBEDDING_UNAVAILABLE} (the model) or
 * {@code INVALID_ARGUMENT} (the text).
 */
public interface Embedder extends AutoCloseable {
  /** The model's name, as stored in {@link VectorFacet#model()} beside the vectors it made. */
  String model();

  /** The length of every vector this model makes. */
  int dimension();

  /** The embedding of one text, which must have at least one non-blank character. */
  float[] embed(String text);

  /** The embeddings of several texts, in their order; faster than one call each. */
  List<float[]> embedAll(List<String> texts);

  /** The embedding of a text as a vector facet naming this model. */
  default VectorFacet facet(String text) {
    return new VectorFacet(embed(text), model());
  }

  /** Releases the model's threads; later calls fail with {@code EMBEDDING_UNAVAILABLE}. */
  @Override
  void close();
}
