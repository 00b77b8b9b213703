package org.verisimdb.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.hash.Sha256;

class HistoryFormatV1Test {
  static final Instant T = Instant.parse("2026-03-01T12:00:00.123456Z");

  @Test
  void versionRecordsRoundTrip() {
    VersionRecord v = VersionRecord.create(7, T, "alice", "reviewed", "multi\nline", T.minusSeconds(60),
        Map.of(Modality.DOCUMENT, "a".repeat(64), Modality.PROVENANCE, "b".repeat(64)), "c".repeat(64), Sha256.GENESIS);
    assertThat(HistoryFormatV1.decodeVersion(HistoryFormatV1.encode(v), "x")).isEqualTo(v);
    VersionRecord deletion = VersionRecord.create(8, T, "bob", null, null, null, Map.of(), null, v.versionHash());
    assertThat(HistoryFormatV1.decodeVersion(HistoryFormatV1.encode(deletion), "x")).isEqualTo(deletion);
  }

  @Test
  void provenanceRecordsRoundTripWithTheirHashesAsStored() {
    ProvenanceRecord r = ProvenanceRecord.create(Sha256.GENESIS, "imported", "curator", "feed.csv", "desc", T);
    assertThat(HistoryFormatV1.decodeProvenance(HistoryFormatV1.encode(r), "x")).isEqualTo(r);
    ProvenanceRecord tampered = new ProvenanceRecord("imported", "mallory", null, null, T, Sha256.GENESIS, r.contentHash());
    assertThat(HistoryFormatV1.decodeProvenance(HistoryFormatV1.encode(tampered), "x").recomputeHash()).isNotEqualTo(r.contentHash());
  }

  @Test
  void truncatedRecordsAreCorruption() {
    byte[] bytes = HistoryFormatV1.encode(ProvenanceRecord.create(Sha256.GENESIS, "created", "a", null, null, T));
    for (int cut = 0; cut < bytes.length; cut++) {
      byte[] truncated = Arrays.copyOf(bytes, cut);
      assertThatThrownBy(() -> HistoryFormatV1.decodeProvenance(truncated, "x"))
          .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT));
    }
  }
}
