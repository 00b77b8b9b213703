package org.verisimdb.engine.query.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.vql.ast.Value;

/** The certificate object of VQL.md §7.7 and its canonical JSON. */
class CertificateTest {
  static final Instant SNAPSHOT = Instant.parse("2026-03-04T10:15:02.118204Z");
  static final Instant ISSUED = Instant.parse("2026-03-04T10:15:02.140331Z");
  static final String STATEMENT = "SELECT DOCUMENT.title\nFROM OCTADS\nPROOF EXISTENCE(*)\nLIMIT 2";

  final Merkle.Tree result = Merkle.Tree.of(List.of("{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8)));
  final Entry pass = Entry.vacuous(ProofSpecs.Spec.of("EXISTENCE", "*"));

  @Test
  void membersAreThoseOfTheSpecificationWithoutASignature() {
    Value.Obj c = Certificate.build(STATEMENT, null, new Certificate.ReadView(SNAPSHOT, null), null, result, List.of(pass), ISSUED, "node-a");
    assertThat(c.members()).containsOnlyKeys("version", "statement", "query_hash", "params_hash", "read_view", "transaction", "result",
        "proofs", "verified", "issued_at", "issuer");
    assertThat(c.get("version")).isEqualTo(new Value.Int(1));
    assertThat(c.get("query_hash")).isEqualTo(new Value.Str(Sha256.hex(STATEMENT)));
    assertThat(c.get("params_hash")).as("H([]) as in the example of §7.7")
        .isEqualTo(new Value.Str("4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945"));
    assertThat(c.get("transaction")).isEqualTo(Value.NULL);
    assertThat(c.get("result")).isEqualTo(new Value.Obj(Map.of("row_count", new Value.Int(1), "merkle_root", new Value.Str(result.root()))));
    assertThat(c.get("proofs")).isEqualTo(new Value.Arr(List.of(pass.toJson())));
    assertThat(c.get("verified")).isEqualTo(Value.TRUE);
  }

  @Test
  void canonicalTextSortsMembersAndWritesTimestampsInTheirCanonicalForm() {
    Value.Obj c = Certificate.build(STATEMENT, new Value.Obj(Map.of("limit", new Value.Int(2))),
        new Certificate.ReadView(SNAPSHOT, new Value.Int(4)), 9L, result, List.of(pass), ISSUED, "node-a");
    String text = Certificate.canonical(c);
    assertThat(text).startsWith("{\"issued_at\":\"2026-03-04T10:15:02.140331Z\",\"issuer\":\"node-a\",\"params_hash\":\""
        + Sha256.hex("{\"limit\":2}") + "\",\"proofs\":[{\"argument\":\"*\",\"evidence\":{\"octads\":[]},\"params\":{},\"reason\":null,"
        + "\"type\":\"EXISTENCE\",\"vacuous\":true,\"verified\":true}],\"query_hash\":\"");
    assertThat(text).contains(",\"read_view\":{\"as_of\":4,\"snapshot\":\"2026-03-04T10:15:02.118204Z\"},");
    assertThat(text).endsWith(",\"transaction\":9,\"verified\":true,\"version\":1}");
    assertThat(text).contains("\"statement\":\"SELECT DOCUMENT.title\\nFROM OCTADS\\nPROOF EXISTENCE(*)\\nLIMIT 2\"");
    assertThat(text.replace(STATEMENT.replace("\n", "\\n"), "")).as("no whitespace between tokens").doesNotContain(" ", "\n");
  }

  @Test
  void theCertificateIsTheConjunctionOfItsEntries() {
    Entry fail = new Entry("ZKP", "c", new Value.Obj(Map.of()), false, "not_available: ZKP proofs are not available on this node yet", false,
        new Value.Obj(Map.of("octads", new Value.Arr(List.of()))));
    Value.Obj c = Certificate.build(STATEMENT, null, new Certificate.ReadView(SNAPSHOT, null), null, result, List.of(pass, fail), ISSUED, "n");
    assertThat(c.get("verified")).isEqualTo(Value.FALSE);
  }

  @Test
  void plainValues() {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("z", new Value.Flt(2.0));
    m.put("a", new Value.Arr(List.of(new Value.Uuid("0f8fad5b-d9cb-469f-a165-70867728950e"), Value.NULL, new Value.Flt(0.1))));
    m.put("t", new Value.Time(0, 500_000));
    assertThat(Certificate.canonical(new Value.Obj(m)))
        .isEqualTo("{\"a\":[\"0f8fad5b-d9cb-469f-a165-70867728950e\",null,0.1],\"t\":\"1970-01-01T00:00:00.5Z\",\"z\":2}");
    assertThat(Certificate.paramsHash(new Value.Arr(List.of(new Value.Str("x"))))).isEqualTo(Sha256.hex("[\"x\"]"));
    assertThatThrownBy(() -> Certificate.paramsHash(new Value.Int(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Certificate.ReadView(SNAPSHOT, new Value.Flt(1.5))).isInstanceOf(IllegalArgumentException.class);
  }
}
