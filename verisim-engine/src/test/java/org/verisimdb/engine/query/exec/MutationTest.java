package org.verisimdb.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Bindings;
import org.verisimdb.vql.diag.DiagnosticCode;

/** INSERT, UPDATE and DELETE end to end (VQL.md §5.9–5.12): what is written, what is returned, and that a failure writes nothing. */
class MutationTest {
  static final DatabaseConfig CONFIG = DatabaseConfig.defaults().withBackend("memory").withAutoEmbedding(false).withVectorDimension(4);
  static final String STATION = """
      INSERT OCTAD 'station-0042'
      WITH DOCUMENT(title = 'Tide gauge 42', kind = 'station', installed = 2019-05-14),
        VECTOR([0.02, 0.11, -0.37, 0.9]),
        GRAPH(PART_OF, 'network-7'),
        GRAPH(CALIBRATED_BY, 'lab-3'),
        TENSOR(shape = [2, 3], data = [1, 2, 3, 4, 5, 6], dtype = 'int32'),
        SEMANTIC(types = ['Sensor', 'TideGauge'], owner = 'coastal-agency'),
        TEMPORAL(label = 'commissioned'),
        PROVENANCE(event_type = 'imported', source = 'survey-2019.csv'),
        SPATIAL(lat = 63.4305, lon = 10.3951)
      RETURNING id, TEMPORAL.version""";

  Database db;
  VqlSession team;

  @BeforeEach
  void open() {
    db = VeriSimDB.openInMemory(CONFIG);
    team = db.vql("field-team-2");
  }

  @AfterEach
  void close() {
    team.close();
    db.close();
  }

  static List<Object> rows(VqlSession s, String vql) {
    return rows(s, vql, Bindings.NONE);
  }

  static List<Object> rows(VqlSession s, String vql, Bindings bindings) {
    try (Result r = s.execute(vql, bindings)) {
      List<Object> out = new ArrayList<>();
      r.rows().forEachRemaining(row -> out.add(ValueJson.toPlain(row)));
      return out;
    }
  }

  static Object one(VqlSession s, String vql) {
    List<Object> rows = rows(s, vql);
    assertThat(rows).hasSize(1);
    return rows.getFirst();
  }

  static VqlException failure(VqlSession s, String vql) {
    try (Result r = s.execute(vql)) {
      throw new AssertionError("expected " + vql + " to fail, got " + r.columns());
    } catch (VqlException e) {
      return e;
    }
  }

  /** A map keeping its members in order, nulls allowed. */
  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void insertOfAllEightModalitiesReturnsTheNewVersionAndReadsBackExactly() {
    try (Result r = team.execute(STATION)) {
      assertThat(r.columns()).containsExactly(new Column("id", "string"), new Column("temporal.version", "integer"));
      assertThat(ValueJson.toPlain(r.rows().next())).isEqualTo(obj("id", "station-0042", "temporal", obj("version", 1L)));
    }

    Object row = one(team, "SELECT DOCUMENT, VECTOR.embedding, GRAPH.edges, TENSOR(shape, dtype, data), SEMANTIC(types, properties),"
        + " TEMPORAL(version, label, modified_by), PROVENANCE(event_type, actor, origin, chain_length, chain_valid), SPATIAL(lat, lon, srid, wkt)"
        + " FROM OCTAD 'station-0042'");

    assertThat(row).isEqualTo(obj(
        "id", "station-0042",
        "document", obj("installed", "2019-05-14T00:00:00Z", "kind", "station", "title", "Tide gauge 42"),
        "vector", obj("embedding", List.of(0.02, 0.11, -0.37, 0.9)),
        "graph", obj("edges", List.of(obj("predicate", "CALIBRATED_BY", "target", "lab-3"), obj("predicate", "PART_OF", "target", "network-7"))),
        "tensor", obj("shape", List.of(2L, 3L), "dtype", "int32", "data", List.of(1L, 2L, 3L, 4L, 5L, 6L)),
        "semantic", obj("types", List.of("Sensor", "TideGauge"), "properties", obj("owner", "coastal-agency")),
        "temporal", obj("version", 1L, "label", "commissioned", "modified_by", List.of("field-team-2")),
        "provenance", obj("event_type", List.of("created", "imported"), "actor", List.of("field-team-2", "field-team-2"),
            "origin", "survey-2019.csv", "chain_length", 2L, "chain_valid", true),
        "spatial", obj("lat", 63.4305, "lon", 10.3951, "srid", 4326L, "wkt", "POINT (10.3951 63.4305)")));
  }

