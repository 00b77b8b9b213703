package org.verisimdb.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.query.ExplainText;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Bindings;

/**
 * The planner on a database of 400 octads with known skew: EXPLAIN picks the driving index by
 * selectivity, EXPLAIN ANALYZE reports actual rows per step, ranked paths return what a full scan
 * does, and a graph traversal starts from the pinned octad.
 */
class PlannerTest {
  static final int N = 400;
  static Database db;
  static final double[][] VECTORS = new double[N][];

  @BeforeAll
  static void load() {
    // Untuned, so the plans chosen depend on the statistics alone, not on how fast earlier tests ran.
    db = VeriSimDB.openInMemory(DatabaseConfig.defaults().withBackend("memory").withAutoEmbedding(false).withVectorDimension(4)
        .withQueries(new org.verisimdb.engine.QueryOptions(100, 1000, false, 256, false)));
    Random random = new Random(7);
    for (int i = 0; i < N; i++) {
      Map<String, Object> doc = new LinkedHashMap<>();
      // "common" is in every title, "rare" in 4, "station" kind in 40, "depot" kind in 2.
      doc.put("title", "common report " + (i % 100 == 0 ? "rare " : "") + "number " + i);
      doc.put("kind", i % 10 == 0 ? "station" : i % 200 == 1 ? "depot" : "other");
      doc.put("n", (long) i);
      VECTORS[i] = new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      OctadInput.Builder b = OctadInput.builder().id(id(i)).with(DocumentFacet.of(doc)).with(VectorFacet.of(VECTORS[i], null))
          .with(SpatialFacet.point(50 + (i % 20) * 0.5, 5 + (i / 20) * 0.5));
      if (i < 50) {
        b.with(GraphFacet.of(Edge.to("NEXT", id(i + 1)), Edge.to("NEXT", id(i + 2))));
      }
      db.create(b.build());
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static String id(int i) {
    return String.format("o%03d", i);
  }

  static Value.Obj explain(String vql) {
    try (VqlSession s = db.vql(); Result r = s.execute(vql)) {
      assertThat(r.rows().hasNext()).isFalse();
      return r.explain();
    }
  }

  static List<String> ids(String vql, Bindings b) {
    try (VqlSession s = db.vql(); Result r = s.execute(vql, b)) {
      List<String> out = new ArrayList<>();
      r.rows().forEachRemaining(o -> out.add(((Value.Str) o.get("id")).value()));
      return out;
    }
  }

  /** The plan nodes, parents first. */
  static List<Value.Obj> nodes(Value.Obj explain) {
    List<Value.Obj> out = new ArrayList<>();
    walk((Value.Obj) explain.get("plan"), out);
    return out;
  }

  private static void walk(Value.Obj n, List<Value.Obj> out) {
    out.add(n);
    for (Value c : ((Value.Arr) n.get("children")).elements()) {
      walk((Value.Obj) c, out);
    }
  }

  static Value.Obj node(Value.Obj explain, String operator) {
    return nodes(explain).stream().filter(n -> n.get("operator").equals(new Value.Str(operator))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + operator + " in\n" + ExplainText.render(explain)));
  }

  static String driving(Value.Obj explain) {
    for (Value.Obj n : nodes(explain)) {
      if (n.get("detail") instanceof Value.Obj d && d.get("driving") == Value.TRUE) {
        return ((Value.Str) n.get("operator")).value();
      }
    }
    return null;
  }

  static long num(Value v) {
    return ((Value.Int) v).value();
  }

  @Test
  void theRarerConjunctDrivesTheIndexQuery() {
    Value.Obj rareText = explain("EXPLAIN SELECT id FROM OCTADS WHERE FULLTEXT CONTAINS 'rare' AND DOCUMENT.kind = 'station'");
    assertThat(driving(rareText)).isEqualTo("TextSearch");
    assertThat(num(node(rareText, "TextSearch").get("estimated_rows"))).isEqualTo(4);
    assertThat(num(node(rareText, "FieldIndexScan").get("estimated_rows"))).isEqualTo(40);
    assertThat(rareText.get("mode")).isEqualTo(new Value.Str("EXPLAIN"));
    assertThat(node(rareText, "Project").get("actual_rows")).isEqualTo(Value.NULL);

    Value.Obj rareKind = explain("EXPLAIN SELECT id FROM OCTADS WHERE FULLTEXT CONTAINS 'common' AND DOCUMENT.kind = 'depot'");
    assertThat(driving(rareKind)).isEqualTo("FieldIndexScan");
    // 'common' matches everything: it does not narrow the index query, the filter checks it.
    assertThat(nodes(rareKind).stream().map(n -> n.get("operator"))).doesNotContain(new Value.Str("TextSearch"));
  }

  @Test
  void analyzeReportsActualRowsPerStep() {
    Value.Obj e = explain("EXPLAIN ANALYZE SELECT COUNT(*) FROM OCTADS WHERE SPATIAL WITHIN BOUNDS(50.0, 5.0, 51.0, 6.0)");
    assertThat(e.get("mode")).isEqualTo(new Value.Str("EXPLAIN ANALYZE"));
    Value.Obj geo = node(e, "SpatialSearch");
    // Latitudes 50, 50.5, 51 by longitudes 5, 5.5, 6: nine grid points, one octad each.
    assertThat(num(geo.get("actual_rows"))).isEqualTo(9);
    assertThat(num(node(e, "Filter").get("actual_rows"))).isEqualTo(9);
    assertThat(num(node(e, "Aggregate").get("actual_rows"))).isEqualTo(1);
    assertThat(((Value.Flt) e.get("actual_total_ms")).value()).isPositive();
    assertThat(ExplainText.render(e)).contains("SpatialSearch [SPATIAL]").contains("actual 9 rows");
  }

  @Test
  void oneOctadIsALookup() {
    Value.Obj e = explain("EXPLAIN SELECT DOCUMENT FROM OCTAD 'o007'");
    assertThat(node(e, "OctadLookup").get("detail")).isEqualTo(new Value.Obj(Map.of("id", new Value.Str("o007"))));
  }

  @Test
  void nearestUsesTheVectorIndexAndMatchesAFullScan() {
    double[] q = {0.3, -0.2, 0.9, 0.1};
    String vql = "SELECT id FROM OCTADS WHERE VECTOR NEAREST 5 TO [0.3, -0.2, 0.9, 0.1] AND DOCUMENT.kind = 'other'";
    Value.Obj e = explain("EXPLAIN " + vql);
    assertThat(driving(e)).isNull();
    Value.Obj vector = node(e, "VectorSearch");
    assertThat(((Value.Obj) vector.get("detail")).get("ranked")).isEqualTo(Value.TRUE);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      if (i % 10 != 0 && i % 200 != 1) {
        expected.add(i);
      }
    }
    expected.sort(Comparator.comparingDouble((Integer i) -> -cosine(q, VECTORS[i])).thenComparing(PlannerTest::id));
    List<String> top = expected.subList(0, 5).stream().map(PlannerTest::id).toList();
    assertThat(ids(vql, Bindings.NONE)).containsExactlyElementsOf(top);
  }

