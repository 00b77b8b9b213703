package org.verisimdb.index.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The langchain4j model behind {@link MiniLmEmbedder}, kept in its own class so that no
 * langchain4j, DJL or ONNX Runtime class is loaded before {@link MiniLmEmbedder} has set the
 * properties that keep them offline. Thread-safe, as ONNX Runtime sessions are.
 */
final class MiniLmModel {
  private final AllMiniLmL6V2QuantizedEmbeddingModel model;

  private MiniLmModel(AllMiniLmL6V2QuantizedEmbeddingModel model) {
    this.model = model;
  }

  /** Loads the ONNX model and its tokenizer from the classpath; texts of one call are spread over {@code executor}. */
  static MiniLmModel load(Executor executor) {
    return new MiniLmModel(new AllMiniLmL6V2QuantizedEmbeddingModel(executor));
  }

  int dimension() {
    return model.dimension();
  }

  float[] embed(String text) {
    return model.embed(text).content().vector();
  }

  List<float[]> embedAll(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String text : texts) {
      segments.add(TextSegment.from(text));
    }
    List<Embedding> embeddings = model.embedAll(segments).content();
    List<float[]> out = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) {
      out.add(e.vector());
    }
    return out;
  }
}