  @Test
  void insertWithoutAnIdGeneratesAUuidAndAnswersIdOperationVersion() {
    try (Result r = team.execute("INSERT OCTAD WITH DOCUMENT(title = 'untitled draft')")) {
      assertThat(r.columns()).extracting(Column::name).containsExactly("id", "operation", "version");
      @SuppressWarnings("unchecked")
      Map<String, Object> row = (Map<String, Object>) ValueJson.toPlain(r.rows().next());
      String id = (String) row.get("id");
      assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(row).isEqualTo(obj("id", id, "operation", "insert", "version", 1L));
      assertThat(rows(team, "SELECT DOCUMENT.title FROM OCTAD '" + id + "'")).containsExactly(obj("id", id, "document",
          obj("title", "untitled draft")));
    }
  }

  @Test
  void insertingAnExistingIdIsExec002AndLeavesTheOctadAsItWas() {
    rows(team, "INSERT OCTAD 'a' WITH DOCUMENT(title = 'first')");
    VqlException e = failure(team, "INSERT OCTAD 'a' WITH DOCUMENT(title = 'second')");
    assertThat(e.code()).isEqualTo(DiagnosticCode.EXEC_002);
    assertThat(rows(team, "SELECT DOCUMENT.title, TEMPORAL.version FROM OCTAD 'a'"))
        .containsExactly(obj("id", "a", "document", obj("title", "first"), "temporal", obj("version", 1L)));
  }

  @Test
  void parametersStandForValuesInsideModalityData() {
    Bindings b = Bindings.named(Map.of("id", "p-1", "title", "Bound title", "vec", List.of(1, 0, 0.5, 0), "year", 2021, "label", "v1"));
    rows(team, "INSERT OCTAD :id WITH DOCUMENT(title = :title, year = :year), VECTOR(:vec), TEMPORAL(label = :label)", b);
    assertThat(rows(team, "SELECT DOCUMENT, VECTOR.embedding, TEMPORAL.label FROM OCTAD 'p-1'")).containsExactly(obj("id", "p-1",
        "document", obj("title", "Bound title", "year", 2021L), "vector", obj("embedding", List.of(1.0, 0.0, 0.5, 0.0)),
        "temporal", obj("label", "v1")));
  }

  @Test
  void updateSetChangesFieldsRemovesNullsCreatesAModalityAndLabelsTheVersion() {
    rows(team, "INSERT OCTAD 'doc-1' WITH DOCUMENT(title = 'Draft', status = 'draft', draft_note = 'todo'), SEMANTIC(owner = 'a', tag = 't')");
    Object returned = one(team, "UPDATE OCTAD 'doc-1' SET DOCUMENT.status = 'final', DOCUMENT.draft_note = NULL,"
        + " SEMANTIC.properties.tag = NULL, SEMANTIC.types = ['Report'], SPATIAL.lat = 59.9, SPATIAL.lon = 10.7, TEMPORAL.label = 'final'"
        + " RETURNING DOCUMENT, SEMANTIC(types, properties), SPATIAL(lat, lon), TEMPORAL(version, label), PROVENANCE.last_event_type");
    assertThat(returned).isEqualTo(obj("id", "doc-1",
        "document", obj("status", "final", "title", "Draft"),
        "semantic", obj("types", List.of("Report"), "properties", obj("owner", "a")),
        "spatial", obj("lat", 59.9, "lon", 10.7),
        "temporal", obj("version", 2L, "label", "final"),
        "provenance", obj("last_event_type", "modified")));
    assertThat(one(team, "SELECT DOCUMENT, TEMPORAL.version FROM OCTAD 'doc-1'"))
        .isEqualTo(obj("id", "doc-1", "document", obj("status", "final", "title", "Draft"), "temporal", obj("version", 2L)));
  }