  @Test
  void scoreOrderedTextUsesRankedSearch() {
    String vql = "SELECT id, score FROM OCTADS WHERE FULLTEXT CONTAINS 'common' AND DOCUMENT.n < 200 LIMIT 7";
    Value.Obj e = explain("EXPLAIN ANALYZE " + vql);
    Value.Obj text = node(e, "TextSearch");
    assertThat(((Value.Obj) text.get("detail")).get("ranked")).isEqualTo(Value.TRUE);
    // Times are inclusive: the top step took at least as long as the ranked search under it.
    assertThat(((Value.Flt) node(e, "Project").get("actual_ms")).value()).isGreaterThanOrEqualTo(((Value.Flt) text.get("actual_ms")).value());
    // Titles of one length tie, so the order is by id; o000 and o100 have a longer title ("rare"), so a lower score.
    assertThat(ids(vql, Bindings.NONE)).containsExactly("o001", "o002", "o003", "o004", "o005", "o006", "o007");
  }

  @Test
  void aPinnedPatternNodeStartsAGraphTraversal() {
    String vql = "SELECT id FROM OCTADS WHERE (s)-[:NEXT]->(m)-[:NEXT]->(h) AND s.id = 'o010'";
    Value.Obj e = explain("EXPLAIN ANALYZE " + vql);
    Value.Obj traverse = node(e, "GraphTraverse");
    assertThat(((Value.Obj) traverse.get("detail")).get("from")).isEqualTo(new Value.Str("o010"));
    assertThat(num(traverse.get("actual_rows"))).isEqualTo(3);
    assertThat(ids(vql, Bindings.NONE)).containsExactly("o012", "o013", "o014");
  }

