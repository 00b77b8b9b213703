package org.verisimdb.engine.codec;

import java.util.EnumMap;
import java.util.Map;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.facet.VersionRecord;

/**
 * Stored form of version records and provenance records, format 1 (primitive encodings as in
 * {@link FacetFormatV1}):
 * <pre>
 * version record     u8 format = 1, varint version, instant committed at, string actor,
 *                    opt string label, opt string message, opt instant valid from,
 *                    varint n × (u8 modality tag, hash), opt hash content, hash parent, hash version
 * provenance record  u8 format = 1, string event type, string actor, opt string source,
 *                    opt string description, instant timestamp, hash parent, hash content
 * </pre>
 * Stored hashes are kept as read: a record whose hash no longer recomputes is returned as it is,
 * so verification can report it.
 */
public final class HistoryFormatV1 {
  static final int FORMAT = 1;

  private HistoryFormatV1() {}

  public static byte[] encode(VersionRecord v) {
    BinaryWriter out = new BinaryWriter(192);
    out.u8(FORMAT).varint(v.version()).instant(v.committedAt()).string(v.actor()).optString(v.label()).optString(v.message())
        .optInstant(v.validFrom()).varint(v.modalityHashes().size());
    v.modalityHashes().forEach((m, h) -> out.u8(m.tag()).hash(h));
    if (v.contentHash() == null) {
      out.u8(0);
    } else {
      out.u8(1).hash(v.contentHash());
    }
    return out.hash(v.parentHash()).hash(v.versionHash()).toByteArray();
  }

  public static VersionRecord decodeVersion(byte[] bytes, String id) {
    BinaryReader in = new BinaryReader(bytes, "version record of octad " + id);
    format(in);
    try {
      long version = in.varint();
      var committedAt = in.instant();
      String actor = in.string();
      String label = in.optString();
      String message = in.optString();
      var validFrom = in.optInstant();
      int n = in.count(Modality.values().length, "modality hash");
      Map<Modality, String> hashes = new EnumMap<>(Modality.class);
      for (int i = 0; i < n; i++) {
        hashes.put(Modality.ofTag(in.u8()), in.hash());
      }
      String content = in.bool() ? in.hash() : null;
      VersionRecord record = new VersionRecord(version, committedAt, actor, label, message, validFrom, new java.util.TreeMap<>(hashes), content,
          in.hash(), in.hash());
      in.end();
      return record;
    } catch (VeriSimException e) {
      throw rethrow(in, e);
    }
  }

  public static byte[] encode(ProvenanceRecord r) {
    return new BinaryWriter(192).u8(FORMAT).string(r.eventType()).string(r.actor()).optString(r.source()).optString(r.description())
        .instant(r.timestamp()).hash(r.parentHash()).hash(r.contentHash()).toByteArray();
  }

  public static ProvenanceRecord decodeProvenance(byte[] bytes, String id) {
    BinaryReader in = new BinaryReader(bytes, "provenance record of octad " + id);
    format(in);
    try {
      ProvenanceRecord record = new ProvenanceRecord(in.string(), in.string(), in.optString(), in.optString(), in.instant(), in.hash(), in.hash());
      in.end();
      return record;
    } catch (VeriSimException e) {
      throw rethrow(in, e);
    }
  }

  private static void format(BinaryReader in) {
    int format = in.u8();
    if (format != FORMAT) {
      throw in.corrupt("unknown record format " + format + " (this version reads format " + FORMAT + ")");
    }
  }

  private static VeriSimException rethrow(BinaryReader in, VeriSimException e) {
    return e.code() == ErrorCode.STORAGE_CORRUPT ? e : in.corrupt("the stored record fails validation: " + e.getMessage());
  }
}