  @Test
  void updateWithReplacesNamedModalitiesAndTheWholeEdgeSetAndAppendsTheUserRecord() {
    rows(team, "INSERT OCTAD 'n-1' WITH DOCUMENT(title = 'old', extra = 1), GRAPH(A, 'x'), GRAPH(B, 'y'), SPATIAL(lat = 1, lon = 2)");
    Object returned = one(team, "UPDATE OCTAD 'n-1' WITH DOCUMENT(title = 'new'), GRAPH(D, 'w'), GRAPH(C, 'z'),"
        + " PROVENANCE(action = 'reviewed', actor = 'editor-9', description = 'checked') RETURNING id, DOCUMENT, GRAPH.edges, SPATIAL.lat,"
        + " PROVENANCE(event_type, actor)");
    assertThat(returned).isEqualTo(obj("id", "n-1",
        "document", obj("title", "new"),
        "graph", obj("edges", List.of(obj("predicate", "C", "target", "z"), obj("predicate", "D", "target", "w"))),
        "spatial", obj("lat", 1.0),
        "provenance", obj("event_type", List.of("created", "modified", "reviewed"), "actor", List.of("field-team-2", "field-team-2", "editor-9"))));
    assertThat(one(team, "SELECT GRAPH.edge_to, TEMPORAL.version_count FROM OCTAD 'n-1'"))
        .isEqualTo(obj("id", "n-1", "graph", obj("edge_to", List.of("z", "w")), "temporal", obj("version_count", 2L)));
  }

  @Test
  void updateErrorsCarryTheirCodes() {
    rows(team, "INSERT OCTAD 'a' WITH DOCUMENT(title = 'x')");
    VqlException readOnly = failure(team, "UPDATE OCTAD 'a' SET PROVENANCE.actor = 'x'");
    assertThat(readOnly.code()).isEqualTo(DiagnosticCode.TYPE_009);
    assertThat(readOnly.position()).isNotNull();
    assertThat(readOnly.position().column()).isEqualTo(22);
    assertThat(failure(team, "UPDATE OCTAD 'ghost' SET DOCUMENT.title = 'x'").code()).isEqualTo(DiagnosticCode.EXEC_001);
    VqlException halfLocation = failure(team, "UPDATE OCTAD 'a' SET SPATIAL.lat = 10");
    assertThat(halfLocation.code()).isEqualTo(DiagnosticCode.VALUE_002);
    assertThat(failure(team, "UPDATE OCTAD 'a' SET TEMPORAL.valid_from = NULL").code()).isEqualTo(DiagnosticCode.EXEC_004);
    assertThat(one(team, "SELECT TEMPORAL.version, SPATIAL.lat FROM OCTAD 'a'"))
        .isEqualTo(obj("id", "a", "temporal", obj("version", 1L), "spatial", obj("lat", null)));
  }

