package org.verisimdb.model.facet;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.Sha256;

/**
 * An attestation by a sanctifier that an octad's content (its {@code contentHash}) reached a
 * level of trust, with the sanctifier's signature. Storing a seal does not verify it; the
 * SANCTIFY proof type does.
 */
public record Seal(String sanctifier, String keyId, Level level, String contentHash, Instant sealedAt, byte[] signature) {

  /** Seal levels, ordered: basic &lt; standard &lt; high. */
  public enum Level {
    BASIC(1), STANDARD(2), HIGH(3);

    private final int tag;

    Level(int tag) {
      this.tag = tag;
    }

    /** The stable number of this level in stored formats. */
    public int tag() {
      return tag;
    }

    /** The level with this stored tag, or null. */
    public static Level ofTag(int tag) {
      for (Level l : values()) {
        if (l.tag == tag) {
          return l;
        }
      }
      return null;
    }

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Level parse(String name) {
      for (Level l : values()) {
        if (l.name().equalsIgnoreCase(name)) {
          return l;
        }
      }
      throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "level", "unknown seal level '" + name + "'; use basic, standard or high");
    }
  }

  public Seal {
    if (sanctifier == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "sanctifier", "a seal needs a sanctifier");
    }
    Limits.requireShortText(sanctifier, Limits.MAX_SHORT_TEXT, ErrorCode.INVALID_SEMANTIC, "sanctifier", "sanctifier");
    if (keyId != null) {
      Limits.requireShortText(keyId, Limits.MAX_SHORT_TEXT, ErrorCode.INVALID_SEMANTIC, "key_id", "key id");
    }
    if (level == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "level", "a seal needs a level (basic, standard or high)");
    }
    Sha256.require(contentHash, ErrorCode.INVALID_SEMANTIC, "content_hash", "sealed content hash");
    sealedAt = Timestamps.require(sealedAt, ErrorCode.INVALID_SEMANTIC, "sealed_at", "seal time");
    if (signature == null || signature.length == 0) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "signature", "a seal needs a signature");
    }
    if (signature.length > Limits.MAX_BLOB_BYTES) {
      throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, "signature",
          "signature is " + signature.length + " bytes; the limit is " + Limits.MAX_BLOB_BYTES);
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Seal s && sanctifier.equals(s.sanctifier) && Objects.equals(keyId, s.keyId) && level == s.level
        && contentHash.equals(s.contentHash) && sealedAt.equals(s.sealedAt) && Arrays.equals(signature, s.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sanctifier, keyId, level, contentHash, sealedAt) * 31 + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "Seal[sanctifier=" + sanctifier + ", level=" + level.wireName() + ", contentHash=" + contentHash + ", sealedAt=" + sealedAt + "]";
  }
}
