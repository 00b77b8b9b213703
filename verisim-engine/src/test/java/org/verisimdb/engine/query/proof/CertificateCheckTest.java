package org.verisimdb.engine.query.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verisimdb.engine.query.proof.TestOctads.T0;
import static org.verisimdb.engine.query.proof.TestOctads.octad;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Octad;
import org.verisimdb.vql.ast.Value;

/** A certificate built from verified proofs passes the offline check of VQL.md §7.8; any tampering is found. */
class CertificateCheckTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:30:00.000250Z");
  static final String STATEMENT = "SELECT DOCUMENT.title\nFROM OCTADS\nWHERE DOCUMENT.year >= $1\nPROOF EXISTENCE(*)\n  AND PROVENANCE('a') WITH min_length = 2";
  static final Value PARAMS = new Value.Arr(List.of(new Value.Int(2020)));

  final Octad a = octad("a", T0, "alice", "ingest-bot");
  final Octad b = octad("b", T0.minus(Duration.ofHours(3)), "bob");
  final List<String> rows = List.of(row(a), row(b));
  final Value.Obj certificate = certify(rows, List.of(
      ProofSpecs.Spec.of("EXISTENCE", "*"),
      new ProofSpecs.Spec("PROVENANCE", "a", Map.of("min_length", new Value.Int(2), "actor", new Value.Str("ingest-bot"))),
      new ProofSpecs.Spec("FRESHNESS", "*", Map.of("max_age", new Value.Str("PT4H"))),
      new ProofSpecs.Spec("CONSISTENCY", "*", Map.of("max_drift", new Value.Flt(0.5)))));

  static String row(Octad o) {
    Map<String, Value> row = new LinkedHashMap<>();
    row.put("id", new Value.Str(o.id().value()));
    row.put("document", new Value.Obj(Map.of("title", new Value.Str(o.document().orElseThrow().title()))));
    return Certificate.canonical(new Value.Obj(row));
  }

  Value.Obj certify(List<String> pageRows, List<ProofSpecs.Spec> specs) {
    List<byte[]> leaves = pageRows.stream().map(r -> r.getBytes(StandardCharsets.UTF_8)).toList();
    ProofContext ctx = ProofContext.of(id -> Optional.ofNullable(Map.of("a", a, "b", b).get(id.value())), leaves, NOW,
        ProofContext.DEFAULT_FRESHNESS, new FixedDrift(Map.of("a", 0.25, "b", 0.5)));
    BuiltInProofs verifier = new BuiltInProofs();
    Subjects subjects = Subjects.rows(List.of(a, b));
    List<Entry> entries = new ArrayList<>();
    specs.forEach(s -> entries.add(verifier.verify(s, subjects, ctx)));
    return Certificate.build(STATEMENT, PARAMS, new Certificate.ReadView(NOW.minusMillis(20), null), null, ctx.result(), entries,
        ctx.issuedAt(), "node-a");
  }

  @Test
  void aCertificateAsBuiltPasses() {
    assertThat(certificate.get("verified")).isEqualTo(Value.TRUE);
    assertThat(CertificateCheck.check(rows, certificate)).isEmpty();
    assertThat(CertificateCheck.check(rows, certificate, PARAMS)).isEmpty();
  }

  @Test
  void itsCanonicalTextPassesToo() {
    assertThat(CertificateCheck.check(rows, Certificate.canonical(certificate), PARAMS)).isEmpty();
  }

  @Test
  void aTamperedRowIsFound() {
    List<String> tampered = List.of(rows.get(0), rows.get(1).replace("paper b", "paper B"));
    assertThat(CertificateCheck.check(tampered, certificate))
        .anyMatch(p -> p.startsWith("result.merkle_root is"))
        .anyMatch(p -> p.contains("octad b: the inclusion path of row 1 does not lead to the Merkle root"));
    assertThat(CertificateCheck.check(List.of(rows.get(1), rows.get(0)), certificate)).anyMatch(p -> p.startsWith("result.merkle_root is"));
    assertThat(CertificateCheck.check(rows.subList(0, 1), certificate)).anyMatch(p -> p.startsWith("result.row_count is 2 but there are 1 rows"));
  }

  @Test
  void aTamperedStatementOrParameterIsFound() {
    Value.Obj changed = with(certificate, "statement", new Value.Str(STATEMENT.replace("2", "3")));
    assertThat(CertificateCheck.check(rows, changed)).singleElement().asString().startsWith("query_hash is");
    assertThat(CertificateCheck.check(rows, certificate, new Value.Arr(List.of(new Value.Int(1999))))).singleElement().asString()
        .startsWith("params_hash is");
  }

  @Test
  void aTamperedProvenanceRecordIsFound() {
    String text = Certificate.canonical(certificate);
    assertThat(text).contains("\"actor\":\"alice\"");
    assertThat(CertificateCheck.check(rows, text.replace("\"actor\":\"alice\"", "\"actor\":\"mallory\""), PARAMS))
        .singleElement().asString().contains("PROVENANCE(a), octad a: records[0] hashes to");
  }

  @Test
  void aTamperedAgeOrScoreIsFound() {
    String text = Certificate.canonical(certificate);
    assertThat(text).contains("\"age_ms\":1800000,");
    assertThat(CertificateCheck.check(rows, text.replace("\"age_ms\":1800000,", "\"age_ms\":1,"), PARAMS))
        .singleElement().asString().contains("age_ms is 1 but issued_at − modified_at is 1800000 ms");
    assertThat(CertificateCheck.check(rows, text.replace("\"score\":0.25", "\"score\":0.75"), PARAMS))
        .singleElement().asString().contains("verified, but score 0.75 is not within [0, max_drift 0.5]");
  }

  @Test
  void aFailedProofIsNeitherHiddenNorAccepted() {
    Value.Obj failed = certify(rows, List.of(new ProofSpecs.Spec("FRESHNESS", "*", Map.of("max_age", new Value.Str("PT1H")))));
    assertThat(failed.get("verified")).isEqualTo(Value.FALSE);
    assertThat(CertificateCheck.check(rows, failed)).containsExactly("the certificate is not verified: it attests no rows");

    String forged = Certificate.canonical(failed).replace("\"verified\":false,\"version\":1}", "\"verified\":true,\"version\":1}");
    assertThat(CertificateCheck.check(rows, forged, null)).singleElement().asString()
        .isEqualTo("verified is true but the conjunction of the proofs is false");
    assertThat(CertificateCheck.check(rows, "{not json", null)).singleElement().asString().startsWith("the certificate is not valid JSON");
  }

  private static Value.Obj with(Value.Obj o, String name, Value value) {
    Map<String, Value> m = new LinkedHashMap<>(o.members());
    m.put(name, value);
    return new Value.Obj(m);
  }
}