  @Test
  void deleteReturnsThePreDeleteStateAndHistoryStaysReadable() {
    rows(team, "INSERT OCTAD 'draft-778' WITH DOCUMENT(title = 'Old draft')");
    assertThat(one(team, "DELETE OCTAD 'draft-778' RETURNING id, DOCUMENT.title, TEMPORAL.version"))
        .isEqualTo(obj("id", "draft-778", "document", obj("title", "Old draft"), "temporal", obj("version", 1L)));
    assertThat(rows(team, "SELECT id FROM OCTAD 'draft-778'")).isEmpty();
    assertThat(rows(team, "SELECT DOCUMENT.title FROM OCTAD 'draft-778' AS OF VERSION 1"))
        .containsExactly(obj("id", "draft-778", "document", obj("title", "Old draft")));
    assertThat(failure(team, "DELETE OCTAD 'draft-778'").code()).isEqualTo(DiagnosticCode.EXEC_001);

    rows(team, "INSERT OCTAD 'draft-778' WITH DOCUMENT(title = 'Again')");
    assertThat(one(team, "DELETE OCTAD 'draft-778'")).isEqualTo(obj("id", "draft-778", "operation", "delete", "version", 4L));
    assertThat(rows(team, "SELECT PROVENANCE.event_type FROM OCTAD 'draft-778' AS OF VERSION 3"))
        .containsExactly(obj("id", "draft-778", "provenance", obj("event_type", List.of("created", "deleted", "created"))));
  }

  @Test
  void aTransactionsWritesAreVisibleOnlyToItUntilCommitAndRollbackDiscardsThem() {
    try (VqlSession other = db.vql("other")) {
      rows(team, "BEGIN");
      rows(team, "INSERT OCTAD 't-1' WITH DOCUMENT(title = 'pending')");
      rows(team, "UPDATE OCTAD 't-1' SET DOCUMENT.title = 'pending 2'");
      assertThat(rows(team, "SELECT DOCUMENT.title, TEMPORAL.version FROM OCTAD 't-1'"))
          .containsExactly(obj("id", "t-1", "document", obj("title", "pending 2"), "temporal", obj("version", 2L)));
      assertThat(rows(other, "SELECT id FROM OCTAD 't-1'")).isEmpty();
      rows(team, "ROLLBACK");
      assertThat(rows(team, "SELECT id FROM OCTAD 't-1'")).isEmpty();
      assertThat(rows(other, "SELECT id FROM OCTADS")).isEmpty();

      rows(team, "BEGIN");
      rows(team, "INSERT OCTAD 't-2' WITH DOCUMENT(title = 'kept')");
      rows(team, "COMMIT");
      assertThat(rows(other, "SELECT DOCUMENT.title FROM OCTADS")).containsExactly(obj("id", "t-2", "document", obj("title", "kept")));
    }
  }

  @Test
  void aMutationThatFailsAfterWritingLeavesNothingInAutocommitOrInAnOpenTransaction() {
    rows(team, "INSERT OCTAD 'a' WITH DOCUMENT(title = 'one'), VECTOR([1, 0, 0, 0])");
    // The RETURNING item fails after the update is staged: this node measures no GRAPH-SEMANTIC drift.
    String failing = "UPDATE OCTAD 'a' SET DOCUMENT.title = 'two' RETURNING DRIFT(GRAPH, SEMANTIC)";
    assertThat(failure(team, failing).code()).isEqualTo(DiagnosticCode.EXEC_004);
    assertThat(one(team, "SELECT DOCUMENT.title, TEMPORAL.version FROM OCTAD 'a'"))
        .isEqualTo(obj("id", "a", "document", obj("title", "one"), "temporal", obj("version", 1L)));

    rows(team, "BEGIN");
    rows(team, "INSERT OCTAD 'b' WITH DOCUMENT(title = 'draft')");
    rows(team, "UPDATE OCTAD 'b' SET DOCUMENT.title = 'in tx'");
    // Undone to the state before the statement: b's second version, staged by the previous statement, stays.
    assertThat(failure(team, "UPDATE OCTAD 'b' SET DOCUMENT.title = 'lost' RETURNING DRIFT(GRAPH, SEMANTIC)").code())
        .isEqualTo(DiagnosticCode.EXEC_004);
    assertThat(failure(team, failing).code()).isEqualTo(DiagnosticCode.EXEC_004);
    assertThat(failure(team, "INSERT OCTAD 'c' WITH DOCUMENT(title = 'c') RETURNING DRIFT(GRAPH, SEMANTIC)").code())
        .isEqualTo(DiagnosticCode.EXEC_004);
    assertThat(rows(team, "SELECT DOCUMENT.title, TEMPORAL.version FROM OCTADS")).containsExactly(
        obj("id", "a", "document", obj("title", "one"), "temporal", obj("version", 1L)),
        obj("id", "b", "document", obj("title", "in tx"), "temporal", obj("version", 2L)));
    rows(team, "COMMIT");
    assertThat(rows(team, "SELECT DOCUMENT.title, TEMPORAL.version FROM OCTADS")).containsExactly(
        obj("id", "a", "document", obj("title", "one"), "temporal", obj("version", 1L)),
        obj("id", "b", "document", obj("title", "in tx"), "temporal", obj("version", 2L)));
    assertThat(one(team, "SELECT PROVENANCE.event_type FROM OCTAD 'b'"))
        .isEqualTo(obj("id", "b", "provenance", obj("event_type", List.of("created", "modified"))));
  }

