package org.verisimdb.engine.store;

import java.util.EnumSet;
import java.util.TreeSet;
import org.verisimdb.engine.codec.BinaryReader;
import org.verisimdb.engine.codec.BinaryWriter;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Stored form of an {@link OctadHeader} and the LSN of the commit that wrote it (primitive
 * encodings as in {@link org.verisimdb.engine.codec.FacetFormatV1}), format 2:
 * <pre>
 * u8 format = 2, varint commit LSN, varint version, u8 deleted (0|1), instant created at, instant modified at,
 * opt instant valid from, opt string label, opt string message, varint version count,
 * varint n × string principal (modified by), varint modality bit set (bit t = modality tag t),
 * hash version chain head, varint provenance record count, opt hash provenance chain head
 * </pre>
 * Format 1, written before versions were kept, is the same without the commit LSN; it reads as
 * LSN 0, visible to every snapshot.
 */
final class HeaderFormat {
  static final int FORMAT = 2;

  private HeaderFormat() {}

  /** A header and the LSN of the commit that wrote it. */
  record Stamped(OctadHeader header, long commitLsn) {}

  static byte[] encode(OctadHeader h, long commitLsn) {
    BinaryWriter out = new BinaryWriter(128);
    out.u8(FORMAT).varint(commitLsn).varint(h.version()).bool(h.deleted()).instant(h.createdAt()).instant(h.modifiedAt()).optInstant(h.validFrom())
        .optString(h.label()).optString(h.message()).varint(h.versionCount()).varint(h.modifiedBy().size());
    h.modifiedBy().forEach(out::string);
    long bits = 0;
    for (Modality m : h.modalities()) {
      bits |= 1L << m.tag();
    }
    out.varint(bits).hash(h.versionHash()).varint(h.provenanceCount());
    if (h.provenanceHead() == null) {
      out.u8(0);
    } else {
      out.u8(1).hash(h.provenanceHead());
    }
    return out.toByteArray();
  }

  static OctadHeader decode(byte[] bytes, String id) {
    return decodeStamped(bytes, id).header();
  }

  static Stamped decodeStamped(byte[] bytes, String id) {
    BinaryReader in = new BinaryReader(bytes, "header of octad " + id);
    int format = in.u8();
    if (format != FORMAT && format != 1) {
      throw in.corrupt("unknown header format " + format + " (this version reads formats 1 and " + FORMAT + ")");
    }
    try {
      long commitLsn = format == 1 ? 0 : in.varint();
      long version = in.varint();
      boolean deleted = in.bool();
      var createdAt = in.instant();
      var modifiedAt = in.instant();
      var validFrom = in.optInstant();
      String label = in.optString();
      String message = in.optString();
      long versionCount = in.varint();
      int principals = in.count(1 << 20, "principal");
      TreeSet<String> modifiedBy = new TreeSet<>();
      for (int i = 0; i < principals; i++) {
        modifiedBy.add(in.string());
      }
      long bits = in.varint();
      EnumSet<Modality> modalities = EnumSet.noneOf(Modality.class);
      for (Modality m : Modality.values()) {
        if ((bits & (1L << m.tag())) != 0) {
          modalities.add(m);
        }
      }
      String versionHash = in.hash();
      long provenanceCount = in.varint();
      String provenanceHead = in.bool() ? in.hash() : null;
      in.end();
      return new Stamped(new OctadHeader(version, deleted, createdAt, modifiedAt, validFrom, label, message, versionCount, modifiedBy,
          modalities, versionHash, provenanceCount, provenanceHead), commitLsn);
    } catch (IllegalArgumentException | VeriSimException e) {
      if (e instanceof VeriSimException v && v.code() == ErrorCode.STORAGE_CORRUPT) {
        throw v;
      }
      throw in.corrupt(e.getMessage());
    }
  }
}
