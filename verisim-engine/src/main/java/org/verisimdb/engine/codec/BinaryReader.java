package org.verisimdb.engine.codec;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Reads what {@link BinaryWriter} wrote. Every read is bounds-checked: truncated or malformed
 * input is STORAGE_CORRUPT naming what was being read and where, never an
 * ArrayIndexOutOfBoundsException. Owned by one thread.
 */
public final class BinaryReader {
  private final byte[] data;
  private final String what;
  private int pos;

  /** @param what names the record being decoded, for error messages */
  public BinaryReader(byte[] data, String what) {
    this.data = data;
    this.what = what;
  }

  public int u8() {
    need(1);
    return data[pos++] & 0xff;
  }

  public boolean bool() {
    int v = u8();
    if (v > 1) {
      throw corrupt("boolean byte " + v);
    }
    return v == 1;
  }

  public long varint() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = u8();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw corrupt("varint longer than 10 bytes");
  }

  /** A varint that must fit a non-negative int no larger than {@code max}. */
  public int count(int max, String of) {
    long v = varint();
    if (v < 0 || v > max) {
      throw corrupt(of + " count " + v + " exceeds " + max);
    }
    return (int) v;
  }

  public long svarint() {
    long v = varint();
    return (v >>> 1) ^ -(v & 1);
  }

  public long i64() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v |= (long) (data[pos++] & 0xff) << (8 * i);
    }
    return v;
  }

  public int i32() {
    need(4);
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v |= (data[pos++] & 0xff) << (8 * i);
    }
    return v;
  }

  public float f32() {
    return Float.intBitsToFloat(i32());
  }

  public double f64() {
    return Double.longBitsToDouble(i64());
  }

  public String string() {
    byte[] bytes = bytes();
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw corrupt("invalid UTF-8 in a string");
    }
  }

  public String optString() {
    return bool() ? string() : null;
  }

  public byte[] bytes() {
    int length = count(Integer.MAX_VALUE - 8, "byte");
    return raw(length);
  }

  public byte[] raw(int length) {
    need(length);
    byte[] out = Arrays.copyOfRange(data, pos, pos + length);
    pos += length;
    return out;
  }

  public Instant instant() {
    long micros = svarint();
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }

  public Instant optInstant() {
    return bool() ? instant() : null;
  }

  public String hash() {
    return HexFormat.of().formatHex(raw(32));
  }

  /** Fails unless every byte has been read: trailing bytes mean a format mismatch. */
  public void end() {
    if (pos != data.length) {
      throw corrupt((data.length - pos) + " unread bytes at the end");
    }
  }

  public VeriSimException corrupt(String problem) {
    return new VeriSimException(ErrorCode.STORAGE_CORRUPT,
        "stored " + what + " is damaged at byte " + pos + " of " + data.length + ": " + problem
            + "; restore from a backup or rebuild from the write-ahead log");
  }

  private void need(int n) {
    if (n < 0 || pos + n > data.length) {
      throw corrupt("needs " + n + " more bytes");
    }
  }
}
