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

class HeaderFormatTest {
  static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  static OctadHeader header(boolean deleted, String provenanceHead) {
    return new OctadHeader(4, deleted, T, T.plusSeconds(5), null, "l", null, 4, new TreeSet<>(java.util.List.of("a", "b")),
        EnumSet.of(Modality.GRAPH, Modality.SPATIAL, Modality.PROVENANCE), "d".repeat(64), 6, provenanceHead);
  }

  @Test
  void headersRoundTrip() {
    for (OctadHeader h : new OctadHeader[] {header(false, "e".repeat(64)), header(true, null)}) {
      assertThat(HeaderFormat.decodeStamped(HeaderFormat.encode(h, 77), "x")).isEqualTo(new HeaderFormat.Stamped(h, 77));
    }
  }

  @Test
  void truncatedHeadersAreCorruption() {
    byte[] bytes = HeaderFormat.encode(header(false, "e".repeat(64)), 5);
    for (int cut = 0; cut < bytes.length; cut++) {
      byte[] truncated = Arrays.copyOf(bytes, cut);
      assertThatThrownBy(() -> HeaderFormat.decode(truncated, "x"))
          .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT));
    }
  }

  @Test
  void formatOneHeadersReadAsVisibleToEverySnapshot() {
    OctadHeader h = header(false, "e".repeat(64));
    byte[] two = HeaderFormat.encode(h, 300); // format 2 = format 1 with the LSN (two varint bytes here) after the format byte
    byte[] one = new byte[two.length - 2];
    one[0] = 1;
    System.arraycopy(two, 3, one, 1, two.length - 3);
    assertThat(HeaderFormat.decodeStamped(one, "x")).isEqualTo(new HeaderFormat.Stamped(h, 0));
  }

  @Test
  void temporalIsNeverAStoredModality() {
    assertThatThrownBy(() -> new OctadHeader(1, false, T, T, null, null, null, 1, new TreeSet<>(), EnumSet.of(Modality.TEMPORAL),
        "d".repeat(64), 0, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
