package org.verisimdb.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.drift.DriftScores;
import org.verisimdb.engine.query.proof.BuiltInProofs;
import org.verisimdb.engine.query.proof.Certificate;
import org.verisimdb.engine.query.proof.CertificateCheck;
import org.verisimdb.engine.query.proof.ProofContext;
import org.verisimdb.engine.query.row.Incoming;
import org.verisimdb.engine.query.row.OctadRow;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.vql.Vql;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * {@link ProofRun#verifyForMutation}, as the mutation executor will call it before commit: the
 * written octad (or the deleted one) is the subject, a RETURNING row its leaf. The octads come
 * from a database's write path; the transaction's view is a map of them.
 */
class ProofMutationTest {
  static Database db;
  static Octad before;
  static Octad after;
  final ProofRun proofs = new ProofRun(new BuiltInProofs(), unusedDrift(), ProofContext.DEFAULT_FRESHNESS, ProofRun.EMBEDDED_ISSUER);

  @BeforeAll
  static void write() {
    db = VeriSimDB.openInMemory(ProofSelectTest.CONFIG);
    db.create(OctadInput.builder().id("m1").with(DocumentFacet.of("Draft", null)).build());
    before = db.get("m1").orElseThrow();
    db.update(OctadId.of("m1"), OctadPatch.builder().set(Modality.DOCUMENT, "title", "Final").build());
    after = db.get("m1").orElseThrow();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static DriftScores unusedDrift() {
    return new DriftScores() {
      @Override
      public double pair(Octad octad, Modality a, Modality b) {
        throw new AssertionError("no drift is measured here");
      }

      @Override
      public double overall(Octad octad) {
        throw new AssertionError("no drift is measured here");
      }

      @Override
      public String algorithm(Modality a, Modality b) {
        throw new AssertionError("no drift is measured here");
      }
    };
  }

  /** A read view holding these octads. */
  record MapReader(Map<OctadId, Octad> octads) implements RowReader {
    @Override
    public OctadRow row(OctadId id) {
      return new OctadRow(id, octads.get(id), Incoming.NONE);
    }

    @Override
    public Iterator<OctadId> ids() {
      return octads.keySet().stream().sorted(java.util.Comparator.comparing(OctadId::value)).iterator();
    }

    @Override
    public Incoming incoming() {
      return Incoming.NONE;
    }

    @Override
    public List<VersionRecord> versions(Octad octad) {
      return octad.temporal().versions().reversed();
    }

    @Override
    public long size() {
      return octads.size();
    }
  }

  static Statement parse(String vql) {
    return Vql.parse(vql).statement();
  }

  static ProofRun.View view(Map<OctadId, Octad> octads) {
    return new ProofRun.View(new MapReader(octads), Instant.now(), 7L);
  }

  static Value.Obj row(String id, String title) {
    Map<String, Value> r = new LinkedHashMap<>();
    r.put("id", new Value.Str(id));
    r.put("document", new Value.Obj(Map.of("title", new Value.Str(title))));
    return new Value.Obj(r);
  }

  static Value.Obj octad(Value.Obj certificate, int proof) {
    Value.Obj entry = (Value.Obj) ((Value.Arr) certificate.get("proofs")).elements().get(proof);
    return (Value.Obj) ((Value.Arr) ((Value.Obj) entry.get("evidence")).get("octads")).elements().getFirst();
  }

  @Test
  void anUpdateProvesTheWrittenOctadWithItsReturnedRowAsLeaf() {
    Statement update = parse("UPDATE OCTAD 'm1' SET DOCUMENT.title = 'Final' PROOF INTEGRITY(*) AND EXISTENCE(*) RETURNING id, DOCUMENT.title");
    List<Value.Obj> returned = List.of(row("m1", "Final"));
    ProofRun.Outcome out = proofs.verifyForMutation(update, Params.NONE, before, after, returned, view(Map.of(after.id(), after)));
    Value.Obj c = out.certificate();
    assertThat(c.get("verified")).isEqualTo(Value.TRUE);
    assertThat(c.get("transaction")).isEqualTo(new Value.Int(7));
    assertThat(c.get("statement")).isEqualTo(new Value.Str(Vql.normalize(
        "UPDATE OCTAD 'm1' SET DOCUMENT.title = 'Final' PROOF INTEGRITY(*) AND EXISTENCE(*) RETURNING id, DOCUMENT.title")));
    assertThat(((Value.Obj) octad(c, 0).get("version_record")).get("version")).isEqualTo(new Value.Int(2));
    assertThat(octad(c, 1).get("leaf_index")).isEqualTo(new Value.Int(0));
    assertThat(octad(c, 1).get("version_hash")).isEqualTo(new Value.Str(after.temporal().current().versionHash()));
    assertThat(out.warnings()).isEmpty();
    assertThat(CertificateCheck.check(returned.stream().map(Certificate::canonical).toList(), c, Value.NULL)).isEmpty();
  }

  @Test
  void aDeleteProvesTheOctadBeforeDeletion() {
    Statement delete = parse("DELETE OCTAD 'm1' PROOF EXISTENCE(*) AND INTEGRITY(*)");
    Value.Obj c = proofs.verifyForMutation(delete, Params.NONE, after, null, List.of(), view(Map.of())).certificate();
    assertThat(c.get("verified")).isEqualTo(Value.TRUE);
    assertThat(octad(c, 0).get("id")).isEqualTo(new Value.Str("m1"));
    assertThat(octad(c, 0).members()).doesNotContainKey("leaf_index");
    assertThat(c.get("result")).isEqualTo(new Value.Obj(Map.of("row_count", new Value.Int(0), "merkle_root",
        new Value.Str(org.verisimdb.model.hash.Sha256.GENESIS))));
  }

  @Test
  void aFailingProofStopsTheMutationWithTheCertificate() {
    Statement update = parse("UPDATE OCTAD 'm1' SET DOCUMENT.title = 'Final' PROOF FRESHNESS(*) WITH max_age = 'PT0S'");
    assertThatThrownBy(() -> proofs.verifyForMutation(update, Params.NONE, before, after, List.of(), view(Map.of(after.id(), after))))
        .isInstanceOfSatisfying(VqlException.class, e -> {
          assertThat(e.code()).isEqualTo(DiagnosticCode.PROOF_001);
          assertThat(e.getMessage()).startsWith("proof verification failed: FRESHNESS(*): stale: octad m1 was last modified at ");
          assertThat(((Value.Obj) e.details().get("certificate")).get("verified")).isEqualTo(Value.FALSE);
        });
  }

  @Test
  void anInsertOfNothingIsVacuousAndAMutationWithoutProofHasNoCertificate() {
    ProofRun.Outcome vacuous = proofs.verifyForMutation(parse("INSERT OCTAD 'm9' WITH DOCUMENT(title = 'x') PROOF EXISTENCE(*)"),
        Params.NONE, null, null, List.of(), view(Map.of()));
    assertThat(vacuous.warnings()).extracting(d -> d.code()).containsExactly(DiagnosticCode.WARN_005);
    assertThat(proofs.verifyForMutation(parse("DELETE OCTAD 'm1'"), Params.NONE, after, null, List.of(), view(Map.of())).certificate())
        .isNull();
    assertThatThrownBy(() -> proofs.verifyForMutation(parse("SELECT id FROM OCTADS PROOF EXISTENCE(*)"), Params.NONE, null, after,
        List.of(), view(Map.of()))).isInstanceOf(IllegalArgumentException.class);
  }
}
