package org.verisimdb.model.facet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.CanonicalJson;
import org.verisimdb.model.hash.Sha256;

/**
 * Pins the provenance hash rule with fixed vectors computed outside this code base (Python's
 * hashlib over json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=False)).
 */
class ProvenanceRecordTest {
  static final String H1 = "f4f0e397c29a86ee780d3f187e0ca8cf4233fe0d4c006d57f8406cc8f62ae1c9";
  static final String H2 = "e2776085449f028ecead883a3fbd355c3813969c182d4929976a0cffbedcb3c0";
  static final String H3 = "4c00e5cdb3f02301a0e650e35d5309d262ea12b7411d4fd94e3cf6155f0b2d67";

  static List<ProvenanceRecord> fixedChain() {
    ProvenanceRecord r1 = ProvenanceRecord.create(Sha256.GENESIS, "created", "alice", null, null, Instant.parse("2026-03-01T12:00:00Z"));
    ProvenanceRecord r2 = ProvenanceRecord.create(r1.contentHash(), "imported", "curator-5", "survey-2019.csv",
        "Läst från \"arkiv\"\nrad 2\tslut €", Instant.parse("2026-03-01T12:00:00.250Z"));
    ProvenanceRecord r3 = ProvenanceRecord.create(r2.contentHash(), "drift_repaired", "bot", null, "path C:\\data/x \u2014 ok",
        Instant.parse("2026-03-02T00:00:00.000001Z"));
    return List.of(r1, r2, r3);
  }

  @Test
  void genesisIsTheHashOfTheEmptyString() {
    assertThat(Sha256.hex("")).isEqualTo(Sha256.GENESIS);
  }

  @Test
  void firstRecordHashesToTheFixedVector() {
    ProvenanceRecord r1 = fixedChain().getFirst();
    assertThat(CanonicalJson.write(r1.toJson()).replace(",\"content_hash\":\"" + H1 + "\"", ""))
        .isEqualTo("{\"actor\":\"alice\",\"description\":null,\"event_type\":\"created\",\"parent_hash\":\"" + Sha256.GENESIS
            + "\",\"source\":null,\"timestamp\":\"2026-03-01T12:00:00Z\"}");
    assertThat(r1.contentHash()).isEqualTo(H1);
  }

  @Test
  void escapesQuotesBackslashesLineBreaksAndNonAsciiAsSpecified() {
    List<ProvenanceRecord> chain = fixedChain();
    assertThat(chain.get(1).contentHash()).isEqualTo(H2);
    assertThat(chain.get(2).contentHash()).isEqualTo(H3);
    assertThat(chain.get(2).parentHash()).isEqualTo(H2);
  }

  @Test
  void aValidChainVerifies() {
    assertThat(new ProvenanceFacet(fixedChain()).verify()).isEqualTo(ProvenanceFacet.Verification.VALID);
  }

  @Test
  void verificationReportsTheFirstAlteredRecord() {
    List<ProvenanceRecord> chain = new ArrayList<>(fixedChain());
    ProvenanceRecord r2 = chain.get(1);
    chain.set(1, new ProvenanceRecord(r2.eventType(), "mallory", r2.source(), r2.description(), r2.timestamp(), r2.parentHash(), r2.contentHash()));
    ProvenanceFacet.Verification v = new ProvenanceFacet(chain).verify();
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBroken()).isEqualTo(1);
    assertThat(v.reason()).contains("record 1 hashes to");
  }

  @Test
  void verificationReportsABrokenLink() {
    List<ProvenanceRecord> chain = fixedChain();
    ProvenanceRecord r3 = chain.get(2);
    ProvenanceRecord relinked = ProvenanceRecord.create(H1, r3.eventType(), r3.actor(), r3.source(), r3.description(), r3.timestamp());
    ProvenanceFacet.Verification v = new ProvenanceFacet(List.of(chain.get(0), chain.get(1), relinked)).verify();
    assertThat(v.firstBroken()).isEqualTo(2);
    assertThat(v.reason()).contains("links to " + H1);
  }

  @Test
  void appendRefusesARecordThatDoesNotLinkToTheHead() {
    ProvenanceFacet facet = new ProvenanceFacet(fixedChain().subList(0, 1));
    ProvenanceRecord stray = ProvenanceRecord.create(Sha256.GENESIS, "modified", "x", null, null, Instant.EPOCH);
    assertThatThrownBy(() -> facet.append(stray)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void controlCharactersAreRejectedBeforeHashing() {
    assertThatThrownBy(() -> ProvenanceRecord.create(Sha256.GENESIS, "created", "a", null, "bell\u0007", Instant.EPOCH))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PROVENANCE));
  }

  @Test
  void rejectsBadEventTypesActorsAndHashes() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> ProvenanceRecord.create(Sha256.GENESIS, "Created", "a", null, null, t))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PROVENANCE));
    assertThatThrownBy(() -> ProvenanceRecord.create(Sha256.GENESIS, "created", " ", null, null, t))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PROVENANCE));
    assertThatThrownBy(() -> ProvenanceRecord.create("abc", "created", "a", null, null, t))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.field()).isEqualTo("parent_hash"));
  }
}

