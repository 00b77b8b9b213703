package org.verisimdb.engine.query.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.ClockedDatabases;
import org.verisimdb.engine.SettableClock;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.vql.check.Bindings;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * Random octads, changed, deleted and added in a second round of writes, and random SELECTs over
 * the current view and AS OF the first round or VERSION 1: the engine's page (ids and projected values, in order), its
 * next_cursor, the pages its cursors continue with, and its VQL-WARN-008 must equal those of a
 * naive reference evaluator over the same data ({@link RefQuery}, {@link RefCond}). Whatever plan
 * the engine picks (index pushdown, quantifier placement, a bounded ordering heap), VQL.md §1.4
 * requires the rows of the definition. A failure names the seed and the statement;
 * {@code -Dvql.diff.seed=N} runs seed N alone.
 */
class DifferentialTest {
  private static final DatabaseConfig CONFIG = DatabaseConfig.defaults().withBackend("memory").withAutoEmbedding(false).withVectorDimension(4);
  private static final int QUERIES_PER_SEED = 150;
  private static final int PAGES_FOLLOWED = 3;
  private static final int REPORTED = 8;
  /** Commit times of the generated octads and of the changes to them; queries AS OF a time between see the first round. */
  private static final Instant FIRST_ROUND = Instant.parse("2024-06-01T00:00:00Z");
  private static final Instant SECOND_ROUND = Instant.parse("2025-06-01T00:00:00Z");

  static Stream<Long> seeds() {
    String one = System.getProperty("vql.diff.seed");
    return one != null ? Stream.of(Long.parseLong(one)) : LongStream.rangeClosed(1, 10).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void engineAgreesWithTheReference(long seed) {
    Model original = Model.random(seed);
    Model.Evolution evolution = original.evolve(new Random(seed * 104729 + 3));
    List<String> failures = new ArrayList<>();
    SettableClock clock = new SettableClock(FIRST_ROUND);
    try (Database db = ClockedDatabases.openInMemory(CONFIG, clock); VqlSession session = db.vql()) {
      original.octads().forEach(o -> db.create(Model.input(o)));
      clock.set(SECOND_ROUND);
      for (Model.Octad o : evolution.changed()) {
        db.update(OctadId.of(o.id()), Model.patch(original.get(o.id()), o));
      }
      evolution.deleted().forEach(id -> db.delete(OctadId.of(id)));
      evolution.added().forEach(o -> db.create(Model.input(o)));
      RandomQueries queries = new RandomQueries(new Random(seed * 7919 + 1), evolution.current());
      for (int i = 0; i < QUERIES_PER_SEED; i++) {
        RefQuery q = queries.next();
        Model view = q.asOf() == null ? evolution.current() : q.asOf().startsWith("VERSION") ? evolution.versionOne() : original;
        String problem = compare(session, q, view);
        if (problem != null) {
          failures.add("seed " + seed + ", query " + i + ": " + q.vql() + "\n    " + problem);
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + QUERIES_PER_SEED + " queries disagree with the reference; the first ones:\n"
          + String.join("\n", failures.subList(0, Math.min(REPORTED, failures.size()))));
    }
  }

  /** Null when the engine's answers equal the expected ones, else what differs. */
  private static String compare(VqlSession session, RefQuery q, Model model) {
    RefQuery.Expected expected = q.expected(model);
    Page page;
    try {
      page = Page.of(session, q.vql(), Bindings.NONE);
    } catch (VqlException e) {
      return "engine failed: " + e.code().id() + " " + e.getMessage();
    }
    if (!page.rows().equals(expected.rows())) {
      return "expected rows " + expected.rows() + "\n    but got      " + page.rows();
    }
    boolean more = page.cursor() != null;
    if (more != expected.more()) {
      return "expected " + (expected.more() ? "a next_cursor" : "no next_cursor") + " but got " + (more ? "one" : "none");
    }
    if (page.ignoredNonNumeric() != expected.ignoredNonNumeric()) {
      return "expected " + (expected.ignoredNonNumeric() ? "" : "no ") + "VQL-WARN-008 but got " + (page.ignoredNonNumeric() ? "it" : "none");
    }
    for (int k = 0; k < PAGES_FOLLOWED && page.cursor() != null; k++) {
      List<?> want = q.followingPage(model, k);
      try {
        page = Page.of(session, q.continuation(), Bindings.positional(List.of(page.cursor())));
      } catch (VqlException e) {
        return "continuing with the cursor of page " + k + " failed: " + e.code().id() + " " + e.getMessage();
      }
      if (!page.rows().equals(want)) {
        return "page " + (k + 1) + " after the cursor: expected " + want + "\n    but got " + page.rows();
      }
    }
    return null;
  }

  /** One answer: its rows as plain maps, its cursor and whether it warned VQL-WARN-008. */
  private record Page(List<Object> rows, String cursor, boolean ignoredNonNumeric) {
    static Page of(VqlSession session, String statement, Bindings params) {
      try (Result r = session.execute(statement, params)) {
        List<Object> rows = new ArrayList<>();
        r.rows().forEachRemaining(row -> rows.add(ValueJson.toPlain(row)));
        return new Page(rows, r.nextCursor(), r.warnings().stream().anyMatch(d -> d.code() == DiagnosticCode.WARN_008));
      }
    }
  }

  /** §5.8: "When more rows exist after the page, the result carries next_cursor", groups included. */
  @Test
  void aggregatePagesCarryANextCursor() {
    try (Database db = VeriSimDB.openInMemory(CONFIG); VqlSession session = db.vql()) {
      for (String venue : List.of("A", "B", "C")) {
        db.create(OctadInput.builder().id("p-" + venue).with(DocumentFacet.of(Map.of("venue", venue))).build());
      }
      Page first = Page.of(session, "SELECT DOCUMENT.venue, COUNT(*) AS n FROM OCTADS GROUP BY DOCUMENT.venue LIMIT 2", Bindings.NONE);
      assertThat(first.rows()).hasSize(2);
      assertThat(first.cursor()).isNotNull();
      Page second = Page.of(session, "SELECT DOCUMENT.venue, COUNT(*) AS n FROM OCTADS GROUP BY DOCUMENT.venue LIMIT 2 CURSOR $1",
          Bindings.positional(List.of(first.cursor())));
      assertThat(second.rows()).isEqualTo(List.of(Map.of("document", Map.of("venue", "C"), "n", 1L)));
      assertThat(second.cursor()).isNull();
    }
  }
}
