package org.verisimdb.engine.query.row;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.ProofType;
import org.verisimdb.model.facet.Seal;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.StoredProof;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Value;

class SemanticFieldsTest {
  private static final Instant ISSUED = Instant.parse("2026-03-02T08:31:15.5Z");
  private static final String HASH = "ab".repeat(32);

  private static final SemanticFacet SEMANTIC = new SemanticFacet(List.of("Sensor", "https://schema.org/Place"), new TreeMap<>(Map.of(
      "owner", org.verisimdb.model.value.Value.of("coastal-agency"),
      "depth_m", org.verisimdb.model.value.Value.of(3.25),
      "level", org.verisimdb.model.value.Value.of(4),
      "name", new org.verisimdb.model.value.Value.LangStr("Tidevannsmåler 42", "nb"),
      "commissioned", new org.verisimdb.model.value.Value.Typed("2019-05-14", "http://www.w3.org/2001/XMLSchema#date"),
      "operator", new org.verisimdb.model.value.Value.Ref(OctadId.of("org-12")),
      "tags", new org.verisimdb.model.value.Value.Seq(List.of(org.verisimdb.model.value.Value.of("tide"),
          new org.verisimdb.model.value.Value.Seq(List.of(org.verisimdb.model.value.Value.of(false))))),
      "site.code", org.verisimdb.model.value.Value.of("TRD"))),
      List.of(new StoredProof(ProofType.INTEGRITY, "content unchanged", "notary-1", "k-2026-01", ISSUED, HASH,
          new byte[] {(byte) 0xa1, 0x61, 0x76, 0x01})),
      List.of(new Seal("harbour-authority", null, Seal.Level.STANDARD, HASH, ISSUED, new byte[] {(byte) 0xfb, (byte) 0xff, 0x00})));
  private static final OctadRow ROW = Station.row(Station.with(SEMANTIC));

  private static String field(String... path) {
    return ValueText.of(ROW.field(Modality.SEMANTIC, List.of(path)));
  }

  @Test
  void typesKeepTheirOrder() {
    assertThat(field("types")).isEqualTo("[\"Sensor\",\"https://schema.org/Place\"]");
  }

  @Test
  void propertiesAreAnObjectInKeyOrder() {
    assertThat(field("properties")).isEqualTo("{\"commissioned\":{\"@value\":\"2019-05-14\",\"@type\":\"http://www.w3.org/2001/XMLSchema#date\"},"
        + "\"depth_m\":3.25,\"level\":4,\"name\":{\"@value\":\"Tidevannsmåler 42\",\"@language\":\"nb\"},"
        + "\"operator\":{\"@id\":\"org-12\"},\"owner\":\"coastal-agency\",\"site.code\":\"TRD\",\"tags\":[\"tide\",[false]]}");
  }

  @Test
  void aPropertyIsReachedByItsKey() {
    assertThat(ROW.field(Modality.SEMANTIC, List.of("properties", "owner"))).isEqualTo(new Value.Str("coastal-agency"));
    assertThat(ROW.field(Modality.SEMANTIC, List.of("properties", "level"))).isEqualTo(new Value.Int(4));
    assertThat(ROW.field(Modality.SEMANTIC, List.of("properties", "depth_m"))).isEqualTo(new Value.Flt(3.25));
    assertThat(ROW.field(Modality.SEMANTIC, List.of("properties", "site", "code"))).isEqualTo(new Value.Str("TRD"));
    assertThat(ROW.field(Modality.SEMANTIC, List.of("properties", "missing"))).isEqualTo(Value.NULL);
  }

  @Test
  void proofsHaveEveryMemberWithBinaryDataInBase64url() {
    assertThat(field("proofs")).isEqualTo("[{\"type\":\"INTEGRITY\",\"claim\":\"content unchanged\",\"issuer\":\"notary-1\","
        + "\"key_id\":\"k-2026-01\",\"issued_at\":\"2026-03-02T08:31:15.5Z\",\"subject_hash\":\"" + HASH + "\",\"data\":\"oWF2AQ\"}]");
    Value.Obj proof = (Value.Obj) ((Value.Arr) ROW.field(Modality.SEMANTIC, List.of("proofs"))).elements().getFirst();
    assertThat(proof.get("issued_at")).isEqualTo(new Value.Time(ISSUED.getEpochSecond(), 500_000));
  }

  @Test
  void sealsHaveEveryMember() {
    assertThat(field("seals")).isEqualTo("[{\"sanctifier\":\"harbour-authority\",\"key_id\":null,\"level\":\"standard\","
        + "\"content_hash\":\"" + HASH + "\",\"sealed_at\":\"2026-03-02T08:31:15.5Z\",\"signature\":\"-_8A\"}]");
  }

  @Test
  void aSemanticModalityWithOnlyASealIsPresent() {
    SemanticFacet sealOnly = new SemanticFacet(List.of(), null, List.of(), SEMANTIC.seals());
    OctadRow row = Station.row(Station.with(sealOnly));
    assertThat(row.has(Modality.SEMANTIC)).isTrue();
    assertThat(ValueText.of(row.modality(Modality.SEMANTIC))).startsWith("{\"types\":[],\"properties\":{},\"proofs\":[],\"seals\":[{");
  }
}
