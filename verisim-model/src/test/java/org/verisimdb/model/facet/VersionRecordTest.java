package org.verisimdb.model.facet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.Sha256;

/** Fixed vectors computed outside this code base (Python hashlib + json.dumps, sorted keys, compact). */
class VersionRecordTest {

  @Test
  void versionHashMatchesTheFixedVector() {
    VersionRecord v = VersionRecord.create(1, Instant.parse("2026-03-01T12:00:00Z"), "alice", "commissioned", null, null,
        Map.of(Modality.SPATIAL, "b".repeat(64), Modality.DOCUMENT, "a".repeat(64)), "c".repeat(64), Sha256.GENESIS);
    assertThat(v.versionHash()).isEqualTo("e2f61ff2a91de4dbd242c7f96537edb3d4a461bea677d55c25dd7667c50ae220");
    assertThat(v.recomputeHash()).isEqualTo(v.versionHash());
    assertThat(v.isDeletion()).isFalse();
  }

  @Test
  void documentModalityAndContentHashesMatchTheFixedVectors() {
    DocumentFacet doc = DocumentFacet.of(Map.of("title", "Tide gauge 42", "kind", "station", "depth", 12, "ratio", 0.5, "active", true));
    String modalityHash = ContentHash.of(doc);
    assertThat(modalityHash).isEqualTo("f6247e52aecd1acd3b7ae671dd3ae2f0871fdc14dda3971ff492c3ec77980ff0");
    assertThat(ContentHash.ofOctad(OctadId.of("station-0042"), Map.of(Modality.DOCUMENT, modalityHash)))
        .isEqualTo("ba6f2609605ac89b53f225da3db50d9f4afafa9718dc295e4488af8b25295480");
  }

  @Test
  void aDeletionVersionHasNoContent() {
    VersionRecord v = VersionRecord.create(3, Instant.parse("2026-03-01T12:00:00Z"), "alice", null, null, null, Map.of(), null, "d".repeat(64));
    assertThat(v.isDeletion()).isTrue();
    assertThat(v.toJson()).containsEntry("content_hash", null).containsEntry("version", 3L);
  }

  @Test
  void modalitiesWithoutAContentHashAreRejected() {
    assertThatThrownBy(() -> VersionRecord.create(1, Instant.EPOCH, "a", null, null, null, Map.of(Modality.GRAPH, "a".repeat(64)), null,
        Sha256.GENESIS))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEMPORAL));
  }

  @Test
  void temporalHasNoModalityHash() {
    assertThatThrownBy(() -> VersionRecord.create(1, Instant.EPOCH, "a", null, null, null, Map.of(Modality.TEMPORAL, "a".repeat(64)),
        "c".repeat(64), Sha256.GENESIS))
        .isInstanceOf(VeriSimException.class)
        .hasMessageContaining("TEMPORAL has no modality hash");
  }
}
