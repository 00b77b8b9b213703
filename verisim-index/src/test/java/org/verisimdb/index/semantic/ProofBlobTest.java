package org.verisimdb.index.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.ProofType;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.StoredProof;

/**
 * Proof blobs attached to a claim. The data model only checks that a blob is well-formed CBOR; it
 * has no encoder or decoder. This test encodes a claim's proof with a minimal encoder (RFC 8949
 * definite lengths), stores it, and decodes what comes back.
 */
class ProofBlobTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void anEncodedProofSurvivesStorageAndDecodesToTheSameClaim() {
    byte[] blob = encodeClaim("p-1 cites p-2", T);
    StoredProof proof = new StoredProof(ProofType.CITATION, "p-1 cites p-2", "issuer", "key-1", T, "b".repeat(64), blob);
    SemanticFacet facet = new SemanticFacet(List.of("Paper"), null, List.of(proof), List.of());
    byte[] back = facet.proofs().getFirst().data();
    assertThat(back).isEqualTo(blob);
    back[0] = 0; // a copy: the stored proof is unchanged
    assertThat(facet.proofs().getFirst().data()).isEqualTo(blob);
    Map<Object, Object> decoded = decodeMap(facet.proofs().getFirst().data());
    assertThat(decoded).containsEntry("claim", "p-1 cites p-2").containsEntry("issued", T.getEpochSecond())
        .containsKey("sig");
    assertThat((byte[]) decoded.get("sig")).hasSize(64);
  }

  @Test
  void malformedBlobsAreRejected() {
    byte[] blob = encodeClaim("c", T);
    for (byte[] bad : List.of(java.util.Arrays.copyOf(blob, blob.length - 1), concat(blob, new byte[] {0}), new byte[] {(byte) 0xff},
        new byte[0], new byte[] {(byte) 0x5f, 0x01, (byte) 0xff})) {
      assertThatThrownBy(() -> new StoredProof(ProofType.CUSTOM, "c", "i", null, T, null, bad))
          .isInstanceOfSatisfying(VeriSimException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEMANTIC);
            assertThat(e.field()).isEqualTo("data");
          });
    }
  }

  /** A proof blob for a claim: a CBOR map {claim: text, issued: seconds, sig: 64 bytes}. */
  static byte[] encodeClaim(String claim, Instant issued) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    head(out, 5, 3);
    text(out, "claim");
    text(out, claim);
    text(out, "issued");
    head(out, 0, issued.getEpochSecond());
    text(out, "sig");
    head(out, 2, 64);
    for (int i = 0; i < 64; i++) {
      out.write(i * 7);
    }
    return out.toByteArray();
  }

  private static void text(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    head(out, 3, b.length);
    out.writeBytes(b);
  }

  private static void head(ByteArrayOutputStream out, int major, long arg) {
    if (arg < 24) {
      out.write(major << 5 | (int) arg);
    } else if (arg < 0x100) {
      out.write(major << 5 | 24);
      out.write((int) arg);
    } else if (arg < 0x10000) {
      out.write(major << 5 | 25);
      out.write((int) (arg >> 8));
      out.write((int) arg);
    } else {
      out.write(major << 5 | 27);
      for (int i = 7; i >= 0; i--) {
        out.write((int) (arg >> (8 * i)));
      }
    }
  }

  /** Decodes a definite-length map of text keys to unsigned integers, text and byte strings. */
  private static Map<Object, Object> decodeMap(byte[] b) {
    int[] pos = {0};
    Object item = item(b, pos);
    assertThat(pos[0]).isEqualTo(b.length);
    @SuppressWarnings("unchecked")
    Map<Object, Object> map = (Map<Object, Object>) item;
    return map;
  }

  private static Object item(byte[] b, int[] pos) {
    int initial = b[pos[0]++] & 0xff;
    int major = initial >>> 5;
    int info = initial & 0x1f;
    long arg = info < 24 ? info : 0;
    int size = info == 24 ? 1 : info == 25 ? 2 : info == 26 ? 4 : info == 27 ? 8 : 0;
    for (int i = 0; i < size; i++) {
      arg = arg << 8 | (b[pos[0]++] & 0xff);
    }
    return switch (major) {
      case 0 -> arg;
      case 2, 3 -> {
        byte[] bytes = java.util.Arrays.copyOfRange(b, pos[0], pos[0] + (int) arg);
        pos[0] += (int) arg;
        yield major == 2 ? bytes : new String(bytes, StandardCharsets.UTF_8);
      }
      case 5 -> {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (long i = 0; i < arg; i++) {
          map.put(item(b, pos), item(b, pos));
        }
        yield map;
      }
      default -> throw new AssertionError("unexpected major type " + major);
    };
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
