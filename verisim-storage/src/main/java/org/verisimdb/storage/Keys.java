package org.verisimdb.storage;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Byte-string keys: every backend orders them as unsigned bytes, lexicographically (the order
 * RocksDB's default comparator, LMDB and SQLite BLOB comparison use).
 */
public final class Keys {
  /** The one key order of every backend. */
  public static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;

  private Keys() {}

  /**
   * The smallest key greater than every key that starts with {@code prefix}, or null when there
   * is none (an empty prefix, or one of only 0xFF bytes): the exclusive end of a prefix scan.
   */
  public static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xff) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }

  /** True when {@code key} starts with {@code prefix}. */
  public static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }
}
