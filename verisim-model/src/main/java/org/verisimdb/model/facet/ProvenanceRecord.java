package org.verisimdb.model.facet;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.Sha256;

/**
 * One link of an octad's provenance hash chain (DESIGN.md §3, VQL §7.6).
 *
 * <p><b>Hash rule, byte by byte.</b> {@code contentHash} is the lower-case hexadecimal SHA-256
 * of the UTF-8 bytes of this exact text, with no whitespace anywhere:
 * <pre>{"actor":A,"description":D,"event_type":E,"parent_hash":P,"source":S,"timestamp":T}</pre>
 * <ul>
 *   <li>The six members appear in this order, which is their sorted (UTF-16 code unit) order.
 *   <li>A, E, P, T are JSON strings; D and S are JSON strings or the literal {@code null} when
 *       absent.
 *   <li>Strings are escaped as RFC 8785 prescribes: {@code "} and {@code \} with a backslash;
 *       U+0008/09/0A/0C/0D as {@code \b \t \n \f \r}; other code points below U+0020 as
 *       {@code \}{@code u00xx} with lower-case hex; every other character, non-ASCII included,
 *       as its own UTF-8 bytes.
 *   <li>T is the UTC timestamp {@code YYYY-MM-DDThh:mm:ss[.ffffff]Z} with the fraction's
 *       trailing zeros removed and the fraction omitted when zero.
 *   <li>P is the previous record's {@code contentHash}, or for the first record the genesis,
 *       SHA-256 of the empty string ({@value Sha256#GENESIS}).
 * </ul>
 * A chain verifies iff every record's hash recomputes and every parent equals its predecessor's
 * hash. The fixed vectors in {@code ProvenanceRecordTest} pin this rule.
 */
public record ProvenanceRecord(
    String eventType, String actor, String source, String description, Instant timestamp, String parentHash, String contentHash) {

  /** Event types the database itself records; any other lower-case word is a custom event. */
  public static final Set<String> STANDARD_EVENTS =
      Set.of("created", "modified", "imported", "normalized", "drift_repaired", "deleted", "merged");

  /** Longest description, in chars. */
  public static final int MAX_DESCRIPTION = 64 * 1024;

  private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public ProvenanceRecord {
    requireEventType(eventType, "event_type");
    if (actor == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_PROVENANCE, "actor", "a provenance record needs an actor");
    }
    Limits.requireShortText(actor, Limits.MAX_SHORT_TEXT, ErrorCode.INVALID_PROVENANCE, "actor", "actor");
    if (source != null) {
      Limits.requireShortText(source, Limits.MAX_SHORT_TEXT, ErrorCode.INVALID_PROVENANCE, "source", "source");
    }
    if (description != null) {
      Limits.requireText(description, MAX_DESCRIPTION, ErrorCode.INVALID_PROVENANCE, "description", "description");
    }
    timestamp = Timestamps.require(timestamp, ErrorCode.INVALID_PROVENANCE, "timestamp", "timestamp");
    Sha256.require(parentHash, ErrorCode.INVALID_PROVENANCE, "parent_hash", "parent hash");
    Sha256.require(contentHash, ErrorCode.INVALID_PROVENANCE, "content_hash", "content hash");
  }

  /** A new record linked to {@code parentHash} (the genesis for a first record), its hash computed. */
  public static ProvenanceRecord create(String parentHash, String eventType, String actor, String source, String description,
      Instant timestamp) {
    Instant at = Timestamps.truncate(timestamp);
    String hash = Sha256.ofCanonicalJson(hashInput(eventType, actor, source, description, at, parentHash));
    return new ProvenanceRecord(eventType, actor, source, description, at, parentHash, hash);
  }

  public static String requireEventType(String eventType, String field) {
    if (eventType == null || !EVENT_TYPE.matcher(eventType).matches()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_PROVENANCE, field, "event type '" + eventType
          + "' must be a lower-case word of up to 64 letters, digits and _ (e.g. imported, reviewed)");
    }
    return eventType;
  }

  /** The hash this record should have, recomputed from its fields. */
  public String recomputeHash() {
    return Sha256.ofCanonicalJson(hashInput(eventType, actor, source, description, timestamp, parentHash));
  }

  /** The JSON object of VQL §7.6, with the content hash. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = hashInput(eventType, actor, source, description, timestamp, parentHash);
    json.put("content_hash", contentHash);
    return json;
  }

  private static Map<String, Object> hashInput(String eventType, String actor, String source, String description, Instant timestamp,
      String parentHash) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("actor", actor);
    json.put("description", description);
    json.put("event_type", eventType);
    json.put("parent_hash", parentHash);
    json.put("source", source);
    json.put("timestamp", timestamp);
    return json;
  }
}
