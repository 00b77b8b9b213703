package org.verisimdb.vql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.verisimdb.vql.check.Bindings;
import org.verisimdb.vql.check.Catalog;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;

/** The error examples of VQL.md §10.2 and the rules behind them, each with the code the specification gives. */
class VqlDiagnosticsTest {

  static List<String> codes(String request, Catalog catalog) {
    return Vql.check(request, catalog, Bindings.NONE).stream().map(d -> d.code().id()).toList();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      SELECT GRAPH FORM OCTADS                                                 | VQL-SYNTAX-001
      INSERT INTO x                                                            | VQL-SYNTAX-001
      SHOW STATUS                                                              | VQL-SYNTAX-001
      SELECT id FROM OCTADS WHERE (h)-[:CITES                                  | VQL-SYNTAX-002
      SELECT id FROM OCTADS WHERE DOCUMENT.title = 'abc                        | VQL-SYNTAX-003
      SELECT id FROM OCTADS WHERE FULLTEXT MATCHES /abc                        | VQL-SYNTAX-003
      SELECT * /* FROM OCTADS                                                  | VQL-SYNTAX-004
      SELECT * FROM OCTADS WHERE DOCUMENT.a = 1 # note                         | VQL-SYNTAX-005
      SELECT id FROM OCTADS LIMIT 99999999999999999999                         | VQL-SYNTAX-006
      SELECT id FROM OCTADS WHERE SPATIAL WITHIN RADIUS(59.9, 10.7, 25km)      | VQL-SYNTAX-006
      SELECT id FROM OCTADS WHERE DOCUMENT.a = $0                              | VQL-SYNTAX-006
      SELECT id FROM OCTADS WHERE DOCUMENT.a = $01                             | VQL-SYNTAX-006
      SELECT id FROM OCTADS WHERE DOCUMENT.path = 'C:\\path'                    | VQL-SYNTAX-007
      SELECT * FROM OCTAD 'a' GARBAGE                                          | VQL-SYNTAX-008
      -- nothing but a comment                                                 | VQL-SYNTAX-009
      SELECT id FROM OCTADS WHERE (h)-[:CITES*3..1]->(x)                       | VQL-SYNTAX-010
      SELECT id FROM OCTADS WHERE (h)-[:CITES*-1..3]->(x)                      | VQL-SYNTAX-010
      SELECT id FROM OCTADS WHERE (h)-[:CITES*1.5]->(x)                        | VQL-SYNTAX-010
      COUNT OCTADS                                                             | VQL-SYNTAX-011
      VERSION 1.0                                                              | VQL-SYNTAX-011
      DRIFT REPAIR x                                                           | VQL-SYNTAX-011
      JABBERWOCKY                                                              | VQL-SYNTAX-011
      SELECT id FROM OCTADS PROOF EXISTENCE(*) OR ACCESS(*)                    | VQL-SYNTAX-012
      SELECT DOCUMNT.title FROM OCTADS                                         | VQL-NAME-001
      SELECT id FROM OCTADS WHERE SPATIAL.latitud > 50                         | VQL-NAME-002
      SELECT id FROM OCTADS WHERE paper.year > 2000                            | VQL-NAME-003
      SELECT id FROM OCTADS PROOF NOTARIZED(*)                                 | VQL-NAME-004
      SELECT id FROM OCTADS WHERE SATISFIES NoSuchContract                     | VQL-NAME-005
      SELECT id FROM STORE docs-mars-9                                         | VQL-NAME-006
      SELECT id FROM FEDERATION [atlantis]                                     | VQL-NAME-007
      SELECT id FROM FEDERATION /labs/* WITH DRIFT EVENTUAL                    | VQL-NAME-008
      SELECT id FROM OCTADS PROOF FRESHNESS(*) WITH maxage = 'PT1H'            | VQL-NAME-009
      SELECT id FROM OCTADS WHERE VECTOR SIMILAR TO [1, 2, 3, 4] USING MANHATTAN | VQL-NAME-010
      SELECT COUNT(*) AS score FROM OCTADS                                     | VQL-NAME-011
      SELECT id AS h FROM OCTADS                                               | VQL-NAME-011
      SELECT COUNT(*) AS n, SUM(DOCUMENT.x) AS n FROM OCTADS                   | VQL-NAME-011
      SELECT id FROM OCTADS WHERE SATISFIES ExportControl                      | VQL-NAME-012
      SELECT id FROM OCTADS WHERE TENSOR.rank LIKE '3%'                        | VQL-TYPE-001
      SELECT id FROM OCTADS WHERE FIELD title > TRUE                           | VQL-TYPE-001
      SELECT SUM(DOCUMENT.title) FROM OCTADS                                   | VQL-TYPE-003
      SELECT DOCUMENT.venue, COUNT(*) FROM OCTADS                              | VQL-TYPE-004
      SELECT id FROM OCTADS HAVING COUNT(*) > 1                                | VQL-TYPE-004
      SELECT id FROM OCTADS WHERE NOT VECTOR NEAREST 5 TO [0.1, 0.2, 0.3, 0.4] | VQL-TYPE-005
      SELECT id FROM OCTADS WHERE VECTOR NEAREST 5 TO [1, 2, 3, 4] AND SPATIAL NEAREST(1, 2, 3) | VQL-TYPE-005
      SELECT id FROM OCTADS WHERE AS OF 2025-01-01 OR DOCUMENT.a = 1           | VQL-TYPE-005
      SELECT id FROM OCTADS WHERE VECTOR NEAREST 5                             | VQL-TYPE-006
      SELECT id FROM OCTADS PROOF CUSTOM(*)                                    | VQL-TYPE-007
      SELECT id FROM OCTADS PROOF INTEGRITY(AgeOver18)                         | VQL-TYPE-008
      UPDATE OCTAD 'a' SET PROVENANCE.actor = 'x'                              | VQL-TYPE-009
      INSERT OCTAD 'a' WITH TENSOR(shape = [2, 2], data = [1, 2, 3])           | VQL-TYPE-010
      INSERT OCTAD 'a' WITH DOCUMENT(title = 'x'), DOCUMENT(title = 'y')       | VQL-TYPE-010
      UPDATE OCTAD 'a' SET DOCUMENT.x = 1, DOCUMENT.x = 2                      | VQL-TYPE-010
      SELECT id, DRIFT(VECTOR, VECTOR) FROM OCTADS                             | VQL-TYPE-012
      SELECT * FROM OCTAD sensor-7                                             | VQL-VALUE-001
      SELECT * FROM OCTAD 'has space'                                          | VQL-VALUE-001
      SELECT id FROM OCTADS WHERE SPATIAL WITHIN RADIUS(95.0, 10.0, 3)         | VQL-VALUE-002
      SELECT id FROM OCTADS WHERE WITHIN POLYGON('POLYGON((0 0, 1 1))')        | VQL-VALUE-003
      SELECT id FROM OCTADS WHERE WITHIN BOUNDS(10, 0, 5, 1)                   | VQL-VALUE-003
      SELECT id FROM OCTADS PROOF FRESHNESS(*) WITH max_age = '1 hour'         | VQL-VALUE-004
      SELECT id FROM OCTADS WHERE FULLTEXT MATCHES /[a-/                       | VQL-VALUE-005
      SELECT id FROM OCTADS WHERE VECTOR NEAREST 0 TO [1, 2, 3, 4]             | VQL-VALUE-006
      SELECT id FROM OCTADS WHERE SPATIAL WITHIN RADIUS(0, 0, -1)              | VQL-VALUE-006
      SELECT id FROM OCTADS PROOF CONSISTENCY(*) WITH max_drift = 1.5          | VQL-VALUE-006
      SELECT id FROM OCTADS LIMIT -1                                           | VQL-VALUE-006
      SELECT id FROM OCTADS OFFSET -5                                          | VQL-VALUE-006
      SELECT id FROM OCTADS AS OF 2025-02-30                                   | VQL-VALUE-007
      SELECT id FROM OCTADS WHERE FULLTEXT CONTAINS '  --  '                   | VQL-VALUE-008
      SELECT id FROM OCTADS LIMIT 50000                                        | VQL-LIMIT-001
      SELECT id FROM OCTADS WHERE (h)-[:CITES*1..40]->(x)                      | VQL-LIMIT-002
      SELECT id FROM OCTADS WHERE DOCUMENT.a = $1 AND DOCUMENT.b = :tag        | VQL-PARAM-002
      SELECT id, similarity FROM OCTADS                                        | VQL-WARN-001
      SELECT id, id FROM OCTADS                                                | VQL-WARN-002
      SELECT id FROM FEDERATION /mars/* WITH DRIFT LATEST                      | VQL-WARN-003
      SELECT id FROM OCTADS WHERE DOCUMENT.a = NULL                            | VQL-WARN-006
      """)
  void reportsTheSpecifiedCode(String request, String code) {
    Catalog catalog = Catalogs.examples().withVectorDimension(4);
    assertThat(codes(request, catalog)).as(request).contains(code);
  }

  @Test
  void dimensionMismatchNeedsAKnownDimension() {
    String q = "SELECT id FROM OCTADS WHERE VECTOR SIMILAR TO [0.1, 0.2]";
    assertThat(codes(q, Catalog.offline().withVectorDimension(384))).containsExactly("VQL-TYPE-002");
    assertThat(codes(q, Catalog.offline())).isEmpty();
  }

  @Test
  void messagesCarryPositionsAndHints() {
    List<Diagnostic> d = Vql.check("SELECT GRAPH FORM OCTADS", Catalog.offline(), Bindings.NONE);
    assertThat(d.getFirst().message()).isEqualTo("expected FROM or ',' but found 'FORM'; did you mean FROM?");
    assertThat(d.getFirst().span().line()).isEqualTo(1);
    assertThat(d.getFirst().span().column()).isEqualTo(14);
    assertThat(d.getFirst().span().endColumn()).isEqualTo(18);
    assertThat(d.getFirst().hint()).isEqualTo("did you mean FROM?");
    Diagnostic modality = Vql.check("SELECT GRAPH, VECTR.embedding FROM OCTADS", Catalog.offline(), Bindings.NONE).getFirst();
    assertThat(modality.render("SELECT GRAPH, VECTR.embedding FROM OCTADS")).startsWith("1:15 error VQL-NAME-001 unknown modality 'VECTR'")
        .contains("               ^^^^^^^^^^^^^^^").contains("hint: did you mean VECTOR?");
    Diagnostic id = Vql.check("SELECT * FROM OCTAD sensor-7", Catalog.offline(), Bindings.NONE).getFirst();
    assertThat(id.hint()).isEqualTo("quote it: 'sensor-7'");
  }

  @Test
  void reportsSeveralSyntaxErrorsInOnePass() {
    List<Diagnostic> d = Vql.parse("SELECT id FROM OCTADS WHERE DOCUMENT.a = = 1 ORDER BY LIMIT 5 OFFSET x").diagnostics();
    assertThat(d).extracting(Diagnostic::code).containsExactly(DiagnosticCode.SYNTAX_001, DiagnosticCode.SYNTAX_001, DiagnosticCode.SYNTAX_001);
  }

  @Test
  void bindsParametersAtCheckTime() {
    String q = "SELECT id FROM OCTADS WHERE DOCUMENT.a = $1 LIMIT $2";
    assertThat(Vql.check(q, Catalog.offline(), Bindings.positional(List.of("x", "ten")))).extracting(d -> d.code().id())
        .containsExactly("VQL-TYPE-011");
    assertThat(Vql.check(q, Catalog.offline(), Bindings.positional(List.of("x")))).extracting(d -> d.code().id())
        .containsExactly("VQL-PARAM-001");
    assertThat(Vql.check(q, Catalog.offline(), Bindings.positional(List.of("x", 5L, 7L)))).extracting(d -> d.code().id())
        .containsExactly("VQL-PARAM-002");
    assertThat(Vql.check(q, Catalog.offline(), Bindings.positional(List.of("x", 50000L)))).extracting(d -> d.code().id())
        .containsExactly("VQL-LIMIT-001");
    assertThat(Vql.check("SELECT id FROM OCTADS WHERE DOCUMENT.a = :tag", Catalog.offline(), Bindings.named(Map.of("tag", "x")))).isEmpty();
  }

  @Test
  void nestingIsBoundedWithItsOwnCode() {
    String deep = "SELECT id FROM OCTADS WHERE " + "(".repeat(300) + "DOCUMENT.a = 1" + ")".repeat(300);
    assertThat(Vql.parse(deep).diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.LIMIT_004);
    String nots = "SELECT id FROM OCTADS WHERE " + "NOT ".repeat(100_000) + "DOCUMENT.a = 1";
    assertThat(Vql.parse(nots).diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.LIMIT_004);
    assertThat(Vql.parse("SELECT id FROM OCTADS WHERE DOCUMENT.a = " + "[".repeat(5000)).diagnostics())
        .extracting(Diagnostic::code).containsExactly(DiagnosticCode.LIMIT_004);
  }

  @Test
  void statementsLongerThanOneMebibyteAreRejected() {
    String big = "SELECT id FROM OCTADS WHERE DOCUMENT.a = '" + "x".repeat(1 << 20) + "'";
    assertThat(Vql.parse(big).diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.LIMIT_003);
  }

  @Test
  void scriptsSplitAtSemicolonsOutsideStringsCommentsAndGlobs() {
    String script = "SELECT id FROM OCTADS WHERE DOCUMENT.a = 'x;y'; -- c; d\nSELECT id FROM FEDERATION /*; /* ; */ COMMIT;;";
    assertThat(Vql.parseScript(script).statements()).hasSize(3).allSatisfy(s -> assertThat(s.diagnostics()).isEmpty());
    assertThat(Vql.parseScript("  ;; -- only comments\n").statements()).isEmpty();
    assertThat(Vql.checkScript("  ;; -- only comments\n", Catalog.offline())).isEmpty();
  }

  @Test
  void everyCodeHasAStableDistinctId() {
    assertThat(java.util.Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::id).distinct()).hasSize(DiagnosticCode.values().length);
    assertThat(DiagnosticCode.byId("vql-syntax-001")).isEqualTo(DiagnosticCode.SYNTAX_001);
    assertThat(DiagnosticCode.WARN_001.severity().label()).isEqualTo("warning");
    assertThat(DiagnosticCode.TX_003.retryable()).isTrue();
  }
}
