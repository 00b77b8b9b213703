package org.verisimdb.engine.query.proof;

import java.util.LinkedHashMap;
import java.util.Map;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.vql.ast.Value;

/**
 * Builds the evidence object of one obligation, member by member, and ends it as a pass or a
 * failure. Also converts the plain Java values of the data model's JSON forms into VQL values.
 * Not thread-safe; one per obligation.
 */
final class Evidence {
  private final Map<String, Value> members = new LinkedHashMap<>();

  private Evidence() {}

  /** Evidence about the octad {@code id}. */
  static Evidence about(OctadId id) {
    return new Evidence().put("id", id.value());
  }

  /** Adds a member; {@code value} is a VQL value or a plain Java value ({@link #value}). */
  Evidence put(String name, Object value) {
    members.put(name, ValueJson.fromPlain(value));
    return this;
  }

  Obligation pass() {
    members.put("verified", Value.TRUE);
    members.put("reason", Value.NULL);
    return new Obligation(true, null, new Value.Obj(members));
  }

  /** A failure with reason {@code "<code>: <text>"}. */
  Obligation fail(String code, String text) {
    String reason = code + ": " + text;
    members.put("verified", Value.FALSE);
    members.put("reason", new Value.Str(reason));
    return new Obligation(false, reason, new Value.Obj(members));
  }

  /** The octad's content hash: the one its current version record holds, else recomputed from its data. */
  static String contentHash(Octad octad) {
    VersionRecord current = octad.temporal().current();
    if (current != null && current.contentHash() != null) {
      return current.contentHash();
    }
    return ContentHash.ofOctad(octad.id(), ContentHash.modalityHashes(octad.facets()));
  }

  /** The hash of the octad's current version record, or null when it was read without it. */
  static String versionHash(Octad octad) {
    VersionRecord current = octad.temporal().current();
    return current == null ? null : current.versionHash();
  }
}
