package org.verisimdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;

/**
 * The Hermitage anomaly tests (github.com/ept/hermitage), written against the embedded API: the
 * table {@code test(id, value)} is octads "1" = 10 and "2" = 20, the value a document field; a
 * predicate read is a listing filtered by the client. Each test runs the schedule at one level
 * and reports whether the anomaly was prevented. The matrix must equal PostgreSQL's (READ
 * COMMITTED, REPEATABLE READ = SNAPSHOT, SERIALIZABLE) and the one printed in
 * docs/transactions.md.
 */
class HermitageTest {
  static final Map<String, Map<Isolation, Boolean>> POSTGRESQL = new LinkedHashMap<>();

  static {
    String[] names = {"G0", "G1a", "G1b", "G1c", "OTV", "PMP", "P4", "G-single", "G2-item", "G2"};
    boolean[] readCommitted = {true, true, true, true, true, false, false, false, false, false};
    boolean[] snapshot = {true, true, true, true, true, true, true, true, false, false};
    for (int i = 0; i < names.length; i++) {
      Map<Isolation, Boolean> row = new EnumMap<>(Isolation.class);
      row.put(Isolation.READ_COMMITTED, readCommitted[i]);
      row.put(Isolation.SNAPSHOT, snapshot[i]);
      row.put(Isolation.SERIALIZABLE, true);
      POSTGRESQL.put(names[i], row);
    }
  }

  private static final Map<String, Function<Isolation, Boolean>> TESTS = new LinkedHashMap<>();

  static {
    TESTS.put("G0", HermitageTest::g0);
    TESTS.put("G1a", HermitageTest::g1a);
    TESTS.put("G1b", HermitageTest::g1b);
    TESTS.put("G1c", HermitageTest::g1c);
    TESTS.put("OTV", HermitageTest::otv);
    TESTS.put("PMP", HermitageTest::pmp);
    TESTS.put("P4", HermitageTest::p4);
    TESTS.put("G-single", HermitageTest::gSingle);
    TESTS.put("G2-item", HermitageTest::g2Item);
    TESTS.put("G2", HermitageTest::g2);
  }

  @Test
  void theAnomalyMatrixEqualsPostgresqlsAndTheDocumentedOne() throws IOException {
    Map<String, Map<Isolation, Boolean>> measured = new LinkedHashMap<>();
    TESTS.forEach((name, test) -> {
      Map<Isolation, Boolean> row = new EnumMap<>(Isolation.class);
      for (Isolation level : Isolation.values()) {
        row.put(level, test.apply(level));
      }
      measured.put(name, row);
    });
    String table = render(measured);
    assertThat(measured).as(table).isEqualTo(POSTGRESQL);
    Path doc = Path.of("..", "docs", "transactions.md");
    assertThat(Files.readString(doc)).as("docs/transactions.md must hold the measured matrix:\n" + table).contains(table);
  }

  static String render(Map<String, Map<Isolation, Boolean>> matrix) {
    StringBuilder out = new StringBuilder("| anomaly | READ COMMITTED | SNAPSHOT | SERIALIZABLE |\n|---|---|---|---|\n");
    matrix.forEach((name, row) -> {
      out.append("| ").append(name);
      for (Isolation level : Isolation.values()) {
        out.append(" | ").append(row.get(level) ? "prevented" : "possible");
      }
      out.append(" |\n");
    });
    return out.toString();
  }

  // ---- the schedules; each returns true when the anomaly was prevented

  /** Write cycles: two transactions' writes interleave; the end state must be one of them whole. */
  static boolean g0(Isolation level) {
    try (Database db = fixture()) {
      Transaction t1 = db.begin(level);
      Transaction t2 = db.begin(level);
      set(t1, "1", 11);
      attempt(() -> set(t2, "1", 12));
      set(t1, "2", 21);
      t1.commit();
      attempt(() -> set(t2, "2", 22));
      attempt(t2::commit);
      List<Long> end = List.of(value(db, "1"), value(db, "2"));
      return end.equals(List.of(11L, 21L)) || end.equals(List.of(12L, 22L));
    }
  }

  /** Aborted reads: a rolled-back write must never be seen. */
  static boolean g1a(Isolation level) {
    try (Database db = fixture()) {
      Transaction t1 = db.begin(level);
      Transaction t2 = db.begin(level);
      set(t1, "1", 101);
      boolean seen = all(t2).containsValue(101L);
      t1.rollback();
      seen |= all(t2).containsValue(101L);
      t2.commit();
      return !seen;
    }
  }

  /** Intermediate reads: a value a transaction overwrote before committing must never be seen. */
  static boolean g1b(Isolation level) {
    try (Database db = fixture()) {
      Transaction t1 = db.begin(level);
      Transaction t2 = db.begin(level);
      set(t1, "1", 101);
      boolean seen = all(t2).containsValue(101L);
      set(t1, "1", 11);
      t1.commit();
      seen |= all(t2).containsValue(101L);
      t2.commit();
      return !seen;
    }
  }

  /** Circular information flow: each of two concurrent writers must not see the other's write. */
  static boolean g1c(Isolation level) {
    try (Database db = fixture()) {
      Transaction t1 = db.begin(level);
      Transaction t2 = db.begin(level);
      set(t1, "1", 11);
      set(t2, "2", 22);
      long t1Saw = value(t1, "2");
      long t2Saw = value(t2, "1");
      t1.commit();
      attempt(t2::commit); // SERIALIZABLE refuses the second: each read what the other overwrote

      return t1Saw == 20 && t2Saw == 10;
    }
  }

