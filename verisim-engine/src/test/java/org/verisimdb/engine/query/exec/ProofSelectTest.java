package org.verisimdb.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.verisimdb.engine.query.proof.Certificate;
import org.verisimdb.engine.query.proof.CertificateCheck;
import org.verisimdb.engine.query.proof.Merkle;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.model.write.ProvenanceEvent;
import org.verisimdb.vql.Vql;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Bindings;
import org.verisimdb.vql.diag.DiagnosticCode;

/** SELECT with PROOF end to end (VQL.md §7): rows with a certificate that checks offline, or VQL-PROOF-001 and no rows. */
class ProofSelectTest {
  static final DatabaseConfig CONFIG = DatabaseConfig.defaults().withBackend("memory").withAutoEmbedding(false).withVectorDimension(4);
  static Database db;

  @BeforeAll
  static void load() {
    db = VeriSimDB.openInMemory(CONFIG);
    db.create(OctadInput.builder().id("p1").with(document("Tidal energy", 2019)).with(SpatialFacet.point(59.91, 10.75))
        .with(VectorFacet.of(new double[] {1, 0, 0, 0}, null)).with(GraphFacet.of(Edge.to("CITES", "p2"))).build());
    db.create(OctadInput.builder().id("p2").with(document("Tidal turbines", 1985)).with(VectorFacet.of(new double[] {0, 1, 0, 0}, null))
        .build());
    db.create(OctadInput.builder().id("p3").with(document("Wave power", 2021)).build());
    db.update(OctadId.of("p1"), OctadPatch.builder().set(Modality.DOCUMENT, "year", 2020L)
        .provenance(new ProvenanceEvent("reviewed", "editor", "review-7", null)).build());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static DocumentFacet document(String title, long year) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("year", year);
    return DocumentFacet.of(fields);
  }

  /** The rows, certificate and warning codes of one statement. */
  record Answer(List<Value.Obj> rows, Value.Obj certificate, List<String> warnings) {
    List<String> canonicalRows() {
      return rows.stream().map(Certificate::canonical).toList();
    }

    List<Value.Obj> obligations(int proof) {
      Value.Obj entry = (Value.Obj) ((Value.Arr) certificate.get("proofs")).elements().get(proof);
      return ((Value.Arr) ((Value.Obj) entry.get("evidence")).get("octads")).elements().stream().map(v -> (Value.Obj) v).toList();
    }
  }

  static Answer run(VqlSession s, String vql, Bindings bindings) {
    try (Result r = s.execute(vql, bindings)) {
      List<Value.Obj> rows = new ArrayList<>();
      r.rows().forEachRemaining(rows::add);
      return new Answer(rows, r.certificate(), r.warnings().stream().map(d -> d.code().id()).toList());
    }
  }

  static Answer run(String vql) {
    return run(vql, Bindings.NONE);
  }

  static Answer run(String vql, Bindings bindings) {
    try (VqlSession s = db.vql()) {
      return run(s, vql, bindings);
    }
  }

  static VqlException failure(String vql) {
    try (VqlSession s = db.vql()) {
      List<Value.Obj> rows = new ArrayList<>();
      Throwable thrown = null;
      try (Result r = s.execute(vql, Bindings.NONE)) {
        r.rows().forEachRemaining(rows::add);
      } catch (VqlException e) {
        thrown = e;
      }
      assertThat(rows).as("a failed proof returns no rows").isEmpty();
      assertThat(thrown).isInstanceOf(VqlException.class);
      return (VqlException) thrown;
    }
  }

  static String text(Value v) {
    return ((Value.Str) v).value();
  }

