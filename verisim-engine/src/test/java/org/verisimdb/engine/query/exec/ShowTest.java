package org.verisimdb.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verisimdb.engine.query.exec.MutationTest.failure;
import static org.verisimdb.engine.query.exec.MutationTest.obj;
import static org.verisimdb.engine.query.exec.MutationTest.one;
import static org.verisimdb.engine.query.exec.MutationTest.rows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.engine.query.drift.EmbeddingDrift;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.engine.write.Embedders;
import org.verisimdb.index.embed.Embedder;
import org.verisimdb.index.embed.EmbeddingText;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;

/** SHOW TRANSACTIONS, SHOW DRIFT and NORMALIZE end to end (VQL.md §5.14, §5.15). */
class ShowTest {
  static final String CAT = "The cat sat on the mat and purred.";
  static final String MARKETS = "Stock markets fell sharply after the central bank raised interest rates.";
  static final String DOG = "A dog slept on the rug and snored.";

  static long transactionId(VqlSession s, String begin) {
    try (Result r = s.execute(begin)) {
      return ((Value.Int) r.transaction().get("id")).value();
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object row) {
    return (Map<String, Object>) row;
  }

  static List<String> ids(List<Object> rows) {
    return rows.stream().map(r -> (String) map(r).get("id")).toList();
  }

  @Test
  void showTransactionsListsTheCallersOpenTransactionsWithStatementsAndWrites() {
    Instant before = Instant.now();
    try (Database db = VeriSimDB.openInMemory(MutationTest.CONFIG); VqlSession alice = db.vql("alice"); VqlSession bob = db.vql("bob")) {
      assertThat(rows(alice, "SHOW TRANSACTIONS")).isEmpty();
      long a = transactionId(alice, "BEGIN");
      rows(alice, "INSERT OCTAD 'x' WITH DOCUMENT(title = 'x')");
      rows(alice, "INSERT OCTAD 'y' WITH DOCUMENT(title = 'y')");
      long b = transactionId(bob, "BEGIN ISOLATION LEVEL SERIALIZABLE");

      List<Object> mine;
      try (Result r = alice.execute("SHOW TRANSACTIONS")) {
        assertThat(r.columns()).containsExactly(new Column("id", "integer"), new Column("principal", "string"),
            new Column("isolation", "string"), new Column("state", "string"), new Column("started_at", "timestamp"),
            new Column("statements", "integer"), new Column("writes", "integer"));
        mine = new ArrayList<>();
        r.rows().forEachRemaining(row -> mine.add(ValueJson.toPlain(row)));
      }
      assertThat(mine).hasSize(1);
      String started = (String) map(mine.getFirst()).get("started_at");
      assertThat(Instant.parse(started)).isBetween(before.minusMillis(1), Instant.now());
      assertThat(mine).containsExactly(obj("id", a, "principal", "alice", "isolation", "SNAPSHOT", "state", "active", "started_at", started,
          "statements", 3L, "writes", 2L));

      List<Object> bobs = rows(bob, "SHOW TRANSACTIONS LIMIT 5");
      assertThat(bobs).hasSize(1);
      assertThat(map(bobs.getFirst())).containsEntry("id", b).containsEntry("isolation", "SERIALIZABLE")
          .containsEntry("statements", 1L).containsEntry("writes", 0L);
      assertThat(rows(alice, "SHOW TRANSACTIONS LIMIT 0")).isEmpty();

      rows(alice, "ROLLBACK");
      assertThat(rows(alice, "SHOW TRANSACTIONS")).isEmpty();
      rows(bob, "ROLLBACK");
    }
  }

  @Test
  void anAbortedTransactionIsListedAsAbortedUntilRolledBack() {
    try (Database db = VeriSimDB.openInMemory(MutationTest.CONFIG); VqlSession alice = db.vql("alice"); VqlSession bob = db.vql("bob")) {
      rows(alice, "INSERT OCTAD 'x' WITH DOCUMENT(title = 'x')");
      long a = transactionId(alice, "BEGIN");
      rows(alice, "SELECT id FROM OCTAD 'x'");
      rows(bob, "UPDATE OCTAD 'x' SET DOCUMENT.title = 'bob was first'");
      assertThat(failure(alice, "UPDATE OCTAD 'x' SET DOCUMENT.title = 'alice'").code()).isEqualTo(DiagnosticCode.TX_004);
      Map<String, Object> row = map(one(alice, "SHOW TRANSACTIONS"));
      assertThat(row).containsEntry("id", a).containsEntry("state", "aborted").containsEntry("statements", 3L).containsEntry("writes", 0L);
      rows(alice, "ROLLBACK");
      assertThat(rows(alice, "SHOW TRANSACTIONS")).isEmpty();
      assertThat(rows(alice, "SELECT DOCUMENT.title FROM OCTAD 'x'")).containsExactly(obj("id", "x", "document", obj("title", "bob was first")));
    }
  }

  @Test
  void normalizeIsRefusedWithoutWritingAndAMissingOctadIsExec001() {
    try (Database db = VeriSimDB.openInMemory(MutationTest.CONFIG); VqlSession s = db.vql()) {
      rows(s, "INSERT OCTAD 'doc-77' WITH DOCUMENT(title = 'x'), VECTOR([1, 0, 0, 0])");
      VqlException missing = failure(s, "NORMALIZE OCTAD 'ghost'");
      assertThat(missing.code()).isEqualTo(DiagnosticCode.EXEC_001);
      assertThat(missing.getMessage()).isEqualTo("octad 'ghost' does not exist");
      for (String statement : List.of("NORMALIZE OCTAD 'doc-77'", "NORMALIZE OCTAD 'doc-77' USING STRATEGY MERGE")) {
        VqlException refused = failure(s, statement);
        assertThat(refused.code()).isEqualTo(DiagnosticCode.EXEC_004);
        assertThat(refused.getMessage()).isEqualTo("NORMALIZE is not available: this node has no normalizer yet");
        assertThat(refused.hint()).contains("SHOW DRIFT");
      }
      assertThat(one(s, "SELECT TEMPORAL.version, PROVENANCE.chain_length FROM OCTAD 'doc-77'"))
          .isEqualTo(obj("id", "doc-77", "temporal", obj("version", 1L), "provenance", obj("chain_length", 1L)));
    }
  }

  /** SHOW DRIFT with the database's own model (384 dimensions): a vector made from an octad's text agrees with it, one from other text drifts. */
  @Test
  void showDriftListsOctadsAboveTheThresholdMostDriftedFirst() {
    Embedder model = Embedders.shared();
    DatabaseConfig config = DatabaseConfig.defaults().withBackend("memory").withAutoEmbedding(false);
    Instant before = Instant.now();
    try (Database db = VeriSimDB.openInMemory(config); VqlSession s = db.vql()) {
      db.create(OctadInput.builder().id("agree").with(DocumentFacet.of(CAT, null)).with(model.facet(CAT)).build());
      db.create(OctadInput.builder().id("drift-a").with(DocumentFacet.of(MARKETS, null)).with(model.facet(CAT)).build());
      db.create(OctadInput.builder().id("drift-b").with(DocumentFacet.of(DOG, null)).with(model.facet(CAT)).build());
      db.create(OctadInput.builder().id("text-only").with(DocumentFacet.of(MARKETS, null)).build());
      db.create(OctadInput.builder().id("vector-only").with(model.facet(DOG)).build());

      EmbeddingDrift measure = new EmbeddingDrift(model, EmbeddingText.defaults());
      Map<String, Double> score = new java.util.HashMap<>();
      for (String id : List.of("agree", "drift-a", "drift-b", "text-only", "vector-only")) {
        score.put(id, measure.overall(db.get(id).orElseThrow()));
      }
      assertThat(score.get("agree")).as("scores %s", score).isLessThan(0.01);
      assertThat(score.get("drift-a")).as("scores %s", score).isGreaterThan(0.5);
      assertThat(score.get("drift-b")).as("scores %s", score).isGreaterThan(0.3).isLessThan(score.get("drift-a"));
      assertThat(score.get("text-only")).isZero();
      assertThat(score.get("vector-only")).isZero();

      List<Object> rows;
      try (Result r = s.execute("SHOW DRIFT")) {
        assertThat(r.columns()).containsExactly(new Column("id", "string"), new Column("drift_score", "float"),
            new Column("worst_pair", "string"), new Column("worst_pair_score", "float"), new Column("measured_at", "timestamp"));
        rows = new ArrayList<>();
        r.rows().forEachRemaining(row -> rows.add(ValueJson.toPlain(row)));
      }
      String measuredAt = (String) map(rows.getFirst()).get("measured_at");
      assertThat(Instant.parse(measuredAt)).isBetween(before, Instant.now());
      List<String> drifted = new ArrayList<>(List.of("drift-a", "drift-b"));
      drifted.sort(Comparator.comparing((String id) -> -score.get(id)));
      List<Object> expected = new ArrayList<>();
      for (String id : drifted) {
        expected.add(obj("id", id, "drift_score", score.get(id), "worst_pair", "VECTOR,DOCUMENT", "worst_pair_score", score.get(id),
            "measured_at", measuredAt));
      }
      assertThat(rows).isEqualTo(expected);

      assertThat(ids(rows(s, "SHOW DRIFT LIMIT 1"))).containsExactly(drifted.getFirst());
      double lower = Math.min(score.get("drift-a"), score.get("drift-b"));
      assertThat(ids(rows(s, "SHOW DRIFT ABOVE " + lower))).containsExactly(drifted.getFirst());
      assertThat(rows(s, "SHOW DRIFT ABOVE 1")).isEmpty();
      List<Object> all = rows(s, "SHOW DRIFT ABOVE 0");
      List<String> positive = new ArrayList<>(score.keySet().stream().filter(id -> score.get(id) > 0).toList());
      positive.sort(Comparator.comparing((String id) -> -score.get(id)).thenComparing(id -> id));
      assertThat(ids(all)).containsExactlyElementsOf(positive);

      // Inside a transaction SHOW DRIFT reads the transaction's view, its own writes included.
      rows(s, "BEGIN");
      rows(s, "UPDATE OCTAD 'drift-a' SET DOCUMENT.title = '" + CAT + "'");
      assertThat(ids(rows(s, "SHOW DRIFT"))).containsExactly("drift-b");
      rows(s, "ROLLBACK");
      assertThat(ids(rows(s, "SHOW DRIFT"))).containsExactlyElementsOf(drifted);
    }
  }
}
