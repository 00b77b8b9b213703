package org.verisimdb.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.testkit.arbitrary.OctadArbitraries;

class FacetFormatV1Test {

  @Provide
  Arbitrary<Facet> facets() {
    return Arbitraries.oneOf(OctadArbitraries.graphs(), OctadArbitraries.vectors(16), OctadArbitraries.tensors(), OctadArbitraries.semantics(),
        OctadArbitraries.documents(), OctadArbitraries.spatials());
  }

  @Property(tries = 500)
  void everyFacetRoundTrips(@ForAll("facets") Facet facet) {
    assertThat(FacetFormatV1.decode(FacetFormatV1.encode(facet), "x")).isEqualTo(facet);
  }

  @Property(tries = 200)
  void damagedBytesAreReportedAsCorruptionNeverAsACrash(@ForAll("facets") Facet facet, @ForAll long seed) {
    byte[] bytes = FacetFormatV1.encode(facet);
    Random random = new Random(seed);
    for (int cut = 0; cut < bytes.length; cut += 1 + random.nextInt(Math.max(1, bytes.length / 20))) {
      byte[] truncated = Arrays.copyOf(bytes, cut);
      assertThatThrownBy(() -> FacetFormatV1.decode(truncated, "x"))
          .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT));
    }
    for (int i = 0; i < 20; i++) {
      byte[] flipped = bytes.clone();
      flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
      try {
        FacetFormatV1.decode(flipped, "x"); // a flip may still decode to valid (different) data
      } catch (VeriSimException e) {
        assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
      }
    }
  }

  @Test
  void trailingBytesAndUnknownFormatsAreCorruption() {
    byte[] bytes = FacetFormatV1.encode(DocumentFacet.of("t", null));
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> FacetFormatV1.decode(longer, "doc-1")).hasMessageContaining("unread bytes").hasMessageContaining("doc-1");
    byte[] future = bytes.clone();
    future[0] = 9;
    assertThatThrownBy(() -> FacetFormatV1.decode(future, "doc-1")).hasMessageContaining("unknown facet format 9");
  }

  @Test
  void theLayoutStartsWithFormatAndModalityTag() {
    byte[] bytes = FacetFormatV1.encode(DocumentFacet.of("t", null));
    assertThat(bytes[0]).isEqualTo((byte) 1);
    assertThat(bytes[1]).isEqualTo((byte) 5);
    // varint 1 field; "title" (5 bytes); value tag 1 (string), "t"
    assertThat(Arrays.copyOfRange(bytes, 2, bytes.length)).containsExactly(1, 5, 't', 'i', 't', 'l', 'e', 1, 1, 't');
  }
}