  @Test
  void existenceOfThePageCertifiesExactlyTheReturnedRows() {
    Answer a = run("SELECT id, DOCUMENT.title FROM OCTADS WHERE DOCUMENT.year >= 2000 PROOF EXISTENCE(*)");
    assertThat(a.rows()).containsExactly(
        new Value.Obj(Map.of("id", new Value.Str("p1"), "document", new Value.Obj(Map.of("title", new Value.Str("Tidal energy"))))),
        new Value.Obj(Map.of("id", new Value.Str("p3"), "document", new Value.Obj(Map.of("title", new Value.Str("Wave power"))))));
    Value.Obj c = a.certificate();
    assertThat(c.get("verified")).isEqualTo(Value.TRUE);
    assertThat(c.get("result")).isEqualTo(new Value.Obj(Map.of("row_count", new Value.Int(2), "merkle_root",
        new Value.Str(Merkle.root(a.canonicalRows().stream().map(r -> r.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList())))));
    assertThat(c.get("issuer")).isEqualTo(new Value.Str(ProofRun.EMBEDDED_ISSUER));
    assertThat(c.get("transaction")).isEqualTo(Value.NULL);
    assertThat(((Value.Obj) c.get("read_view")).get("as_of")).isEqualTo(Value.NULL);
    assertThat(c.get("params_hash")).isEqualTo(new Value.Str(Sha256.ofCanonicalJson(List.of())));
    List<Value.Obj> octads = a.obligations(0);
    assertThat(octads).extracting(o -> o.get("id")).containsExactly(new Value.Str("p1"), new Value.Str("p3"));
    assertThat(octads).extracting(o -> o.get("leaf_index")).containsExactly(new Value.Int(0), new Value.Int(1));
    assertThat(octads.getFirst().get("version")).isEqualTo(new Value.Int(2));
    assertThat(octads.getFirst().get("version_hash")).isEqualTo(new Value.Str(db.get("p1").orElseThrow().temporal().current().versionHash()));
    assertThat(CertificateCheck.check(a.canonicalRows(), c, Value.NULL)).isEmpty();
    assertThat(CertificateCheck.check(a.canonicalRows(), Certificate.canonical(c), Value.NULL)).isEmpty();

    List<String> dropped = a.canonicalRows().subList(0, 1);
    assertThat(CertificateCheck.check(dropped, c)).anyMatch(p -> p.startsWith("result.row_count is 2 but there are 1 rows"));
  }

  @Test
  void aStatementWithoutProofHasNoCertificateAndRemovingProofKeepsTheRows() {
    Answer plain = run("SELECT id FROM OCTADS WHERE DOCUMENT.year >= 2000");
    assertThat(plain.certificate()).isNull();
    assertThat(run("SELECT id FROM OCTADS WHERE DOCUMENT.year >= 2000 PROOF EXISTENCE(*)").rows()).isEqualTo(plain.rows());
  }

  @Test
  void provenanceWithMinLengthPassesOnALongChainAndFailsOnAShortOne() {
    Answer a = run("SELECT id FROM OCTADS WHERE id = 'p1' PROOF PROVENANCE(*) WITH min_length = 3, actor = 'editor'");
    assertThat(a.rows()).containsExactly(new Value.Obj(Map.of("id", new Value.Str("p1"))));
    Value.Obj p1 = a.obligations(0).getFirst();
    assertThat(((Value.Arr) p1.get("records")).elements()).extracting(r -> ((Value.Obj) r).get("event_type"))
        .containsExactly(new Value.Str("created"), new Value.Str("modified"), new Value.Str("reviewed"));
    assertThat(CertificateCheck.check(a.canonicalRows(), a.certificate(), Value.NULL)).isEmpty();

    VqlException e = failure("SELECT id FROM OCTADS PROOF PROVENANCE(*) WITH min_length = 2");
    assertThat(e.code()).isEqualTo(DiagnosticCode.PROOF_001);
    assertThat(e.getMessage()).isEqualTo("proof verification failed: PROVENANCE(*): too_short: octad p2 has 1 provenance record;"
        + " min_length is 2 (and 1 more failing obligation)");
  }

  @Test
  void boundParametersAreResolvedAndHashed() {
    Bindings params = Bindings.positional(List.of("p1", 3L));
    Answer a = run("SELECT id FROM OCTADS WHERE DOCUMENT.year > 2000 PROOF PROVENANCE($1) WITH min_length = $2", params);
    Value.Obj entry = (Value.Obj) ((Value.Arr) a.certificate().get("proofs")).elements().getFirst();
    assertThat(entry.get("argument")).isEqualTo(new Value.Str("p1"));
    assertThat(entry.get("params")).isEqualTo(new Value.Obj(Map.of("min_length", new Value.Int(3))));
    Value bound = new Value.Arr(List.of(new Value.Str("p1"), new Value.Int(3)));
    assertThat(CertificateCheck.check(a.canonicalRows(), a.certificate(), bound)).isEmpty();
    assertThat(CertificateCheck.check(a.canonicalRows(), a.certificate(), new Value.Arr(List.of(new Value.Str("p1"), new Value.Int(2)))))
        .singleElement().asString().startsWith("params_hash is");
  }

  @Test
  void aStaleOctadFailsWithTheCertificateInTheDetails() {
    VqlException e = failure("SELECT id FROM OCTADS WHERE id = 'p3' PROOF EXISTENCE(*) AND FRESHNESS(*) WITH max_age = 'PT0S'");
    assertThat(e.code()).isEqualTo(DiagnosticCode.PROOF_001);
    assertThat(e.getMessage()).startsWith("proof verification failed: FRESHNESS(*): stale: octad p3 was last modified at ");
    assertThat(e.hint()).contains("max_age");
    assertThat(e.position()).isNotNull();
    assertThat(e.position().column()).as("the failing spec").isEqualTo(62);
    Value.Obj certificate = (Value.Obj) e.details().get("certificate");
    assertThat(certificate.get("verified")).isEqualTo(Value.FALSE);
    assertThat(certificate.get("result")).isEqualTo(new Value.Obj(Map.of("row_count", new Value.Int(1), "merkle_root",
        new Value.Str(Merkle.root(List.of("{\"id\":\"p3\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))))));
    List<Value> failed = ((Value.Arr) e.details().get("failed")).elements();
    assertThat(failed).hasSize(1);
    Value.Obj entry = (Value.Obj) failed.getFirst();
    assertThat(entry.get("type")).isEqualTo(new Value.Str("FRESHNESS"));
    assertThat(text(entry.get("reason"))).startsWith("stale: octad p3");
    assertThat(((Value.Arr) certificate.get("proofs")).elements()).hasSize(2).first().extracting(p -> ((Value.Obj) p).get("verified"))
        .isEqualTo(Value.TRUE);
    Value.Obj error = e.toErrorObject();
    assertThat(error.get("code")).isEqualTo(new Value.Str("VQL-PROOF-001"));
    assertThat(((Value.Obj) error.get("details")).get("certificate")).isEqualTo(certificate);
    assertThat(CertificateCheck.check(List.of("{\"id\":\"p3\"}"), certificate, Value.NULL))
        .containsExactly("the certificate is not verified: it attests no rows");

    assertThat(run("SELECT id FROM OCTADS WHERE id = 'p3' PROOF FRESHNESS(*)").certificate().get("verified"))
        .as("within the default max_age of PT24H").isEqualTo(Value.TRUE);
  }

  @Test
  void integrityHoldsOnDataWrittenThroughTheWritePath() {
    Answer a = run("SELECT id, DOCUMENT.year FROM OCTADS PROOF INTEGRITY(*)");
    assertThat(a.rows()).extracting(r -> r.get("id")).containsExactly(new Value.Str("p1"), new Value.Str("p2"), new Value.Str("p3"));
    assertThat(a.certificate().get("verified")).isEqualTo(Value.TRUE);
    Value.Obj entry = (Value.Obj) ((Value.Arr) a.certificate().get("proofs")).elements().getFirst();
    Value.Obj contract = (Value.Obj) ((Value.Obj) entry.get("evidence")).get("contract");
    assertThat(contract.get("name")).isEqualTo(new Value.Str("default"));
    Value.Obj p1 = a.obligations(0).getFirst();
    Value.Obj recomputed = (Value.Obj) p1.get("modality_hashes");
    assertThat(recomputed.members()).containsOnlyKeys("graph", "vector", "document", "provenance", "spatial");
    Value.Obj record = (Value.Obj) p1.get("version_record");
    assertThat(record.get("modality_hashes")).isEqualTo(recomputed);
    assertThat(record.get("version")).isEqualTo(new Value.Int(2));
    assertThat(record.get("version_hash")).isEqualTo(new Value.Str(db.get("p1").orElseThrow().temporal().current().versionHash()));
    assertThat(((Value.Obj) a.obligations(0).get(2).get("modality_hashes")).members()).containsOnlyKeys("document", "provenance");
    assertThat(CertificateCheck.check(a.canonicalRows(), a.certificate(), Value.NULL)).isEmpty();

    Answer full = run("SELECT id FROM OCTADS WHERE id = 'p1' PROOF INTEGRITY(*) WITH chain = 'full'");
    List<Value> chain = ((Value.Arr) full.obligations(0).getFirst().get("version_records")).elements();
    assertThat(chain).extracting(v -> ((Value.Obj) v).get("version")).containsExactly(new Value.Int(1), new Value.Int(2));
    assertThat(((Value.Obj) chain.getFirst()).get("parent_hash")).isEqualTo(new Value.Str(Sha256.GENESIS));
    assertThat(CertificateCheck.check(full.canonicalRows(), full.certificate(), Value.NULL)).isEmpty();
  }

  @Test
  void integrityHoldsOnAHistoricalView() {
    Answer a = run("SELECT id, DOCUMENT.year FROM OCTADS AS OF VERSION 1 WHERE id = 'p1' PROOF INTEGRITY(*) AND EXISTENCE(*)");
    assertThat(a.rows()).containsExactly(new Value.Obj(Map.of("id", new Value.Str("p1"), "document",
        new Value.Obj(Map.of("year", new Value.Int(2019))))));
    assertThat(((Value.Obj) a.certificate().get("read_view")).get("as_of")).isEqualTo(new Value.Int(1));
    assertThat(((Value.Obj) a.obligations(0).getFirst().get("version_record")).get("version")).isEqualTo(new Value.Int(1));
    assertThat(CertificateCheck.check(a.canonicalRows(), a.certificate(), Value.NULL)).isEmpty();
  }

  @Test
  void anUnknownIntegrityContractIsAnAnalysisError() {
    assertThatThrownBy(() -> run("SELECT id FROM OCTADS PROOF INTEGRITY(audited)"))
        .isInstanceOfSatisfying(VqlException.class, e -> assertThat(e.code()).isEqualTo(DiagnosticCode.NAME_005));
  }

  @Test
  void aProofThisNodeCannotProduceFailsAsNotAvailable() {
    VqlException e = failure("SELECT id FROM OCTADS WHERE id = 'p2' PROOF SANCTIFY(*)");
    assertThat(e.code()).isEqualTo(DiagnosticCode.PROOF_001);
    assertThat(e.getMessage())
        .isEqualTo("proof verification failed: SANCTIFY(*): not_available: SANCTIFY proofs are not available on this node yet");
    assertThat(e.hint()).startsWith("this node cannot produce this proof");
    Value.Obj entry = (Value.Obj) ((Value.Arr) e.details().get("failed")).elements().getFirst();
    assertThat(text(entry.get("reason"))).startsWith("not_available: ");

    VqlException empty = failure("SELECT id FROM OCTADS WHERE id = 'none' PROOF SANCTIFY(*)");
    assertThat(empty.code()).as("not even vacuously").isEqualTo(DiagnosticCode.PROOF_001);
  }

  @Test
  void explainAnalyzeReportsFailingProofsInsteadOfFailing() {
    Value.Obj explain;
    try (VqlSession s = db.vql(); Result r = s.execute("EXPLAIN ANALYZE SELECT id FROM OCTADS WHERE id = 'p2' PROOF EXISTENCE(*) AND SANCTIFY(*)",
        Bindings.NONE)) {
      explain = r.explain();
    }
    List<Value> obligations = ((Value.Arr) explain.get("proof_obligations")).elements();
    assertThat(obligations).extracting(o -> ((Value.Obj) o).get("verified")).containsExactly(Value.TRUE, Value.FALSE);
    assertThat(text(((Value.Obj) obligations.get(1)).get("reason")))
        .isEqualTo("not_available: SANCTIFY proofs are not available on this node yet");
    assertThat(((Value.Obj) obligations.get(0)).get("reason")).isEqualTo(Value.NULL);
    assertThat(((Value.Obj) obligations.get(0)).get("actual_ms")).isInstanceOf(Value.Flt.class);

    try (VqlSession s = db.vql(); Result r = s.execute("EXPLAIN SELECT id FROM OCTADS PROOF SANCTIFY(*)", Bindings.NONE)) {
      Value.Obj planned = (Value.Obj) ((Value.Arr) r.explain().get("proof_obligations")).elements().getFirst();
      assertThat(planned.get("verified")).as("plain EXPLAIN verifies nothing").isEqualTo(Value.NULL);
    }
  }

  @Test
  void anEmptyPageIsAVacuousPassWithAWarning() {
    Answer a = run("SELECT id FROM OCTADS WHERE DOCUMENT.year > 3000 PROOF EXISTENCE(*)");
    assertThat(a.rows()).isEmpty();
    assertThat(a.warnings()).containsExactly("VQL-WARN-005");
    Value.Obj entry = (Value.Obj) ((Value.Arr) a.certificate().get("proofs")).elements().getFirst();
    assertThat(entry.get("vacuous")).isEqualTo(Value.TRUE);
    assertThat(((Value.Obj) a.certificate().get("result")).get("merkle_root")).isEqualTo(new Value.Str(Sha256.GENESIS));
    assertThat(CertificateCheck.check(List.of(), a.certificate(), Value.NULL)).isEmpty();
  }

  @Test
  void anAggregateProvesEveryContributingOctadWithoutLeaves() {
    Answer a = run("SELECT COUNT(*) AS n FROM OCTADS WHERE FULLTEXT CONTAINS 'tidal' PROOF EXISTENCE(*)");
    assertThat(a.rows()).containsExactly(new Value.Obj(Map.of("n", new Value.Int(2))));
    List<Value.Obj> octads = a.obligations(0);
    assertThat(octads).extracting(o -> o.get("id")).containsExactlyInAnyOrder(new Value.Str("p1"), new Value.Str("p2"));
    assertThat(octads).allSatisfy(o -> assertThat(o.members()).doesNotContainKeys("leaf_index", "inclusion_path"));
    assertThat(CertificateCheck.check(a.canonicalRows(), a.certificate(), Value.NULL)).isEmpty();
  }

  @Test
  void anIdArgumentOutsideThePageIsProvedButAMissingOneFails() {
    Answer a = run("SELECT id FROM OCTADS WHERE id = 'p3' PROOF EXISTENCE('p2')");
    assertThat(a.obligations(0).getFirst().members()).doesNotContainKey("leaf_index");
    assertThat(a.obligations(0).getFirst().get("id")).isEqualTo(new Value.Str("p2"));
    VqlException e = failure("SELECT id FROM OCTADS WHERE id = 'p3' PROOF EXISTENCE(ghost)");
    assertThat(e.getMessage()).isEqualTo("proof verification failed: EXISTENCE(ghost): not_found: octad ghost does not exist in the read view");
  }

  @Test
  void aProofInsideATransactionNamesIt() {
    try (VqlSession s = db.vql()) {
      Value.Obj tx;
      try (Result begin = s.execute("BEGIN", Bindings.NONE)) {
        tx = begin.transaction();
      }
      Answer a = run(s, "SELECT id FROM OCTADS WHERE id = 'p2' PROOF EXISTENCE(*)", Bindings.NONE);
      assertThat(a.certificate().get("transaction")).isEqualTo(tx.get("id"));
      assertThat(a.certificate().get("transaction")).isInstanceOf(Value.Int.class);
      s.execute("ROLLBACK", Bindings.NONE).close();
      assertThat(run(s, "SELECT id FROM OCTADS WHERE id = 'p2' PROOF EXISTENCE(*)", Bindings.NONE).certificate().get("transaction"))
          .isEqualTo(Value.NULL);
    }
  }

  @Test
  void theSameQueryGivesTheSameQueryHash() {
    String vql = "select id from OCTADS   where DOCUMENT.year >= 2000 proof EXISTENCE(*) and PROVENANCE(*)";
    Value.Obj first = run(vql).certificate();
    Value.Obj second = run(vql).certificate();
    assertThat(second.get("query_hash")).isEqualTo(first.get("query_hash"));
    assertThat(first.get("statement")).isEqualTo(new Value.Str(Vql.normalize(vql)));
    assertThat(first.get("query_hash")).isEqualTo(new Value.Str(Sha256.hex(Vql.normalize(vql))));
    assertThat(run("SELECT id FROM OCTADS WHERE DOCUMENT.year >= 2000 PROOF EXISTENCE(*) AND PROVENANCE(*)").certificate().get("query_hash"))
        .as("the normalised text is hashed").isEqualTo(first.get("query_hash"));
  }

  @Test
  void identicalSpecsCountOnce() {
    Answer a = run("SELECT id FROM OCTADS WHERE id = 'p3' PROOF EXISTENCE(*) AND EXISTENCE(*)");
    assertThat(((Value.Arr) a.certificate().get("proofs")).elements()).hasSize(1);
  }
}
