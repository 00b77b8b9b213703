package org.verisimdb.storage.wal;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * Write-ahead log segment, format 1. Big-endian. File name {@code wal-{segment:016x}.log};
 * segment numbers increase by one and are never reused.
 * <pre>
 * header   0  int32 magic 0x5657414C ("VWAL")
 *          4  int16 version = 1
 *          6  int16 flags = 0
 *          8  int64 segment number
 *         16  int64 first LSN: the LSN of the first record this segment holds (or will hold)
 *         24  int32 CRC32C of bytes 0..24
 *         28  int32 reserved = 0
 * record   0  int32 n = 9 + payload length
 *          4  int32 CRC32C of bytes 8 .. 8+n (LSN, type and payload)
 *          8  int64 LSN: one more than the previous record's, across segments
 *         16  uint8 type (1 = batch, see {@link BatchCodec})
 *         17  payload, n − 9 bytes
 * </pre>
 * A segment's records follow its header back to back. Recovery treats a short or bad record in
 * the last segment, with no valid record after it, as a torn write and truncates it; any other
 * bad record, a gap in segment numbers or LSNs, or a bad header is corruption, and the log
 * refuses to open (STORAGE_CORRUPT naming the file and offset). Type numbers are explicit and
 * never reused. A new format gets a new class; this one stays readable.
 */
public final class WalFormatV1 {
  public static final int MAGIC = 0x5657414C;
  public static final short VERSION = 1;
  public static final int HEADER_BYTES = 32;
  /** Bytes before a record's payload. */
  public static final int RECORD_OVERHEAD = 17;
  /** Record type of a committed transaction's batch. */
  public static final int TYPE_BATCH = 1;

  private static final String PREFIX = "wal-";
  private static final String SUFFIX = ".log";

  private WalFormatV1() {}

  public static String segmentName(long segment) {
    return PREFIX + HexFormat.of().toHexDigits(segment) + SUFFIX;
  }

  /** The segment number of a file name, or -1 when the name is not a segment's. */
  public static long segmentNumber(String name) {
    if (name.length() != PREFIX.length() + 16 + SUFFIX.length() || !name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
      return -1;
    }
    String hex = name.substring(PREFIX.length(), PREFIX.length() + 16);
    for (int i = 0; i < hex.length(); i++) {
      if (Character.digit(hex.charAt(i), 16) < 0 || Character.isUpperCase(hex.charAt(i))) {
        return -1;
      }
    }
    return HexFormat.fromHexDigitsToLong(hex);
  }

  static ByteBuffer header(long segment, long firstLsn) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
    b.putInt(MAGIC).putShort(VERSION).putShort((short) 0).putLong(segment).putLong(firstLsn);
    b.putInt(crc(b.array(), 0, 24)).putInt(0);
    return b.flip();
  }

  /** A parsed header, or the reason it is not one. */
  record Header(long segment, long firstLsn, String problem) {}

  static Header parseHeader(ByteBuffer b) {
    if (b.remaining() < HEADER_BYTES) {
      return new Header(-1, -1, "the header is incomplete (" + b.remaining() + " of " + HEADER_BYTES + " bytes)");
    }
    int start = b.position();
    byte[] raw = new byte[HEADER_BYTES];
    b.get(raw);
    ByteBuffer h = ByteBuffer.wrap(raw);
    if (h.getInt() != MAGIC) {
      return new Header(-1, -1, "it does not start with the log's magic number");
    }
    short version = h.getShort();
    if (version != VERSION) {
      return new Header(-1, -1, "it has format " + version + ", which this release (format " + VERSION + ") cannot read");
    }
    h.getShort();
    long segment = h.getLong();
    long firstLsn = h.getLong();
    if (h.getInt() != crc(raw, 0, 24)) {
      b.position(start);
      return new Header(-1, -1, "its header checksum does not match");
    }
    return new Header(segment, firstLsn, null);
  }

  /** Frames a record: length, checksum, LSN, type, payload. */
  static ByteBuffer record(long lsn, int type, byte[] payload) {
    int n = 9 + payload.length;
    ByteBuffer b = ByteBuffer.allocate(8 + n);
    b.putInt(n).putInt(0).putLong(lsn).put((byte) type).put(payload);
    b.putInt(4, crc(b.array(), 8, n));
    return b.flip();
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
