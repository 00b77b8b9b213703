package org.verisimdb.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

class HeaderFormatV1Test {
  static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  static OctadHeader header(boolean deleted, String provenanceHead) {
    return new OctadHeader(4, deleted, T, T.plusSeconds(5), null, "l", null, 4, new TreeSet<>(java.util.List.of("a", "b")),
        EnumSet.of(Modality.GRAPH, Modality.SPATIAL, Modality.PROVENANCE), "d".repeat(64), 6, provenanceHead);
  }

  @Test
  void headersRoundTrip() {
    for (OctadHeader h : new OctadHeader[] {header(false, "e".repeat(64)), header(true, null)}) {
      assertThat(HeaderFormatV1.decode(HeaderFormatV1.encode(h), "x")).isEqualTo(h);
    }
  }

  @Test
  void truncatedHeadersAreCorruption() {
    byte[] bytes = HeaderFormatV1.encode(header(false, "e".repeat(64)));
    for (int cut = 0; cut < bytes.length; cut++) {
      byte[] truncated = Arrays.copyOf(bytes, cut);
      assertThatThrownBy(() -> HeaderFormatV1.decode(truncated, "x"))
          .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT));
    }
  }

  @Test
  void temporalIsNeverAStoredModality() {
    assertThatThrownBy(() -> new OctadHeader(1, false, T, T, null, null, null, 1, new TreeSet<>(), EnumSet.of(Modality.TEMPORAL),
        "d".repeat(64), 0, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
