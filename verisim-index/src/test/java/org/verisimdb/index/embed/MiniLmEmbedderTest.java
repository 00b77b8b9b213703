package org.verisimdb.index.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.vector.VectorMetric;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/** The in-process MiniLM model: its shape, determinism, sense, batches and concurrent use. */
class MiniLmEmbedderTest {
  private static MiniLmEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = new MiniLmEmbedder(2);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void makesUnitVectorsOf384DimensionsNamedByTheModel() {
    float[] v = embedder.embed("The harbour was quiet at dawn.");
    assertThat(v).hasSize(384);
    assertThat(embedder.dimension()).isEqualTo(384);
    assertThat(embedder.model()).isEqualTo("all-minilm-l6-v2-q");
    double norm = Math.sqrt(VectorMetric.DOT_PRODUCT.similarity(v, v));
    assertThat(norm).isCloseTo(1.0, within(1e-3));
    assertThat(embedder.facet("The harbour was quiet at dawn.").model()).isEqualTo(MiniLmEmbedder.MODEL);
    assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
  }

  @Test
  void theSameTextGivesTheSameVector() {
    String text = "Vector search finds the nearest neighbours of an anchor.";
    assertThat(embedder.embed(text)).containsExactly(embedder.embed(text));
  }

  @Test
  void aParaphraseIsCloserThanAnUnrelatedSentence() {
    float[] anchor = embedder.embed("A cat is sleeping on the sofa.");
    float[] paraphrase = embedder.embed("On the couch, a cat naps.");
    float[] unrelated = embedder.embed("Interest rates rose by half a percentage point this quarter.");
    double close = VectorMetric.COSINE.similarity(anchor, paraphrase);
    double far = VectorMetric.COSINE.similarity(anchor, unrelated);
    System.out.printf("cosine: paraphrase %.3f, unrelated %.3f%n", close, far);
    assertThat(close).isGreaterThan(far + 0.3);
  }

  @Test
  void aBatchGivesWhatSingleCallsGive() {
    List<String> texts = List.of("first sentence about rivers", "second, about mountains", "a third on the sea", "fourth: deserts",
        "and a fifth about forests");
    List<float[]> batch = embedder.embedAll(texts);
    assertThat(batch).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      assertThat(batch.get(i)).as("text %d", i).containsExactly(embedder.embed(texts.get(i)), within(1e-6f));
    }
    assertThat(embedder.embedAll(List.of())).isEmpty();
  }

  @Test
  void threadsShareOneEmbedder() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      texts.add("concurrent sentence number " + i + " about " + (i % 2 == 0 ? "ships" : "trains"));
    }
    List<float[]> expected = new ArrayList<>();
    for (String t : texts) {
      expected.add(embedder.embed(t));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("embed-test-", 0).factory())) {
      List<Future<float[]>> futures = new ArrayList<>();
      for (String t : texts) {
        futures.add(pool.submit(() -> embedder.embed(t)));
      }
      Future<List<float[]>> batch = pool.submit(() -> embedder.embedAll(texts));
      for (int i = 0; i < texts.size(); i++) {
        assertThat(futures.get(i).get()).as("text %d", i).containsExactly(expected.get(i), within(1e-6f));
        assertThat(batch.get().get(i)).as("text %d in a batch", i).containsExactly(expected.get(i), within(1e-6f));
      }
    }
  }

  @Test
  void aModelThatCannotLoadFailsEveryCallTheSameWayWithoutRetrying() {
    java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
    try (MiniLmEmbedder broken = new MiniLmEmbedder(1, executor -> {
      attempts.incrementAndGet();
      throw new UnsatisfiedLinkError("no onnxruntime library for this platform");
    })) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> broken.embed("text")).isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.EMBEDDING_UNAVAILABLE);
          assertThat(e.getMessage()).contains("could not be loaded", "no onnxruntime library", "restart");
        });
      }
      assertThatThrownBy(() -> broken.embedAll(List.of("a", "b"))).isInstanceOfSatisfying(VeriSimException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.EMBEDDING_UNAVAILABLE));
      assertThat(attempts).hasValue(1);
    }
  }

  @Test
  void blankTextAndClosedEmbeddersAreRejected() {
    assertThatThrownBy(() -> embedder.embed("  ")).isInstanceOfSatisfying(VeriSimException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> embedder.embedAll(List.of("fine", ""))).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.field()).isEqualTo("texts[1]");
    });
    MiniLmEmbedder other = new MiniLmEmbedder(1);
    other.close();
    assertThatThrownBy(() -> other.embed("text")).isInstanceOfSatisfying(VeriSimException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.EMBEDDING_UNAVAILABLE));
    assertThatThrownBy(() -> new MiniLmEmbedder(0)).isInstanceOfSatisfying(VeriSimException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG));
  }
}
