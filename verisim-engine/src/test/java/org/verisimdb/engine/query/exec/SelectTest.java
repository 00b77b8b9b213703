package org.verisimdb.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Bindings;
import org.verisimdb.vql.diag.DiagnosticCode;

/** SELECT end to end over a small database: every clause of VQL.md §5.1 against hand-computed rows. */
class SelectTest {
  static final DatabaseConfig CONFIG = DatabaseConfig.defaults().withBackend("memory").withAutoEmbedding(false).withVectorDimension(4);
  static Database db;

  @BeforeAll
  static void load() {
    db = VeriSimDB.openInMemory(CONFIG);
    db.create(paper("p1", "Tidal energy in fjords", 2019, "Oslo", 59.91, 10.75, new double[] {1, 0, 0, 0}, Edge.to("CITES", "p2")));
    db.create(paper("p2", "Tidal turbines", 1985, "Bergen", 60.39, 5.32, new double[] {0.9, 0.1, 0, 0}, Edge.to("CITES", "p3")));
    db.create(paper("p3", "Wave power survey", 1975, "Oslo", 59.95, 10.70, new double[] {0, 1, 0, 0}));
    db.create(paper("p4", "Solar cells", 2021, null, 35.68, 139.65, new double[] {0, 0, 1, 0}, Edge.to("CITES", "ghost")));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static OctadInput paper(String id, String title, long year, String venue, double lat, double lon, double[] vec, Edge... edges) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("title", title);
    fields.put("year", year);
    if (venue != null) {
      fields.put("venue", venue);
    }
    OctadInput.Builder b = OctadInput.builder().id(id).with(DocumentFacet.of(fields)).with(SpatialFacet.point(lat, lon))
        .with(VectorFacet.of(vec, null));
    if (edges.length > 0) {
      b.with(GraphFacet.of(edges));
    }
    return b.build();
  }

  static List<Value.Obj> rows(String vql) {
    try (VqlSession s = db.vql(); Result r = s.execute(vql)) {
      List<Value.Obj> out = new ArrayList<>();
      r.rows().forEachRemaining(out::add);
      return out;
    }
  }

  static List<String> ids(String vql) {
    return rows(vql).stream().map(o -> ((Value.Str) o.get("id")).value()).toList();
  }

  @Test
  void fullTextFiltersAndRanksByScore() {
    assertThat(ids("SELECT id FROM OCTADS WHERE FULLTEXT CONTAINS 'tidal'")).containsExactlyInAnyOrder("p1", "p2");
    List<Value.Obj> rows = rows("SELECT id, score FROM OCTADS WHERE FULLTEXT CONTAINS 'tidal' AND DOCUMENT.year >= 2000");
    assertThat(rows).hasSize(1);
    assertThat(rows.getFirst().get("score")).isInstanceOf(Value.Flt.class);
  }

  @Test
  void comparisonsUseThreeValuedLogic() {
    assertThat(ids("SELECT id FROM OCTADS WHERE DOCUMENT.venue = 'Oslo'")).containsExactly("p1", "p3");
    assertThat(ids("SELECT id FROM OCTADS WHERE NOT DOCUMENT.venue = 'Oslo'")).containsExactly("p2"); // p4: UNKNOWN
    assertThat(ids("SELECT id FROM OCTADS WHERE DOCUMENT.venue IS NULL")).containsExactly("p4");
    assertThat(ids("SELECT id FROM OCTADS WHERE DOCUMENT.year BETWEEN 1980 AND 2020 ORDER BY DOCUMENT.year DESC"))
        .containsExactly("p1", "p2");
  }

  @Test
  void graphPatternsQuantifyTheirVariables() {
    assertThat(ids("SELECT id FROM OCTADS WHERE (h)-[:CITES*1..2]->(x) AND x.year < 1980")).containsExactly("p1", "p2");
    assertThat(ids("SELECT id FROM OCTADS WHERE NOT (h)-[:CITES]->(x)")).containsExactly("p3");
    assertThat(ids("SELECT id, GRAPH.in_degree FROM OCTADS WHERE GRAPH.in_degree > 0")).containsExactly("p2", "p3");
    assertThat(ids("SELECT id FROM OCTADS WHERE (paper)<-[:CITES]-(citer) AND citer.year > 2000")).containsExactly("p2");
  }

