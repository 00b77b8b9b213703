package org.verisimdb.model.facet;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.Sha256;

/**
 * A proof attached to an octad's semantic modality: what kind, what it claims, who issued it
 * with which key and when, the content hash it covers ({@code subjectHash}, VQL §7.5), and the
 * proof itself as a CBOR blob. Storing a proof does not verify it; {@code HAS PROOF} and the
 * PROVEN proof type do.
 */
public record StoredProof(ProofType type, String claim, String issuer, String keyId, Instant issuedAt, String subjectHash, byte[] data) {
  public StoredProof {
    if (type == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "type", "a stored proof needs a proof type");
    }
    if (claim != null) {
      Limits.requireText(claim, Limits.MAX_STRING_LENGTH, ErrorCode.INVALID_SEMANTIC, "claim", "proof claim");
    }
    if (issuer == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "issuer", "a stored proof needs an issuer");
    }
    Limits.requireShortText(issuer, Limits.MAX_SHORT_TEXT, ErrorCode.INVALID_SEMANTIC, "issuer", "proof issuer");
    if (keyId != null) {
      Limits.requireShortText(keyId, Limits.MAX_SHORT_TEXT, ErrorCode.INVALID_SEMANTIC, "key_id", "key id");
    }
    issuedAt = Timestamps.require(issuedAt, ErrorCode.INVALID_SEMANTIC, "issued_at", "proof issue time");
    if (subjectHash != null) {
      Sha256.require(subjectHash, ErrorCode.INVALID_SEMANTIC, "subject_hash", "subject hash");
    }
    if (data == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "data", "a stored proof needs its CBOR data");
    }
    if (data.length > Limits.MAX_BLOB_BYTES) {
      throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, "data",
          "proof data is " + data.length + " bytes; the limit is " + Limits.MAX_BLOB_BYTES);
    }
    data = data.clone();
    Cbor.requireWellFormed(data, "data");
  }

  /** A copy of the CBOR proof data. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredProof p && type == p.type && Objects.equals(claim, p.claim) && issuer.equals(p.issuer)
        && Objects.equals(keyId, p.keyId) && issuedAt.equals(p.issuedAt) && Objects.equals(subjectHash, p.subjectHash)
        && Arrays.equals(data, p.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, claim, issuer, keyId, issuedAt, subjectHash) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "StoredProof[type=" + type + ", claim=" + claim + ", issuer=" + issuer + ", keyId=" + keyId + ", issuedAt=" + issuedAt
        + ", subjectHash=" + subjectHash + ", data=" + data.length + " bytes]";
  }
}
