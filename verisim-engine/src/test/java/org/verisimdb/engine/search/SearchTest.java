package org.verisimdb.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.index.graph.Direction;
import org.verisimdb.index.provenance.ProvenanceSearch;
import org.verisimdb.index.semantic.TypeDefinition;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.ProvenanceEvent;

/** Database.search(): each search sees every commit made before it, and returns octads as of one LSN. */
class SearchTest {
  static final DatabaseConfig CONFIG = DatabaseConfig.defaults().withAutoEmbedding(false);

  static OctadInput node(String id, String... cites) {
    OctadInput.Builder b = OctadInput.builder().id(id).with(DocumentFacet.of("paper " + id, null));
    if (cites.length > 0) {
      b.with(new GraphFacet(java.util.Arrays.stream(cites).map(t -> Edge.to("CITES", t)).toList()));
    }
    return b.build();
  }

  static OctadInput text(String id, String title, String body) {
    return OctadInput.builder().id(id).with(DocumentFacet.of(title, body)).build();
  }

  @Test
  void documentsAreEmbeddedAndFoundByMeaningAndByWords() {
    try (Database db = VeriSimDB.openInMemory(DatabaseConfig.defaults())) {
      db.create(text("cat", "The cat", "The cat sat on the mat and purred."));
      db.create(text("dog", "Dogs", "Dogs chase balls in the park."));
      db.create(text("market", "Markets", "Stock markets fell sharply after the central bank raised interest rates."));
      var vector = db.get("cat").orElseThrow().vector().orElseThrow();
      assertThat(vector.model()).isEqualTo(org.verisimdb.index.embed.MiniLmEmbedder.MODEL);
      assertThat(vector.dimension()).isEqualTo(384);

      assertThat(db.search().nearest("a kitten resting on a rug", 1).ids()).extracting(OctadId::value).containsExactly("cat");
      assertThat(db.search().similarTo(OctadId.of("cat"), 2).ids()).extracting(OctadId::value).doesNotContain("cat").hasSize(2);
      Hits words = db.search().text("interest rates", 10);
      assertThat(words.ids()).extracting(OctadId::value).containsExactly("market");
      assertThat(words.hits().getFirst().snippets()).anyMatch(s -> s.contains("<b>interest</b>"));

      // new text, new vector; a vector of the writer's own model is never replaced
      db.update(OctadId.of("dog"), org.verisimdb.model.write.OctadPatch.builder()
          .set(org.verisimdb.model.Modality.DOCUMENT, "body", "Bond yields and stock prices moved together.").build());
      assertThat(db.get("dog").orElseThrow().vector().orElseThrow()).isNotEqualTo(db.get("cat").orElseThrow().vector().orElseThrow());
      assertThat(db.search().nearest("equity markets and bonds", 2).ids()).extracting(OctadId::value).containsExactlyInAnyOrder("dog", "market");
      float[] own = new float[384];
      own[0] = 1;
      db.update(OctadId.of("cat"), org.verisimdb.model.write.OctadPatch.builder()
          .replace(new org.verisimdb.model.facet.VectorFacet(own, "my-model")).build());
      db.update(OctadId.of("cat"), org.verisimdb.model.write.OctadPatch.builder()
          .set(org.verisimdb.model.Modality.DOCUMENT, "body", "A different text").build());
      assertThat(db.get("cat").orElseThrow().vector().orElseThrow().model()).isEqualTo("my-model");
    }
  }