  /** Observed transaction vanishes: every listing must show one committed state, never a mix. */
  static boolean otv(Isolation level) {
    try (Database db = fixture()) {
      Transaction t1 = db.begin(level);
      Transaction t2 = db.begin(level);
      Transaction t3 = db.begin(level);
      set(t1, "1", 11);
      set(t1, "2", 19);
      attempt(() -> set(t2, "1", 12));
      t1.commit();
      List<Map<String, Long>> seen = new ArrayList<>();
      seen.add(all(t3));
      attempt(() -> set(t2, "2", 18));
      seen.add(all(t3));
      attempt(t2::commit);
      seen.add(all(t3));
      t3.commit();
      List<Map<String, Long>> states = List.of(Map.of("1", 10L, "2", 20L), Map.of("1", 11L, "2", 19L), Map.of("1", 12L, "2", 18L));
      return states.containsAll(seen);
    }
  }

  /** Predicate-many-preceders: a predicate read repeated in a transaction must not see a later insert. */
  static boolean pmp(Isolation level) {
    try (Database db = fixture()) {
      Transaction t1 = db.begin(level);
      Transaction t2 = db.begin(level);
      boolean before = all(t1).containsValue(30L);
      insert(t2, "3", 30);
      t2.commit();
      boolean after = all(t1).containsValue(30L);
      t1.commit();
      return before == after;
    }
  }

  /** Lost update: two read-modify-writes of one octad must not both commit. */
  static boolean p4(Isolation level) {
    try (Database db = fixture()) {
      Transaction t1 = db.begin(level);
      Transaction t2 = db.begin(level);
      long read1 = value(t1, "1");
      long read2 = value(t2, "1");
      set(t1, "1", read1 + 1);
      boolean t2Wrote = attempt(() -> set(t2, "1", read2 + 1));
      t1.commit();
      boolean t2Committed = t2Wrote && attempt(t2::commit);
      return !t2Committed;
    }
  }

  /** Read skew: a transaction must not see one octad before and another after a concurrent commit. */
  static boolean gSingle(Isolation level) {
    try (Database db = fixture()) {
      Transaction t1 = db.begin(level);
      Transaction t2 = db.begin(level);
      long x = value(t1, "1");
      value(t2, "1");
      value(t2, "2");
      set(t2, "1", 12);
      set(t2, "2", 18);
      t2.commit();
      long y = value(t1, "2");
      t1.commit();
      return x + y == 30;
    }
  }

  /** Write skew: two transactions read both octads and each writes one; both must not commit. */
  static boolean g2Item(Isolation level) {
    try (Database db = fixture()) {
      Transaction t1 = db.begin(level);
      Transaction t2 = db.begin(level);
      value(t1, "1");
      value(t1, "2");
      value(t2, "1");
      value(t2, "2");
      set(t1, "1", 11);
      set(t2, "2", 21);
      boolean first = attempt(t1::commit);
      boolean second = attempt(t2::commit);
      return !(first && second);
    }
  }

  /** Anti-dependency cycles: two transactions list, then each inserts what the other's listing would match. */
  static boolean g2(Isolation level) {
    try (Database db = fixture()) {
      Transaction t1 = db.begin(level);
      Transaction t2 = db.begin(level);
      multiplesOfThree(t1);
      multiplesOfThree(t2);
      insert(t1, "3", 30);
      insert(t2, "4", 42);
      boolean first = attempt(t1::commit);
      boolean second = attempt(t2::commit);
      return !(first && second);
    }
  }

  // ---- the table

  static Database fixture() {
    Database db = VeriSimDB.openInMemory(DatabaseConfig.defaults());
    db.create(row("1", 10));
    db.create(row("2", 20));
    return db;
  }

  static OctadInput row(String id, long value) {
    return OctadInput.builder().id(id).with(DocumentFacet.of(Map.of("value", value))).build();
  }

  static void insert(Transaction tx, String id, long value) {
    tx.create(row(id, value));
  }

  static void set(Transaction tx, String id, long value) {
    tx.update(OctadId.of(id), OctadPatch.builder().set(Modality.DOCUMENT, "value", value).build());
  }

  static long value(OctadAccess reader, String id) {
    return valueOf(reader.get(id).orElseThrow());
  }

  static long valueOf(Octad octad) {
    return ((Value.Int) octad.document().orElseThrow().fields().get("value")).value();
  }

  /** The whole table, in one listing (one statement). */
  static Map<String, Long> all(OctadAccess reader) {
    Map<String, Long> rows = new TreeMap<>();
    reader.list(null, 100).items().forEach(o -> rows.put(o.id().value(), valueOf(o)));
    return rows;
  }

  static List<Long> multiplesOfThree(OctadAccess reader) {
    return all(reader).values().stream().filter(v -> v % 3 == 0).toList();
  }

  /** Runs a step that a level may refuse; false when it failed with a transaction error (the transaction is then over or aborted). */
  static boolean attempt(Runnable step) {
    try {
      step.run();
      return true;
    } catch (VeriSimException e) {
      if (e.code().retryable() || e.code() == ErrorCode.TRANSACTION_ABORTED) {
        return false;
      }
      throw e;
    }
  }
}
