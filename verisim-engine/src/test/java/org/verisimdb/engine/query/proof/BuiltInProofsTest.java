package org.verisimdb.engine.query.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.verisimdb.engine.query.proof.TestOctads.T0;
import static org.verisimdb.engine.query.proof.TestOctads.chain;
import static org.verisimdb.engine.query.proof.TestOctads.octad;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;

/** The four proof types this node verifies, the ones it cannot, and the obligation rules of VQL.md §7.4. */
class BuiltInProofsTest {
  static final Instant NOW = T0.plus(Duration.ofMinutes(30));

  final Octad a = octad("a", T0, "alice", "ingest-bot");
  final Octad b = octad("b", T0.minus(Duration.ofHours(30)), "bob");
  final Octad c = octad("c", T0, "carol");
  final Map<String, Octad> store = Map.of("a", a, "b", b, "c", c);
  final List<byte[]> rows = List.of(row("a"), row("b"));
  final Subjects subjects = Subjects.rows(List.of(a, b));
  final ProofContext ctx = ProofContext.of(id -> Optional.ofNullable(store.get(id.value())), rows, NOW, ProofContext.DEFAULT_FRESHNESS,
      new FixedDrift(Map.of("a", 0.1, "b", 0.5)));
  final BuiltInProofs proofs = new BuiltInProofs();

