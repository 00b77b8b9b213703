package org.verisimdb.engine.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.verisimdb.model.OctadId;
import org.verisimdb.storage.Keys;

/**
 * Key encodings of the octad layout. Ids are UTF-8 and never contain a zero byte, so
 * {@code id 0x00 …} keys of one octad sort together, right after the bare id, and the range
 * {@code [id 0x00, id 0x01)} holds exactly one octad's keys. Stateless.
 */
public final class StoreKeys {
  private StoreKeys() {}

  /** The bare id: headers, and facets written by format-1 databases. */
  public static byte[] id(OctadId id) {
    return id.value().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code id 0x00}: the start of the octad's sequenced or versioned keys. */
  public static byte[] prefix(OctadId id) {
    byte[] key = id(id);
    byte[] prefix = new byte[key.length + 1];
    System.arraycopy(key, 0, prefix, 0, key.length);
    return prefix;
  }

  /** The end (exclusive) of the octad's sequenced or versioned keys. */
  public static byte[] prefixEnd(OctadId id) {
    return Keys.prefixEnd(prefix(id));
  }

  /** {@code id 0x00 seq:i64 BE}: version and provenance records, oldest first. */
  public static byte[] seq(OctadId id, long seq) {
    byte[] key = id(id);
    return ByteBuffer.allocate(key.length + 9).put(key).put((byte) 0).putLong(seq).array();
  }

  /**
   * {@code id 0x00 (2^63-1 - version):i64 BE}: versioned facets and headers, newest first, so a
   * scan from {@code versioned(id, v)} meets the newest entry at or before version {@code v} first.
   */
  public static byte[] versioned(OctadId id, long version) {
    return seq(id, Long.MAX_VALUE - version);
  }

  /** The version of a {@link #versioned} key, or 0 for a bare-id key (format 1). */
  public static long versionOf(byte[] key) {
    int zero = zeroAt(key);
    return zero < 0 ? 0 : Long.MAX_VALUE - ByteBuffer.wrap(key, zero + 1, 8).getLong();
  }

  /** The octad id a key belongs to. */
  public static OctadId idOf(byte[] key) {
    int zero = zeroAt(key);
    return OctadId.of(new String(key, 0, zero < 0 ? key.length : zero, StandardCharsets.UTF_8));
  }

  private static int zeroAt(byte[] key) {
    for (int i = 0; i < key.length; i++) {
      if (key[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