  @Test
  void placesAreFoundByDistanceBoxAndPolygon() {
    try (Database db = VeriSimDB.openInMemory(CONFIG)) {
      db.create(OctadInput.builder().id("oslo").with(org.verisimdb.model.facet.SpatialFacet.point(59.9139, 10.7522)).build());
      db.create(OctadInput.builder().id("bergen").with(org.verisimdb.model.facet.SpatialFacet.point(60.3913, 5.3221)).build());
      db.create(OctadInput.builder().id("fiji").with(org.verisimdb.model.facet.SpatialFacet.point(-17.7134, 178.0650)).build());
      Hits near = db.search().withinRadius(59.9, 10.7, 400, 10);
      assertThat(near.ids()).extracting(OctadId::value).containsExactly("oslo", "bergen");
      assertThat(near.hits().getFirst().score()).isLessThan(5);
      assertThat(db.search().nearestPlaces(60, 5, 1).ids()).extracting(OctadId::value).containsExactly("bergen");
      assertThat(db.search().withinBounds(-30, 170, -10, -170, 10).ids()).extracting(OctadId::value).containsExactly("fiji");
      assertThat(db.search().withinPolygon("POLYGON ((4 58, 12 58, 12 62, 4 62, 4 58))", 10).ids()).extracting(OctadId::value)
          .containsExactly("bergen", "oslo");
      assertThatThrownBy(() -> db.search().withinPolygon("POLYGON ((4 58, 12 58))", 10))
          .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEARCH));
    }
  }

  @Test
  void graphSearchesFollowCommits() {
    try (Database db = VeriSimDB.openInMemory(CONFIG)) {
      db.create(node("a", "b"));
      db.create(node("b", "c"));
      db.create(node("c", "a", "ghost"));
      Hits reached = db.search().traverse(OctadId.of("a"), Direction.OUT, Set.of("CITES"), 1, 2, 10);
      assertThat(reached.ids()).extracting(OctadId::value).containsExactly("b", "c");
      assertThat(reached.hits()).extracting(Hit::score).containsExactly(1.0, 2.0);
      assertThat(db.search().shortestPath(OctadId.of("a"), OctadId.of("c"), Direction.OUT, Set.of(), 5))
          .extracting(OctadId::value).containsExactly("a", "b", "c");
      db.delete(OctadId.of("b"));
      assertThat(db.search().traverse(OctadId.of("a"), Direction.OUT, Set.of(), 1, 3, 10).ids()).isEmpty();
      assertThat(db.search().traverse(OctadId.of("a"), Direction.IN, Set.of(), 1, 1, 10).ids()).extracting(OctadId::value)
          .containsExactly("c");
    }
  }

  @Test
  void typeSearchFollowsSubtypes() {
    try (Database db = VeriSimDB.openInMemory(CONFIG)) {
      db.schema().defineType(TypeDefinition.of("Agent", List.of()));
      db.schema().defineType(TypeDefinition.of("Person", List.of("Agent")));
      db.create(OctadInput.builder().id("p1").with(SemanticFacet.of(List.of("Person"), Map.of())).build());
      db.create(OctadInput.builder().id("a1").with(SemanticFacet.of(List.of("Agent"), Map.of())).build());
      db.create(OctadInput.builder().id("x1").with(SemanticFacet.of(List.of("Thing"), Map.of())).build());
      assertThat(db.search().ofType("Agent", 10).ids()).extracting(OctadId::value).containsExactly("a1", "p1");
      assertThat(db.search().ofType("Person", 10).ids()).extracting(OctadId::value).containsExactly("p1");
    }
  }

  @Test
  void provenanceSearchMatchesWholeRecords() {
    try (Database db = VeriSimDB.openInMemory(CONFIG)) {
      Instant start = Instant.now().minusSeconds(1);
      db.create(OctadInput.builder().id("r1").with(DocumentFacet.of("r1", null))
          .provenance(new ProvenanceEvent("reviewed", "curator-5", "lab", "checked")).build());
      db.session("curator-5").create(node("r2"));
      assertThat(db.search().provenance(new ProvenanceSearch("curator-5", "reviewed", null, null), 10).ids()).extracting(OctadId::value)
          .containsExactly("r1");
      assertThat(db.search().provenance(new ProvenanceSearch("curator-5", null, start, null), 10).ids()).extracting(OctadId::value)
          .containsExactly("r1", "r2");
      assertThat(db.search().provenance(new ProvenanceSearch("curator-5", "created", null, null), 10).ids()).extracting(OctadId::value)
          .containsExactly("r2");
      assertThatThrownBy(() -> db.search().provenance(new ProvenanceSearch(null, null, null, null), 0))
          .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEARCH));
    }
  }

  @Test
  void tensorsAreFoundByShapeAndRank() {
    try (Database db = VeriSimDB.openInMemory(CONFIG)) {
      db.create(OctadInput.builder().id("img").with(org.verisimdb.model.facet.TensorFacet.ofFloats(new int[] {3, 2, 2}, new float[12])).build());
      db.create(OctadInput.builder().id("vec").with(org.verisimdb.model.facet.TensorFacet.ofInts(new int[] {4}, new int[] {1, 2, 3, 4})).build());
      db.create(OctadInput.builder().id("one").with(org.verisimdb.model.facet.TensorFacet.ofDoubles(new int[] {}, new double[] {2.5})).build());
      assertThat(db.search().tensorsOfShape(new int[] {3, 2, 2}, 10).ids()).extracting(OctadId::value).containsExactly("img");
      assertThat(db.search().tensorsOfRank(org.verisimdb.index.tensor.TensorSearch.Comparison.LE, 1, 10).ids()).extracting(OctadId::value)
          .containsExactly("one", "vec");
      var reduced = org.verisimdb.index.tensor.TensorOps.reduceAll(db.get("vec").orElseThrow().tensor().orElseThrow(),
          org.verisimdb.index.tensor.ReduceOp.SUM);
      assertThat(reduced.longAt(0)).isEqualTo(10);
    }
  }

  @Test
  void rdfExportStreamsTheGraph() {
    try (Database db = VeriSimDB.openInMemory(CONFIG)) {
      db.create(node("a", "b"));
      db.create(node("b"));
      StringWriter out = new StringWriter();
      long triples = db.search().exportRdf(out);
      assertThat(triples).isPositive();
      assertThat(out.toString()).contains("<https://verisimdb.org/octad/a> <https://verisimdb.org/octad#CITES> <https://verisimdb.org/octad/b> .");
    }
  }
}