  @Test
  void nearestKeepsExactlyKRowsAfterFiltering() {
    assertThat(ids("SELECT id, similarity FROM OCTADS WHERE VECTOR NEAREST 2 TO [1.0, 0.0, 0.0, 0.0]")).containsExactly("p1", "p2");
    assertThat(ids("SELECT id FROM OCTADS WHERE VECTOR NEAREST 2 TO [1.0, 0.0, 0.0, 0.0] AND DOCUMENT.venue = 'Oslo'"))
        .containsExactly("p1", "p3");
    assertThat(ids("SELECT id, distance_km FROM OCTADS WHERE SPATIAL NEAREST(59.9, 10.7, 3)")).containsExactly("p1", "p3", "p2");
    assertThat(ids("SELECT id FROM OCTADS WHERE SPATIAL WITHIN RADIUS(59.9139, 10.7522, 25)")).containsExactly("p1", "p3");
  }

  @Test
  void aggregatesGroupWithNullAsAKey() {
    List<Value.Obj> rows = rows("SELECT DOCUMENT.venue, COUNT(*) AS n, MIN(DOCUMENT.year) FROM OCTADS GROUP BY DOCUMENT.venue");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("n")).isEqualTo(new Value.Int(1)); // Bergen
    assertThat(rows.get(1).get("n")).isEqualTo(new Value.Int(2)); // Oslo
    assertThat(rows.get(2).get("document")).isEqualTo(new Value.Obj(Map.of("venue", Value.NULL)));
    assertThat(rows("SELECT COUNT(*) FROM OCTADS WHERE DOCUMENT.year > 3000").getFirst().get("COUNT(*)")).isEqualTo(new Value.Int(0));
  }

  @Test
  void cursorsContinueThePage() {
    try (VqlSession s = db.vql()) {
      Result first = s.execute("SELECT id FROM OCTADS LIMIT 3");
      List<Value.Obj> rows = new ArrayList<>();
      first.rows().forEachRemaining(rows::add);
      assertThat(first.nextCursor()).isNotNull();
      Result second = s.execute("SELECT id FROM OCTADS LIMIT 3 CURSOR $1", Bindings.positional(List.of(first.nextCursor())));
      second.rows().forEachRemaining(rows::add);
      assertThat(second.nextCursor()).isNull();
      assertThat(rows.stream().map(o -> o.get("id"))).containsExactly(new Value.Str("p1"), new Value.Str("p2"), new Value.Str("p3"),
          new Value.Str("p4"));
      assertThatThrownBy(() -> s.execute("SELECT id FROM OCTADS WHERE DOCUMENT.year > 0 LIMIT 3 CURSOR $1",
          Bindings.positional(List.of(first.nextCursor())))).isInstanceOfSatisfying(VqlException.class,
              e -> assertThat(e.code()).isEqualTo(DiagnosticCode.EXEC_007));
    }
  }

  @Test
  void errorsCarryTheirCode() {
    try (VqlSession s = db.vql()) {
      assertThatThrownBy(() -> s.execute("SELECT GRAPH FORM OCTADS")).isInstanceOfSatisfying(VqlException.class,
          e -> assertThat(e.code()).isEqualTo(DiagnosticCode.SYNTAX_001));
      assertThatThrownBy(() -> s.execute("COMMIT")).isInstanceOfSatisfying(VqlException.class,
          e -> assertThat(e.code()).isEqualTo(DiagnosticCode.TX_002));
      assertThatThrownBy(() -> s.execute("SELECT id FROM FEDERATION /*")).isInstanceOfSatisfying(VqlException.class,
          e -> assertThat(e.code()).isEqualTo(DiagnosticCode.FED_003));
    }
  }

  @Test
  void projectionNestsFieldsUnderTheirModality() {
    Value.Obj row = rows("SELECT DOCUMENT.title, DOCUMENT.year, TEMPORAL.version FROM OCTAD 'p3'").getFirst();
    assertThat(row.members().keySet()).containsExactly("id", "document", "temporal");
    assertThat(row.get("document")).isEqualTo(new Value.Obj(Map.of("title", new Value.Str("Wave power survey"), "year", new Value.Int(1975))));
    assertThat(rows("SELECT * FROM OCTAD 'nobody'")).isEmpty();
  }
}
