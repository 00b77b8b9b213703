package org.verisimdb.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.VersionRecord;

/**
 * The JSON form of the TEMPORAL and PROVENANCE modalities: the version history and the
 * provenance chain, each record in its VQL §7.6 form with its stored hash.
 *
 * <p>Records are read back verbatim: stored hashes are kept as given, never recomputed, so a
 * tampered record stays visible to {@link ProvenanceFacet#verify()} and to version-chain checks.
 * Stateless and thread-safe.
 */
final class HistoryJson {
  static final Members.Shape TEMPORAL = Members.Shape.of("temporal",
      List.of("version", "version_count", "created_at", "modified_at", "valid_from", "label", "message", "modified_by", "versions"));
  static final Members.Shape VERSION = Members.Shape.of("a version record",
      List.of("version", "committed_at", "actor", "label", "message", "valid_from", "modality_hashes", "content_hash", "parent_hash",
          "version_hash"));
  static final Members.Shape PROVENANCE = Members.Shape.of("provenance", List.of("records"), Map.of(
      "chain_length", Members.Kind.INTEGER, "chain_valid", Members.Kind.BOOLEAN,
      "head_hash", Members.Kind.STRING, "origin", Members.Kind.STRING_OR_NULL));
  static final Members.Shape RECORD = Members.Shape.of("a provenance record",
      List.of("actor", "description", "event_type", "parent_hash", "source", "timestamp", "content_hash"));

  /** Modalities that have a modality hash, by wire name. */
  private static final List<String> HASHED = Arrays.stream(Modality.values())
      .filter(m -> m != Modality.TEMPORAL).map(Modality::wireName).toList();

  private HistoryJson() {}

  // ---- temporal

  static Map<String, Object> temporal(TemporalFacet temporal) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", temporal.version());
    json.put("version_count", temporal.versionCount());
    json.put("created_at", temporal.createdAt());
    json.put("modified_at", temporal.modifiedAt());
    json.put("valid_from", temporal.validFrom());
    json.put("label", temporal.label());
    json.put("message", temporal.message());
    json.put("modified_by", new ArrayList<>(temporal.modifiedBy()));
    json.put("versions", temporal.versions().stream().map(VersionRecord::toJson).toList());
    return json;
  }

  static TemporalFacet readTemporal(JsonNode node) {
    Members temporal = Members.read(node, "temporal", TEMPORAL);
    long version = temporal.integer("version");
    long versionCount = temporal.integer("version_count");
    Instant createdAt = temporal.timestamp("created_at", ErrorCode.INVALID_TEMPORAL);
    Instant modifiedAt = temporal.timestamp("modified_at", ErrorCode.INVALID_TEMPORAL);
    Instant validFrom = temporal.timestampOrNull("valid_from", ErrorCode.INVALID_TEMPORAL);
    String label = temporal.stringOrNull("label");
    String message = temporal.stringOrNull("message");
    TreeSet<String> modifiedBy = new TreeSet<>(temporal.strings("modified_by"));
    JsonNode array = temporal.array("versions");
    List<VersionRecord> versions = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      versions.add(readVersion(Members.read(array.get(i), Nodes.element(temporal.path("versions"), i), VERSION)));
    }
    return new TemporalFacet(version, createdAt, modifiedAt, validFrom, label, message, versionCount, modifiedBy, versions);
  }

  private static VersionRecord readVersion(Members record) {
    long version = record.integer("version");
    Instant committedAt = record.timestamp("committed_at", ErrorCode.INVALID_TEMPORAL);
    String actor = record.string("actor");
    String label = record.stringOrNull("label");
    String message = record.stringOrNull("message");
    Instant validFrom = record.timestampOrNull("valid_from", ErrorCode.INVALID_TEMPORAL);
    TreeMap<Modality, String> hashes = new TreeMap<>();
    String hashesPath = record.path("modality_hashes");
    for (Map.Entry<String, JsonNode> entry : record.object("modality_hashes").properties()) {
      String path = Nodes.child(hashesPath, entry.getKey());
      Modality modality = modality(entry.getKey(), path);
      hashes.put(modality, Nodes.string(entry.getValue(), path));
    }
    String contentHash = record.stringOrNull("content_hash");
    String parentHash = record.string("parent_hash");
    String versionHash = record.string("version_hash");
    return Nodes.build(record.path(),
        () -> new VersionRecord(version, committedAt, actor, label, message, validFrom, hashes, contentHash, parentHash, versionHash));
  }

  // Names are the exact lower-case wire names; "temporal" is passed on for the model to refuse.
  private static Modality modality(String name, String path) {
    for (Modality m : Modality.values()) {
      if (m.wireName().equals(name)) {
        return m;
      }
    }
    throw Members.unknown(name, path, "modality_hashes", HASHED);
  }

  // ---- provenance

  static Map<String, Object> provenance(ProvenanceFacet provenance) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("chain_length", provenance.records().size());
    json.put("chain_valid", provenance.verify().valid());
    json.put("head_hash", provenance.headHash());
    json.put("origin", origin(provenance.records()));
    json.put("records", provenance.records().stream().map(ProvenanceRecord::toJson).toList());
    return json;
  }

  /** The source of the earliest record that has one, or null (VQL §4.3). */
  static String origin(List<ProvenanceRecord> records) {
    for (ProvenanceRecord record : records) {
      if (record.source() != null) {
        return record.source();
      }
    }
    return null;
  }

  static ProvenanceFacet readProvenance(JsonNode node) {
    Members provenance = Members.read(node, "provenance", PROVENANCE);
    JsonNode array = provenance.array("records");
    List<ProvenanceRecord> records = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      records.add(readRecord(Members.read(array.get(i), Nodes.element(provenance.path("records"), i), RECORD)));
    }
    return new ProvenanceFacet(records);
  }

  private static ProvenanceRecord readRecord(Members record) {
    String actor = record.string("actor");
    String description = record.stringOrNull("description");
    String eventType = record.string("event_type");
    String parentHash = record.string("parent_hash");
    String source = record.stringOrNull("source");
    Instant timestamp = record.timestamp("timestamp", ErrorCode.INVALID_PROVENANCE);
    String contentHash = record.string("content_hash");
    return Nodes.build(record.path(),
        () -> new ProvenanceRecord(eventType, actor, source, description, timestamp, parentHash, contentHash));
  }
}
