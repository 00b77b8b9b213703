package org.verisimdb.engine.query.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.verisimdb.engine.query.drift.TestOctads.octad;
import static org.verisimdb.engine.query.drift.TestOctads.text;
import static org.verisimdb.engine.query.drift.TestOctads.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.index.embed.EmbeddingText;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.vql.diag.DiagnosticCode;

/** DRIFT(VECTOR, DOCUMENT) by cosine distance to the model's embedding of the text, over a fake model. */
class EmbeddingDriftTest {
  final FakeEmbedder model = new FakeEmbedder().with("x axis", 1, 0, 0).with("y axis", 0, 1, 0).with("diagonal", 1, 1, 0);
  final EmbeddingDrift drift = new EmbeddingDrift(model, EmbeddingText.defaults());

  @Test
  void scoreIsOneMinusCosineClampedToTheUnitInterval() {
    assertThat(drift.pair(octad("same", vector(2, 0, 0), text("x axis")), Modality.VECTOR, Modality.DOCUMENT)).isEqualTo(0.0);
    assertThat(drift.pair(octad("orthogonal", vector(0, 0, 5), text("x axis")), Modality.VECTOR, Modality.DOCUMENT)).isEqualTo(1.0);
    assertThat(drift.pair(octad("opposed", vector(-1, 0, 0), text("x axis")), Modality.VECTOR, Modality.DOCUMENT)).isEqualTo(1.0);
    assertThat(drift.pair(octad("45", vector(1, 0, 0), text("diagonal")), Modality.VECTOR, Modality.DOCUMENT))
        .isCloseTo(1 - Math.sqrt(0.5), within(1e-12));
  }

  @Test
  void symmetric() {
    Octad o = octad("o", vector(1, 0, 0), text("diagonal"));
    assertThat(drift.pair(o, Modality.DOCUMENT, Modality.VECTOR)).isEqualTo(drift.pair(o, Modality.VECTOR, Modality.DOCUMENT));
  }

  @Test
  void nothingToCompareIsTotalDrift() {
    assertThat(drift.pair(octad("no-vector", text("x axis")), Modality.VECTOR, Modality.DOCUMENT)).isEqualTo(1.0);
    assertThat(drift.pair(octad("no-document", vector(1, 0, 0)), Modality.VECTOR, Modality.DOCUMENT)).isEqualTo(1.0);
    Octad noText = octad("numbers-only", vector(1, 0, 0), DocumentFacet.of(Map.of("year", 2020)));
    assertThat(drift.pair(noText, Modality.VECTOR, Modality.DOCUMENT)).isEqualTo(1.0);
    assertThat(drift.pair(octad("zero", vector(0, 0, 0), text("x axis")), Modality.VECTOR, Modality.DOCUMENT)).isEqualTo(1.0);
    assertThat(drift.pair(octad("other-space", vector(1, 0), text("x axis")), Modality.VECTOR, Modality.DOCUMENT)).isEqualTo(1.0);
    assertThat(model.calls.get()).as("only texts beside a vector are embedded").isEqualTo(2);
  }

  @Test
  void overallIsTheVectorDocumentDriftOrZeroWhenNothingIsMeasurable() {
    assertThat(drift.overall(octad("both", vector(0, 1, 0), text("x axis")))).isEqualTo(1.0);
    assertThat(drift.overall(octad("agree", vector(0, 3, 0), text("y axis")))).isEqualTo(0.0);
    assertThat(drift.overall(octad("no-vector", text("x axis")))).isEqualTo(0.0);
    assertThat(drift.overall(octad("no-document", vector(1, 0, 0)))).isEqualTo(0.0);
    assertThat(drift.overall(octad("no-text", vector(1, 0, 0), DocumentFacet.of(Map.of("year", 1))))).isEqualTo(0.0);
  }

  @Test
  void otherPairsAreNotAvailableWhateverTheOctadHolds() {
    Octad empty = octad("empty");
    assertThatThrownBy(() -> drift.pair(empty, Modality.GRAPH, Modality.SEMANTIC))
        .isInstanceOfSatisfying(VqlException.class, e -> assertThat(e.code()).isEqualTo(DiagnosticCode.EXEC_004))
        .hasMessage("drift measure not available for this pair: DRIFT(GRAPH, SEMANTIC); this node measures DRIFT(VECTOR, DOCUMENT) only");
    assertThatThrownBy(() -> drift.algorithm(Modality.DOCUMENT, Modality.SPATIAL))
        .isInstanceOf(VqlException.class)
        .hasMessageStartingWith("drift measure not available for this pair: DRIFT(DOCUMENT, SPATIAL)");
  }

  @Test
  void aModalityWithItselfIsOurBug() {
    assertThatThrownBy(() -> drift.pair(octad("o"), Modality.VECTOR, Modality.VECTOR)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void algorithmNamesMeasureModelAndVersion() {
    assertThat(drift.algorithm(Modality.DOCUMENT, Modality.VECTOR)).isEqualTo("cosine-distance/fake-3/1");
    assertThat(drift.overallAlgorithm()).isEqualTo("drift-score(cosine-distance/fake-3/1)");
  }

  @Test
  void documentsAreEmbeddedOncePerContentAndTheCacheIsBounded() {
    EmbeddingDrift small = new EmbeddingDrift(model, EmbeddingText.defaults(), 2);
    Octad a = octad("a", vector(1, 0, 0), text("x axis"));
    for (int i = 0; i < 5; i++) {
      small.pair(a, Modality.VECTOR, Modality.DOCUMENT);
    }
    assertThat(model.calls.get()).isEqualTo(1);
    Octad changed = octad("a", vector(1, 0, 0), text("y axis"));
    assertThat(small.pair(changed, Modality.VECTOR, Modality.DOCUMENT)).as("a changed document is embedded again").isEqualTo(1.0);
    assertThat(model.calls.get()).isEqualTo(2);
    small.pair(octad("b", vector(1, 0, 0), text("x axis")), Modality.VECTOR, Modality.DOCUMENT);
    assertThat(small.cached()).isEqualTo(2);
  }

  @Test
  void anUnavailableModelIsAnUnavailableMeasure() {
    model.broken = true;
    assertThatThrownBy(() -> drift.pair(octad("o", vector(1, 0, 0), text("x axis")), Modality.VECTOR, Modality.DOCUMENT))
        .isInstanceOfSatisfying(VqlException.class, e -> assertThat(e.code()).isEqualTo(DiagnosticCode.EXEC_004))
        .hasMessageContaining("fake-3");
  }

  @Test
  void concurrentReadersAgree() throws Exception {
    List<Octad> octads = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      octads.add(octad("o" + i, vector(1, i % 2, 0), text(i % 3 == 0 ? "x axis" : "diagonal")));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("drift-test-", 0).factory())) {
      List<Future<double[]>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> octads.stream().mapToDouble(o -> drift.pair(o, Modality.VECTOR, Modality.DOCUMENT)).toArray()));
      }
      double[] first = runs.getFirst().get();
      for (Future<double[]> run : runs) {
        assertThat(run.get()).containsExactly(first);
      }
    }
  }
}
