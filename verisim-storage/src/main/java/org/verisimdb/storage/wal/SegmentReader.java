package org.verisimdb.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Reads a segment's records in order through a large buffer, checking each frame and checksum.
 * Stops at the end of the file or at a given end offset. Owned by one thread.
 */
final class SegmentReader {
  /** Largest record length accepted: anything bigger is damage, not data. */
  static final int MAX_RECORD = 1 << 30;
  private static final int BUFFER = 1 << 20;

  /** What {@link #next()} found. */
  sealed interface Step {
    record Record(WalRecord record) implements Step {}

    record End() implements Step {}

    /** A record that cannot be read at {@code offset}; {@code truncated} when the file ends inside it. */
    record Bad(long offset, String reason, boolean truncated) implements Step {}
  }

  private final LogFile file;
  private final String name;
  private final long end;
  private ByteBuffer buffer = ByteBuffer.allocate(BUFFER).flip();
  private long bufferStart;
  private final CRC32C crc = new CRC32C();

  SegmentReader(LogFile file, String name, long from, long end) {
    this.file = file;
    this.name = name;
    this.end = end;
    this.bufferStart = from;
  }

  /** The offset of the next record. */
  long position() {
    return bufferStart + buffer.position();
  }

  Step next() throws IOException {
    long offset = position();
    if (!fill(8)) {
      int left = buffer.remaining();
      return left == 0 ? new Step.End() : new Step.Bad(offset, "the file ends " + left + " bytes into a record header", true);
    }
    int n = buffer.getInt(buffer.position());
    int expectedCrc = buffer.getInt(buffer.position() + 4);
    if (n < 9 || n > MAX_RECORD) {
      return new Step.Bad(offset, "record length " + n + " is impossible", false);
    }
    if (!fill(8 + n)) {
      return new Step.Bad(offset, "the file ends inside a record of " + (8 + n) + " bytes (" + buffer.remaining() + " present)", true);
    }
    byte[] body = new byte[n];
    buffer.position(buffer.position() + 8);
    buffer.get(body);
    crc.reset();
    crc.update(body, 0, n);
    if ((int) crc.getValue() != expectedCrc) {
      buffer.position(buffer.position() - 8 - n);
      return new Step.Bad(offset, "its checksum does not match", false);
    }
    ByteBuffer b = ByteBuffer.wrap(body);
    long lsn = b.getLong();
    int type = b.get() & 0xff;
    byte[] payload = new byte[n - 9];
    b.get(payload);
    return new Step.Record(new WalRecord(lsn, type, payload, name, offset));
  }

  /** Makes at least {@code needed} bytes available from the current position; false at the end. */
  private boolean fill(int needed) throws IOException {
    if (buffer.remaining() >= needed) {
      return true;
    }
    long position = position();
    ByteBuffer next = needed > buffer.capacity() ? ByteBuffer.allocate(needed) : buffer;
    if (next == buffer) {
      buffer.compact();
    } else {
      next.put(buffer);
    }
    bufferStart = position;
    buffer = next;
    // buffer is in write mode from bufferStart + position
    while (buffer.hasRemaining()) {
      long at = bufferStart + buffer.position();
      if (at >= end) {
        break;
      }
      int limit = (int) Math.min(buffer.remaining(), end - at);
      ByteBuffer slice = buffer.slice(buffer.position(), limit);
      int read = file.read(at, slice);
      if (read <= 0) {
        break;
      }
      buffer.position(buffer.position() + read);
    }
    buffer.flip();
    return buffer.remaining() >= needed;
  }
}
