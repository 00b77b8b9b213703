package org.verisimdb.engine.query.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.verisimdb.engine.query.drift.TestOctads.octad;
import static org.verisimdb.engine.query.drift.TestOctads.text;
import static org.verisimdb.engine.query.drift.TestOctads.vector;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.index.embed.EmbeddingText;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.vql.diag.DiagnosticCode;

/** CONSISTENT(m1, m2) USING metric: the four formulas of VQL.md §6.10 over the representations this node has. */
class ConsistencyTest {
  final FakeEmbedder model = new FakeEmbedder().with("x axis", 1, 0, 0).with("diagonal", 1, 1, 0);
  final Consistency consistency = new Consistency(new EmbeddingDrift(model, EmbeddingText.defaults()));

  @Test
  void featureVectorMetrics() {
    Octad o = octad("o", vector(2, 0, 0), text("diagonal"));
    assertThat(consistency.score(o, Modality.VECTOR, Modality.DOCUMENT, "COSINE")).isCloseTo(Math.sqrt(0.5), within(1e-12));
    assertThat(consistency.score(o, Modality.VECTOR, Modality.DOCUMENT, "euclidean")).isCloseTo(1 / (1 + Math.sqrt(2)), within(1e-12));
    assertThat(consistency.score(o, Modality.VECTOR, Modality.DOCUMENT, "DOT_PRODUCT")).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-12));
    Octad opposed = octad("p", vector(-1, 0, 0), text("x axis"));
    assertThat(consistency.score(opposed, Modality.DOCUMENT, Modality.VECTOR, "COSINE")).as("max(0, cos)").isEqualTo(0.0);
  }

  @Test
  void jaccardOverTokenSets() {
    Octad o = octad("paper-1",
        DocumentFacet.of("Tidal survey", "Tide gauges of the north coast"),
        SemanticFacet.of(List.of("schema:Survey"), Map.of("region", new Value.Str("North coast"), "year", new Value.Int(2026))),
        GraphFacet.of(Edge.to("SURVEY_OF", "north-coast")));
    // T(DOCUMENT) = {tidal, survey, tide, gauges, of, the, north, coast}
    // T(SEMANTIC) = {schema, survey, north, coast}; T(GRAPH) = {survey, of, north, coast}
    assertThat(consistency.score(o, Modality.DOCUMENT, Modality.SEMANTIC, "JACCARD")).isEqualTo(3.0 / 9);
    assertThat(consistency.score(o, Modality.GRAPH, Modality.DOCUMENT, "JACCARD")).isEqualTo(4.0 / 8);
    assertThat(consistency.score(o, Modality.SEMANTIC, Modality.GRAPH, "JACCARD")).isEqualTo(3.0 / 5);
  }

  @Test
  void twoEmptyTokenSetsAgreeAndAnAbsentModalityScoresZero() {
    Octad numbers = octad("n", DocumentFacet.of(Map.of("year", 2020)), SemanticFacet.of(List.of(), Map.of("count", new Value.Int(3))));
    assertThat(consistency.score(numbers, Modality.DOCUMENT, Modality.SEMANTIC, "JACCARD")).isEqualTo(1.0);
    assertThat(consistency.score(octad("d", text("x axis")), Modality.DOCUMENT, Modality.GRAPH, "JACCARD")).isEqualTo(0.0);
    assertThat(consistency.score(octad("v", vector(1, 0, 0)), Modality.VECTOR, Modality.DOCUMENT, "COSINE")).isEqualTo(0.0);
    assertThat(consistency.score(octad("t", vector(1, 0, 0), DocumentFacet.of(Map.of("year", 1))), Modality.VECTOR, Modality.DOCUMENT,
        "EUCLIDEAN")).as("a document without text has no feature vector").isEqualTo(0.0);
  }

  @Test
  void aModalityWithoutTheMetricsRepresentationIsNotAvailable() {
    assertThatThrownBy(() -> consistency.score(octad("o"), Modality.GRAPH, Modality.VECTOR, "COSINE"))
        .isInstanceOfSatisfying(VqlException.class, e -> assertThat(e.code()).isEqualTo(DiagnosticCode.EXEC_004))
        .hasMessageStartingWith("consistency measure not available for this pair: CONSISTENT(GRAPH, VECTOR) USING COSINE; GRAPH has no feature vector");
    assertThatThrownBy(() -> consistency.score(octad("o"), Modality.DOCUMENT, Modality.VECTOR, "JACCARD"))
        .isInstanceOf(VqlException.class)
        .hasMessageContaining("VECTOR has no token set");
    assertThatThrownBy(() -> consistency.score(octad("o"), Modality.DOCUMENT, Modality.VECTOR, "MANHATTAN"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void termsAreLowerCasedLetterAndDigitRuns() {
    Set<String> terms = new LinkedHashSet<>();
    Tokens.split("Ångström-42 schema:Person  http://ex.org/a_b", terms);
    assertThat(terms).containsExactly("ångström", "42", "schema", "person", "http", "ex", "org", "a", "b");
  }
}
