package org.verisimdb.engine.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Appends primitive values to a growable byte array, in the encodings the V1 formats use:
 * unsigned LEB128 varints, zig-zag varints for signed values, little-endian fixed-width numbers,
 * length-prefixed UTF-8 strings. Owned by one thread.
 */
public final class BinaryWriter {
  private byte[] buffer;
  private int size;

  public BinaryWriter() {
    this(64);
  }

  public BinaryWriter(int capacity) {
    buffer = new byte[Math.max(16, capacity)];
  }

  public BinaryWriter u8(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  public BinaryWriter bool(boolean value) {
    return u8(value ? 1 : 0);
  }

  /** Unsigned LEB128: 7 bits per byte, low bits first, high bit set on all but the last byte. */
  public BinaryWriter varint(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buffer[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[size++] = (byte) value;
    return this;
  }

  /** Zig-zag then LEB128, so small negative numbers stay short. */
  public BinaryWriter svarint(long value) {
    return varint((value << 1) ^ (value >> 63));
  }

  public BinaryWriter i64(long value) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buffer[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  public BinaryWriter i32(int value) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buffer[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  public BinaryWriter f32(float value) {
    return i32(Float.floatToRawIntBits(value));
  }

  public BinaryWriter f64(double value) {
    return i64(Double.doubleToRawLongBits(value));
  }

  /** varint byte length, then UTF-8 bytes. */
  public BinaryWriter string(String value) {
    return bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /** u8 0 for null, else u8 1 and the string. */
  public BinaryWriter optString(String value) {
    return value == null ? u8(0) : u8(1).string(value);
  }

  /** varint length, then the bytes. */
  public BinaryWriter bytes(byte[] value) {
    varint(value.length);
    return raw(value);
  }

  public BinaryWriter raw(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, buffer, size, value.length);
    size += value.length;
    return this;
  }

  /** Microseconds since the epoch, zig-zag varint. */
  public BinaryWriter instant(Instant value) {
    return svarint(micros(value));
  }

  /** u8 0 for null, else u8 1 and the instant. */
  public BinaryWriter optInstant(Instant value) {
    return value == null ? u8(0) : u8(1).instant(value);
  }

  /** A SHA-256 hex hash as its 32 raw bytes. */
  public BinaryWriter hash(String hex) {
    byte[] raw = HexFormat.of().parseHex(hex);
    if (raw.length != 32) {
      throw new IllegalArgumentException("not a SHA-256 hash: " + hex);
    }
    return raw(raw);
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  static long micros(Instant value) {
    return Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1000);
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
