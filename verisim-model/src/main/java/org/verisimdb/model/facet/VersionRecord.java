package org.verisimdb.model.facet;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.Sha256;

/**
 * One committed version of an octad (VQL §7.6): who committed it and when, its label and
 * message, the hash of each modality's content at that version, the content hash over them,
 * and a link to the previous version.
 *
 * <p>{@code versionHash} = lower-case hex SHA-256 of the UTF-8 bytes of the canonical JSON
 * (see {@link org.verisimdb.model.hash.CanonicalJson}) of
 * <pre>{"actor":A,"committed_at":T,"content_hash":C,"label":L,"message":M,
 *  "modality_hashes":{name:hash,…},"parent_hash":P,"valid_from":V,"version":N}</pre>
 * where absent label, message, valid_from and content_hash are {@code null}, names are lower
 * case, times are canonical timestamps, and {@code P} is {@link Sha256#GENESIS} for version 1
 * and the previous {@code versionHash} after that. A deletion version has {@code content_hash}
 * null and no modality hashes.
 */
public record VersionRecord(
    long version,
    Instant committedAt,
    String actor,
    String label,
    String message,
    Instant validFrom,
    SortedMap<Modality, String> modalityHashes,
    String contentHash,
    String parentHash,
    String versionHash) {

  public VersionRecord {
    if (version < 1) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TEMPORAL, "version", "versions start at 1, got " + version);
    }
    committedAt = Timestamps.require(committedAt, ErrorCode.INVALID_TEMPORAL, "committed_at", "commit time");
    if (actor == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TEMPORAL, "actor", "a version needs the committing principal");
    }
    Limits.requireShortText(actor, Limits.MAX_SHORT_TEXT, ErrorCode.INVALID_TEMPORAL, "actor", "actor");
    TemporalFacet.checkLabelAndMessage(label, message);
    if (validFrom != null) {
      validFrom = Timestamps.require(validFrom, ErrorCode.INVALID_TEMPORAL, "valid_from", "valid-from time");
    }
    EnumMap<Modality, String> hashes = new EnumMap<>(Modality.class);
    if (modalityHashes != null) {
      for (Map.Entry<Modality, String> e : modalityHashes.entrySet()) {
        if (e.getKey() == Modality.TEMPORAL) {
          throw VeriSimException.invalid(ErrorCode.INVALID_TEMPORAL, "modality_hashes", "TEMPORAL has no modality hash");
        }
        hashes.put(e.getKey(), Sha256.require(e.getValue(), ErrorCode.INVALID_TEMPORAL, "modality_hashes", "modality hash"));
      }
    }
    modalityHashes = Collections.unmodifiableSortedMap(new TreeMap<>(hashes));
    if (contentHash != null) {
      Sha256.require(contentHash, ErrorCode.INVALID_TEMPORAL, "content_hash", "content hash");
    } else if (!modalityHashes.isEmpty()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TEMPORAL, "content_hash", "a version with modalities needs a content hash");
    }
    Sha256.require(parentHash, ErrorCode.INVALID_TEMPORAL, "parent_hash", "parent hash");
    Sha256.require(versionHash, ErrorCode.INVALID_TEMPORAL, "version_hash", "version hash");
  }

  /** A new version record, with its hash computed. {@code parentHash} is the previous version's hash or the genesis. */
  public static VersionRecord create(long version, Instant committedAt, String actor, String label, String message, Instant validFrom,
      Map<Modality, String> modalityHashes, String contentHash, String parentHash) {
    Instant at = Timestamps.truncate(committedAt);
    Instant valid = validFrom == null ? null : Timestamps.truncate(validFrom);
    String hash = Sha256.ofCanonicalJson(hashInput(version, at, actor, label, message, valid, modalityHashes, contentHash, parentHash));
    return new VersionRecord(version, at, actor, label, message, valid, new TreeMap<>(modalityHashes), contentHash, parentHash, hash);
  }

  /** True for the version that recorded a deletion. */
  public boolean isDeletion() {
    return contentHash == null;
  }

  /** The hash this record should have, recomputed from its fields. */
  public String recomputeHash() {
    return Sha256.ofCanonicalJson(hashInput(version, committedAt, actor, label, message, validFrom, modalityHashes, contentHash, parentHash));
  }

  /** The object whose canonical JSON is hashed, in the JSON form of VQL §7.6. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = hashInput(version, committedAt, actor, label, message, validFrom, modalityHashes, contentHash, parentHash);
    json.put("version_hash", versionHash);
    return json;
  }

  private static Map<String, Object> hashInput(long version, Instant committedAt, String actor, String label, String message,
      Instant validFrom, Map<Modality, String> modalityHashes, String contentHash, String parentHash) {
    Map<String, Object> hashes = new LinkedHashMap<>();
    modalityHashes.forEach((m, h) -> hashes.put(m.wireName(), h));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", version);
    json.put("committed_at", committedAt);
    json.put("actor", actor);
    json.put("label", label);
    json.put("message", message);
    json.put("valid_from", validFrom);
    json.put("modality_hashes", hashes);
    json.put("content_hash", contentHash);
    json.put("parent_hash", parentHash);
    return json;
  }
}