  @Test
  void aMutationWhoseProofFailsWritesNothingAndOneWhoseProofHoldsHasACertificate() {
    VqlException e = failure(team, STATION.replace("RETURNING", "PROOF SANCTIFY(*) RETURNING"));
    assertThat(e.code()).isEqualTo(DiagnosticCode.PROOF_001);
    assertThat(rows(team, "SELECT id FROM OCTADS")).isEmpty();

    try (Result r = team.execute("INSERT OCTAD 'a' WITH DOCUMENT(title = 'one') PROOF EXISTENCE(*)")) {
      r.rows().forEachRemaining(row -> { });
      assertThat(r.certificate()).isNotNull();
      assertThat(r.certificate().get("statement")).isEqualTo(new org.verisimdb.vql.ast.Value.Str(
          "INSERT OCTAD 'a'\nWITH DOCUMENT(title = 'one')\nPROOF EXISTENCE(*)"));
    }
    rows(team, "BEGIN");
    rows(team, "INSERT OCTAD 'b' WITH DOCUMENT(title = 'two')");
    assertThat(failure(team, "UPDATE OCTAD 'a' SET DOCUMENT.title = 'changed' PROOF SANCTIFY(*)").code()).isEqualTo(DiagnosticCode.PROOF_001);
    assertThat(failure(team, "DELETE OCTAD 'b' PROOF SANCTIFY(*)").code()).isEqualTo(DiagnosticCode.PROOF_001);
    assertThat(failure(team, "INSERT OCTAD 'c' WITH DOCUMENT(title = 'three') PROOF SANCTIFY(*)").code()).isEqualTo(DiagnosticCode.PROOF_001);
    rows(team, "COMMIT");
    assertThat(rows(team, "SELECT DOCUMENT.title, TEMPORAL.version FROM OCTADS")).containsExactly(
        obj("id", "a", "document", obj("title", "one"), "temporal", obj("version", 1L)),
        obj("id", "b", "document", obj("title", "two"), "temporal", obj("version", 1L)));
  }

  @Test
  void rejectedDataIsReportedWithItsCodeAtTheDatum() {
    VqlException e = failure(team, "INSERT OCTAD 'w' WITH DOCUMENT(title = 'x'), SPATIAL(wkt = 'POINT (10 63)', lat = 1, lon = 2)");
    assertThat(e.code()).isEqualTo(DiagnosticCode.VALUE_002);
    assertThat(e.position().column()).isEqualTo(46);
    assertThat(rows(team, "SELECT id FROM OCTADS")).isEmpty();
    assertThatThrownBy(() -> rows(team, "INSERT OCTAD 'w' WITH TENSOR(shape = [2], data = [1, 2], dtype = 'int32'), "
        + "TENSOR(shape = [1], data = [1])")).isInstanceOfSatisfying(VqlException.class, x -> assertThat(x.code()).isEqualTo(DiagnosticCode.TYPE_010));
  }
}
