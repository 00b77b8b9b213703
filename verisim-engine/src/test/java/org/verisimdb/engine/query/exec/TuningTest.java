package org.verisimdb.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.QueryOptions;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Bindings;

/** The adaptive tuner, SHOW STATS and the slow query log. */
class TuningTest {
  static final DatabaseConfig MEMORY = DatabaseConfig.defaults().withBackend("memory").withAutoEmbedding(false).withVectorDimension(4);

  static void load(Database db, int n) {
    for (int i = 0; i < n; i++) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("title", "item " + i);
      doc.put("n", (long) i);
      db.create(OctadInput.builder().id(String.format("t%04d", i)).with(DocumentFacet.of(doc)).build());
    }
  }

  static List<Value.Obj> rows(Database db, String vql, Bindings b) {
    try (VqlSession s = db.vql(); Result r = s.execute(vql, b)) {
      List<Value.Obj> out = new ArrayList<>();
      r.rows().forEachRemaining(out::add);
      return out;
    }
  }

  static Value.Obj filterNode(Database db, String vql) {
    try (VqlSession s = db.vql(); Result r = s.execute("EXPLAIN ANALYZE " + vql)) {
      List<Value.Obj> nodes = PlannerTest.nodes(r.explain());
      return nodes.stream().filter(n -> n.get("operator").equals(new Value.Str("Filter"))).findFirst().orElseThrow();
    }
  }

  /** |log(actual / estimated)| of a step's rows: 0 when the estimate is exact. */
  static double error(Value.Obj node) {
    double est = Math.max(1, ((Value.Int) node.get("estimated_rows")).value());
    double act = Math.max(1, ((Value.Int) node.get("actual_rows")).value());
    return Math.abs(Math.log(act / est));
  }

  @Test
  void estimatesMoveTowardActualsOnASkewedWorkload() {
    try (Database db = VeriSimDB.openInMemory(MEMORY)) {
      load(db, 300);
      // A range the planner assumes keeps a third of the octads, which keeps all of them.
      String skewed = "SELECT COUNT(*) FROM OCTADS WHERE DOCUMENT.n >= 0 AND DOCUMENT.title LIKE 'item%'";
      double before = error(filterNode(db, skewed));
      for (int i = 0; i < 30; i++) {
        rows(db, skewed, Bindings.NONE);
      }
      double after = error(filterNode(db, skewed));
      assertThat(before).isGreaterThan(1.5);
      assertThat(after).isLessThan(before / 3);
      assertThat(db.queryTuning().factors()).containsKey("sel.filter");
      // The factor is bounded however long the workload runs.
      assertThat(db.queryTuning().factors().values()).allSatisfy(f -> assertThat(f).isBetween(0.02, 50.0));

      List<Value.Obj> stats = rows(db, "SHOW STATS", Bindings.NONE);
      Value.Obj planner = stats.getLast();
      assertThat(planner.get("store")).isEqualTo(new Value.Str("planner"));
      assertThat(((Value.Obj) planner.get("cost_factors")).members()).containsKey("sel.filter");
      assertThat(((Value.Int) planner.get("queries")).value()).isGreaterThanOrEqualTo(32);

      db.queryTuning().reset();
      assertThat(db.queryTuning().factors()).isEmpty();
      assertThat(error(filterNode(db, skewed))).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void learntFactorsSurviveAReopenAndResetClearsThem(@TempDir Path dir) {
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(dir).withBackend("memory").withAutoEmbedding(false).withVectorDimension(4);
    Map<String, Double> learnt;
    try (Database db = VeriSimDB.open(config)) {
      load(db, 120);
      for (int i = 0; i < 10; i++) {
        rows(db, "SELECT COUNT(*) FROM OCTADS WHERE DOCUMENT.n >= 0", Bindings.NONE);
      }
      learnt = db.queryTuning().factors();
      assertThat(learnt).isNotEmpty();
    }
    assertThat(dir.resolve(QueryRuntime.TUNING_FILE)).exists();
    try (Database db = VeriSimDB.open(config)) {
      assertThat(db.queryTuning().factors()).isEqualTo(learnt);
      db.queryTuning().reset();
    }
    try (Database db = VeriSimDB.open(config)) {
      assertThat(db.queryTuning().factors()).isEmpty();
    }
  }

  @Test
  void showStatsHasOneRowPerStoreWithLatencies() {
    try (Database db = VeriSimDB.openInMemory(MEMORY)) {
      load(db, 20);
      rows(db, "SELECT id FROM OCTADS WHERE FULLTEXT CONTAINS 'item'", Bindings.NONE);
      List<Value.Obj> stats = rows(db, "SHOW STATS", Bindings.NONE);
      assertThat(stats).hasSize(9);
      assertThat(stats.stream().limit(8).map(r -> ((Value.Str) r.get("store")).value()))
          .containsExactly("document", "graph", "provenance", "semantic", "spatial", "temporal", "tensor", "vector");
      Value.Obj document = stats.getFirst();
      assertThat(document.get("octads")).isEqualTo(new Value.Int(20));
      assertThat(document.get("location")).isEqualTo(new Value.Str("memory:memory"));
      assertThat(document.get("queries")).isEqualTo(new Value.Int(1));
      assertThat(((Value.Flt) document.get("p99_ms")).value()).isPositive();
      assertThat(stats.get(1).get("queries")).isEqualTo(new Value.Int(0));
      assertThat(stats.get(1).get("avg_ms")).isEqualTo(Value.NULL);
    }
  }

  @Test
  void slowStatementsAreKeptWithRedactedParameters() {
    DatabaseConfig config = MEMORY.withQueries(new QueryOptions(0, 3, false, 256, true));
    try (Database db = VeriSimDB.openInMemory(config)) {
      load(db, 10);
      for (int i = 0; i < 4; i++) {
        rows(db, "select id from octads where document.n = $1", new Bindings(List.of((long) i), null));
      }
      List<Value.Obj> slow = rows(db, "SHOW SLOW QUERIES", Bindings.NONE);
      // Capacity 3: the three newest of the four (SHOW itself is logged after it answers).
      assertThat(slow).hasSize(3);
      Value.Obj newest = slow.getFirst();
      assertThat(newest.get("statement")).isEqualTo(new Value.Str("SELECT id\nFROM OCTADS\nWHERE DOCUMENT.n = $1"));
      assertThat(newest.get("params")).isEqualTo(new Value.Obj(Map.of("$1", new Value.Str("?"))));
      assertThat(newest.get("rows")).isEqualTo(new Value.Int(1));
      assertThat(newest.get("bottleneck")).isInstanceOf(Value.Str.class);
      assertThat(((Value.Obj) newest.get("plan")).get("operator")).isEqualTo(new Value.Str("Project"));
      assertThat(db.queryTuning().slowQueries()).isEqualTo(5);
      assertThat(db.queryTuning().metrics()).contains("verisim_vql_slow_queries_total 5");
    }
    try (Database db = VeriSimDB.openInMemory(MEMORY.withQueries(new QueryOptions(0, 10, true, 256, true)))) {
      load(db, 3);
      rows(db, "SELECT id FROM OCTADS WHERE DOCUMENT.n = :n", new Bindings(null, Map.of("n", 2L)));
      Value.Obj entry = rows(db, "SHOW SLOW QUERIES LIMIT 1", Bindings.NONE).getFirst();
      assertThat(entry.get("params")).isEqualTo(new Value.Obj(Map.of(":n", new Value.Int(2))));
    }
  }

  @Test
  void fastStatementsAreNotSlow() {
    try (Database db = VeriSimDB.openInMemory(MEMORY)) {
      load(db, 5);
      rows(db, "SELECT id FROM OCTAD 't0001'", Bindings.NONE);
      assertThat(rows(db, "SHOW SLOW QUERIES", Bindings.NONE)).isEmpty();
      assertThat(db.queryTuning().slowQueries()).isZero();
      assertThat(Files.exists(Path.of(QueryRuntime.TUNING_FILE))).isFalse();
    }
  }
}