  static byte[] row(String id) {
    return ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  Entry verify(String type, String argument, Map<String, Value> params) {
    return proofs.verify(new ProofSpecs.Spec(type, argument, params), subjects, ctx);
  }

  static Value.Obj obligation(Entry e, int i) {
    return (Value.Obj) ((Value.Arr) e.evidence().get("octads")).elements().get(i);
  }

  static int obligations(Entry e) {
    return ((Value.Arr) e.evidence().get("octads")).elements().size();
  }

  @Test
  void existenceOfEverySubjectCarriesAnInclusionPathToTheResultRoot() {
    Entry e = verify("EXISTENCE", "*", Map.of());
    assertThat(e.verified()).isTrue();
    assertThat(e.vacuous()).isFalse();
    assertThat(obligations(e)).isEqualTo(2);
    String root = Merkle.root(rows);
    for (int i = 0; i < 2; i++) {
      Value.Obj o = obligation(e, i);
      Octad octad = List.of(a, b).get(i);
      assertThat(o.get("id")).isEqualTo(new Value.Str(octad.id().value()));
      assertThat(o.get("version")).isEqualTo(new Value.Int(1));
      assertThat(o.get("version_hash")).isEqualTo(new Value.Str(octad.temporal().current().versionHash()));
      assertThat(o.get("content_hash")).isEqualTo(new Value.Str(octad.temporal().current().contentHash()));
      assertThat(o.get("leaf_index")).isEqualTo(new Value.Int(i));
      List<String> path = ((Value.Arr) o.get("inclusion_path")).elements().stream().map(v -> ((Value.Str) v).value()).toList();
      assertThat(Merkle.verify(rows.get(i), i, 2, path, root)).isTrue();
      assertThat(o.get("verified")).isEqualTo(Value.TRUE);
      assertThat(o.get("reason")).isEqualTo(Value.NULL);
    }
  }

  @Test
  void anIdArgumentNeedNotBeInTheResultButMustExist() {
    Entry outside = verify("EXISTENCE", "c", Map.of());
    assertThat(outside.verified()).isTrue();
    assertThat(obligation(outside, 0).members()).doesNotContainKeys("leaf_index", "inclusion_path");
    Entry inside = verify("EXISTENCE", "b", Map.of());
    assertThat(obligation(inside, 0).get("leaf_index")).isEqualTo(new Value.Int(1));

    Entry missing = verify("EXISTENCE", "ghost", Map.of());
    assertThat(missing.verified()).isFalse();
    assertThat(missing.reason()).isEqualTo("not_found: octad ghost does not exist in the read view");
    assertThat(obligation(missing, 0).get("reason")).isEqualTo(new Value.Str(missing.reason()));
    assertThat(verify("PROVENANCE", "ghost", Map.of()).reason()).startsWith("not_found: ");
  }

  @Test
  void anEmptySubjectSetIsAVacuousPass() {
    for (String type : List.of("EXISTENCE", "PROVENANCE", "FRESHNESS", "CONSISTENCY")) {
      Entry e = proofs.verify(ProofSpecs.Spec.of(type, "*"), Subjects.NONE, ctx);
      assertThat(e.verified()).as(type).isTrue();
      assertThat(e.vacuous()).as(type).isTrue();
      assertThat(obligations(e)).isZero();
    }
  }

  @Test
  void provenanceChainsVerifyAndCarryEveryRecord() {
    Entry e = verify("PROVENANCE", "*", Map.of("min_length", new Value.Int(2)));
    assertThat(e.verified()).isFalse();
    assertThat(e.reason()).isEqualTo("too_short: octad b has 1 provenance record; min_length is 2");
    Value.Obj first = obligation(e, 0);
    assertThat(first.get("verified")).isEqualTo(Value.TRUE);
    assertThat(first.get("genesis")).isEqualTo(new Value.Str(Sha256.GENESIS));
    List<Value> records = ((Value.Arr) first.get("records")).elements();
    assertThat(records).hasSize(2);
    Value.Obj record = (Value.Obj) records.get(1);
    assertThat(record.members()).containsOnlyKeys("actor", "description", "event_type", "parent_hash", "source", "timestamp", "content_hash");
    assertThat(record.get("parent_hash")).isEqualTo(((Value.Obj) records.get(0)).get("content_hash"));
    assertThat(record.get("timestamp")).isInstanceOf(Value.Time.class);

    assertThat(verify("PROVENANCE", "a", Map.of("actor", new Value.Str("ingest-bot"), "source", new Value.Str("src-1"))).verified()).isTrue();
    assertThat(verify("PROVENANCE", "b", Map.of("actor", new Value.Str("alice"))).reason())
        .isEqualTo("actor_missing: no provenance record of octad b has actor 'alice'");
    assertThat(verify("PROVENANCE", "a", Map.of("source", new Value.Str("elsewhere"))).reason())
        .isEqualTo("actor_missing: no provenance record of octad a has source 'elsewhere'");
  }

  @Test
  void aMissingOrBrokenChainFails() {
    Octad none = octad("none", T0, null, DocumentFacet.of("no history", null));
    Octad broken = octad("broken", T0, TestOctads.tampered(chain(T0, "alice", "bob"), 0), DocumentFacet.of("edited", null));
    Subjects two = Subjects.rows(List.of(none, broken));
    Entry e = proofs.verify(ProofSpecs.Spec.of("PROVENANCE", "*"), two, ctx);
    assertThat(obligation(e, 0).get("reason")).isEqualTo(new Value.Str("modality_absent: octad none has no PROVENANCE modality"));
    assertThat(((Value.Str) obligation(e, 1).get("reason")).value()).startsWith("chain_broken: the provenance chain of octad broken does not verify: record 0");
    assertThat(obligation(e, 1).members()).containsKey("records");
    assertThat(e.reason()).isEqualTo("modality_absent: octad none has no PROVENANCE modality (and 1 more failing obligation)");
  }

  @Test
  void freshnessMeasuresAgeAtIssuedAt() {
    Entry byDefault = verify("FRESHNESS", "*", Map.of());
    Value.Obj fresh = obligation(byDefault, 0);
    assertThat(fresh.get("age_ms")).isEqualTo(new Value.Int(30 * 60 * 1000));
    assertThat(fresh.get("max_age")).isEqualTo(new Value.Str("PT24H"));
    assertThat(fresh.get("modified_at")).isEqualTo(new Value.Time(T0.getEpochSecond(), 0));
    assertThat(fresh.get("verified")).isEqualTo(Value.TRUE);
    assertThat(byDefault.reason()).isEqualTo("stale: octad b was last modified at 2026-02-28T06:00:00Z, 109800000 ms before issued_at; max_age is PT24H");

    assertThat(verify("FRESHNESS", "*", Map.of("max_age", new Value.Str("P2D"))).verified()).isTrue();
    assertThat(verify("FRESHNESS", "a", Map.of("max_age", new Value.Str("PT30M"))).verified()).as("the bound is inclusive").isTrue();
    assertThat(verify("FRESHNESS", "*", Map.of("max_age", new Value.Str("PT1S"))).reason()).endsWith("(and 1 more failing obligation)");
    assertThatThrownBy(() -> verify("FRESHNESS", "*", Map.of("max_age", new Value.Str("soon"))))
        .isInstanceOfSatisfying(VqlException.class, x -> assertThat(x.code()).isEqualTo(DiagnosticCode.VALUE_004));
    assertThatThrownBy(() -> verify("FRESHNESS", "*", Map.of("max_age", new Value.Int(60))))
        .isInstanceOfSatisfying(VqlException.class, x -> assertThat(x.code()).isEqualTo(DiagnosticCode.TYPE_011));
  }

  @Test
  void consistencyComparesTheDriftScoreWithMaxDrift() {
    Entry e = verify("CONSISTENCY", "*", Map.of());
    Value.Obj ok = obligation(e, 0);
    assertThat(ok.get("score")).isEqualTo(new Value.Flt(0.1));
    assertThat(ok.get("max_drift")).isEqualTo(new Value.Flt(0.3));
    assertThat(ok.get("pair")).isEqualTo(Value.NULL);
    assertThat(ok.get("algorithm")).isEqualTo(new Value.Str("drift-score(fixed/1)"));
    assertThat(ok.get("content_hash")).isEqualTo(new Value.Str(a.temporal().current().contentHash()));
    assertThat(e.reason()).isEqualTo("drift_exceeded: octad b has drift_score 0.5; max_drift is 0.3");
    assertThat(verify("CONSISTENCY", "*", Map.of("max_drift", new Value.Flt(0.5))).verified()).isTrue();

    Entry pair = verify("CONSISTENCY", "a", Map.of("pair", new Value.Str("vector, document")));
    assertThat(obligation(pair, 0).get("pair")).isEqualTo(new Value.Str("VECTOR,DOCUMENT"));
    assertThat(obligation(pair, 0).get("algorithm")).isEqualTo(new Value.Str("fixed/1"));
    Entry unmeasured = verify("CONSISTENCY", "a", Map.of("pair", new Value.Str("GRAPH,SEMANTIC")));
    assertThat(unmeasured.verified()).isFalse();
    assertThat(unmeasured.reason()).startsWith("not_available: drift measure not available for this pair: DRIFT(GRAPH, SEMANTIC)");
    assertThatThrownBy(() -> verify("CONSISTENCY", "a", Map.of("pair", new Value.Str("DOCUMENT,document"))))
        .isInstanceOfSatisfying(VqlException.class, x -> assertThat(x.code()).isEqualTo(DiagnosticCode.TYPE_012));
    assertThatThrownBy(() -> verify("CONSISTENCY", "a", Map.of("max_drift", new Value.Flt(1.5))))
        .isInstanceOfSatisfying(VqlException.class, x -> assertThat(x.code()).isEqualTo(DiagnosticCode.VALUE_006));
    assertThatThrownBy(() -> verify("CONSISTENCY", "a", Map.of("threshold", new Value.Flt(0.5))))
        .isInstanceOfSatisfying(VqlException.class, x -> assertThat(x.code()).isEqualTo(DiagnosticCode.NAME_009));
  }

  @Test
  void proofsThisNodeCannotProduceNeverPass() {
    for (String type : List.of("ACCESS", "CITATION", "CUSTOM", "ZKP", "PROVEN", "SANCTIFY")) {
      String argument = ProofSpecs.CONTRACT_TYPES.contains(type) ? "default" : "*";
      Entry e = verify(type, argument, Map.of());
      assertThat(e.verified()).as(type).isFalse();
      assertThat(e.reason()).isEqualTo("not_available: " + type + " proofs are not available on this node yet");
      assertThat(obligations(e)).as("one failing obligation per subject").isEqualTo(2);
      assertThat(obligation(e, 1).get("verified")).isEqualTo(Value.FALSE);
      Entry none = proofs.verify(ProofSpecs.Spec.of(type, argument), Subjects.NONE, ctx);
      assertThat(none.verified()).as("not even vacuously").isFalse();
      assertThat(none.vacuous()).isFalse();
    }
    assertThat(obligations(verify("ACCESS", "c", Map.of()))).isEqualTo(1);
  }

  @Test
  void entriesUseTheMemberNamesOfTheCertificate() {
    Entry e = verify("PROVENANCE", "a", Map.of("min_length", new Value.Int(2)));
    Value.Obj json = e.toJson();
    assertThat(json.members()).containsOnlyKeys("type", "argument", "params", "verified", "reason", "vacuous", "evidence");
    assertThat(json.get("params")).isEqualTo(new Value.Obj(Map.of("min_length", new Value.Int(2))));
    assertThat(json.get("reason")).isEqualTo(Value.NULL);
    assertThat(((Value.Obj) json.get("evidence")).members()).containsOnlyKeys("octads");
  }

  @Test
  void subjectsAreASet() {
    Subjects twice = new Subjects(List.of(new Subjects.Subject(a.id(), a, 0), new Subjects.Subject(a.id(), a, 1)));
    assertThat(twice.list()).hasSize(1);
    assertThat(twice.find(a.id()).orElseThrow().leafIndex()).isZero();
  }
}