  @Test
  void preparedStatementsRunWithNewParameters() {
    try (VqlSession s = db.vql()) {
      var prepared = s.prepare("select id from octads where document.kind = $1 and document.n < $2");
      assertThat(prepared.normalizedText()).isEqualTo("SELECT id\nFROM OCTADS\nWHERE DOCUMENT.kind = $1\n  AND DOCUMENT.n < $2");
      for (String kind : List.of("station", "depot", "other")) {
        List<String> got = new ArrayList<>();
        try (Result r = prepared.execute(new Bindings(List.of(kind, 30L), null))) {
          r.rows().forEachRemaining(o -> got.add(((Value.Str) o.get("id")).value()));
        }
        List<String> want = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          String k = i % 10 == 0 ? "station" : i % 200 == 1 ? "depot" : "other";
          if (k.equals(kind)) {
            want.add(id(i));
          }
        }
        assertThat(got).as(kind).containsExactlyElementsOf(want);
      }
    }
  }

  @Test
  void explainAnalyzeOfAMutationReportsItsProofsAndKeepsNothingItsProofRefused() {
    try (VqlSession s = db.vql()) {
      Value.Obj refused;
      try (Result r = s.execute("EXPLAIN ANALYZE UPDATE OCTAD 'o005' SET DOCUMENT.kind = 'changed' PROOF SANCTIFY(*)")) {
        refused = r.explain();
      }
      Value.Obj proof = (Value.Obj) ((Value.Arr) refused.get("proof_obligations")).elements().getFirst();
      assertThat(proof.get("verified")).isEqualTo(Value.FALSE);
      assertThat(((Value.Str) proof.get("reason")).value()).startsWith("not_available");
      assertThat(node(refused, "Update").get("actual_rows")).isEqualTo(new Value.Int(0));
      assertThat(ids("SELECT id FROM OCTADS WHERE DOCUMENT.kind = 'changed'", Bindings.NONE)).isEmpty();

      s.execute("BEGIN").close();
      Value.Obj kept;
      try (Result r = s.execute("EXPLAIN ANALYZE INSERT OCTAD 'fresh' WITH DOCUMENT(title = 'new') PROOF EXISTENCE(*)")) {
        kept = r.explain();
      }
      Value.Obj existence = (Value.Obj) ((Value.Arr) kept.get("proof_obligations")).elements().getFirst();
      assertThat(existence.get("verified")).isEqualTo(Value.TRUE);
      assertThat(node(kept, "Insert").get("operator")).isEqualTo(new Value.Str("Insert"));
      s.execute("ROLLBACK").close();
      assertThat(ids("SELECT id FROM OCTAD 'fresh'", Bindings.NONE)).isEmpty();
    }
  }

  @Test
  void aParameterWithoutAValueIsReported() {
    try (VqlSession s = db.vql()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute("SELECT id FROM OCTADS WHERE DOCUMENT.n = $1"))
          .isInstanceOfSatisfying(org.verisimdb.engine.query.VqlException.class,
              e -> assertThat(e.code()).isEqualTo(org.verisimdb.vql.diag.DiagnosticCode.PARAM_001));
    }
  }

  static double cosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
