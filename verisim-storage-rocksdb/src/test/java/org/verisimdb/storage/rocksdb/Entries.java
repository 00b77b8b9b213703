package org.verisimdb.storage.rocksdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;

/** Test helpers: text as bytes, and key ranges as readable lists to compare. Stateless. */
final class Entries {
  private static final HexFormat HEX = HexFormat.of();

  private Entries() {}

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  /** Every entry of the cursor as "key=value" in hex, closing the cursor. */
  static List<String> of(Cursor cursor) {
    List<String> entries = new ArrayList<>();
    try (cursor) {
      while (cursor.next()) {
        entries.add(HEX.formatHex(cursor.key()) + "=" + HEX.formatHex(cursor.value()));
      }
    }
    return entries;
  }

  /** The model's entries with {@code from <= key < to} (null bounds open), as {@link #of(Cursor)} lists them. */
  static List<String> of(NavigableMap<byte[], byte[]> model, byte[] from, byte[] to) {
    List<String> entries = new ArrayList<>();
    if (from != null && to != null && Keys.ORDER.compare(from, to) >= 0) {
      return entries;
    }
    NavigableMap<byte[], byte[]> range = model;
    if (from != null) {
      range = range.tailMap(from, true);
    }
    if (to != null) {
      range = range.headMap(to, false);
    }
    for (Map.Entry<byte[], byte[]> e : range.entrySet()) {
      entries.add(HEX.formatHex(e.getKey()) + "=" + HEX.formatHex(e.getValue()));
    }
    return entries;
  }

  static String hex(byte[] bytes) {
    return bytes == null ? "null" : HEX.formatHex(bytes);
  }
}
