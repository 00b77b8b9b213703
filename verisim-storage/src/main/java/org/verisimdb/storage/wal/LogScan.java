package org.verisimdb.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Opening the log. Every segment's header is read and checked: segment numbers follow each other,
 * each header is intact and names its own segment, first LSNs increase. Only the last segment's
 * records are read at open, where a crash can have left a torn write: that is truncated when no
 * valid record follows it, and is corruption otherwise. Closed segments were forced whole when
 * the log moved on from them, so their records are checked when they are read ({@link WalReader}:
 * checksums, and LSNs that follow each other across segments), by replay, backup and verify,
 * and an open does not read the log twice. What it found is the log's state: the segments, the
 * last LSN and the end of the last segment.
 */
final class LogScan {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.storage.wal");

  record Result(List<Segment> segments, long lastLsn, long endOffset, long truncatedBytes) {}

  private LogScan() {}

  static Result scan(LogStorage storage) throws IOException {
    List<Long> numbers = new ArrayList<>();
    for (String name : storage.list()) {
      long number = WalFormatV1.segmentNumber(name);
      if (number >= 0) {
        numbers.add(number);
      }
    }
    numbers.sort(null);
    List<Segment> segments = new ArrayList<>();
    long truncated = 0;
    for (int i = 0; i < numbers.size(); i++) {
      long number = numbers.get(i);
      String name = WalFormatV1.segmentName(number);
      if (i > 0 && number != numbers.get(i - 1) + 1) {
        throw corrupt(storage, name, 0, "segment " + WalFormatV1.segmentName(numbers.get(i - 1) + 1) + " is missing before it");
      }
      try (LogFile file = storage.open(name)) {
        ByteBuffer head = ByteBuffer.allocate(WalFormatV1.HEADER_BYTES);
        while (head.hasRemaining() && file.read(head.position(), head) > 0) {
          // read the whole header
        }
        head.flip();
        WalFormatV1.Header header = WalFormatV1.parseHeader(head);
        if (header.problem() != null) {
          if (i == numbers.size() - 1 && file.size() <= WalFormatV1.HEADER_BYTES) {
            // A crash while starting a segment: nothing but a partial header was written.
            LOG.log(System.Logger.Level.WARNING, "removing {0} in {1}: the log crashed while starting it ({2})", name,
                storage.describe(), header.problem());
            truncated += file.size();
            file.close();
            storage.delete(name);
            storage.syncDirectory();
            break;
          }
          throw corrupt(storage, name, 0, header.problem());
        }
        if (header.segment() != number) {
          throw corrupt(storage, name, 0, "its header says it is segment " + header.segment());
        }
        boolean jump = (head.getShort(6) & Segment.FLAG_LSN_JUMP) != 0;
        if (!segments.isEmpty() && header.firstLsn() <= segments.getLast().firstLsn()) {
          throw corrupt(storage, name, 0, "it starts at LSN " + header.firstLsn() + ", not after the previous segment, which starts at LSN "
              + segments.getLast().firstLsn());
        }
        segments.add(new Segment(number, name, header.firstLsn(), jump));
      }
    }
    if (segments.isEmpty()) {
      return new Result(segments, -1, 0, truncated);
    }
    // A torn header removed above makes the segment before it the last, but it was closed, so whole.
    boolean lastWasWritten = segments.size() == numbers.size();
    Segment last = segments.getLast();
    try (LogFile file = storage.open(last.name())) {
      Tail tail = scanLast(storage, file, last, lastWasWritten);
      return new Result(segments, tail.lastLsn(), tail.endOffset(), truncated + tail.truncated());
    }
  }

  private record Tail(long lastLsn, long endOffset, long truncated) {}

  // Reads the last segment's records; a bad one at the very end is a torn write when mayBeTorn.
  private static Tail scanLast(LogStorage storage, LogFile file, Segment segment, boolean mayBeTorn) throws IOException {
    String name = segment.name();
    long expected = segment.firstLsn();
    SegmentReader reader = new SegmentReader(file, name, WalFormatV1.HEADER_BYTES, Long.MAX_VALUE);
    while (true) {
      SegmentReader.Step step = reader.next();
      if (step instanceof SegmentReader.Step.End) {
        return new Tail(expected - 1, reader.position(), 0);
      }
      if (step instanceof SegmentReader.Step.Record(WalRecord record)) {
        if (record.lsn() != expected) {
          throw corrupt(storage, name, record.offset(), "the record has LSN " + record.lsn() + " where LSN " + expected + " belongs");
        }
        expected++;
        continue;
      }
      SegmentReader.Step.Bad bad = (SegmentReader.Step.Bad) step;
      if (!mayBeTorn) {
        throw corrupt(storage, name, bad.offset(), bad.reason() + " (in a closed segment, so this is damage, not a torn write)");
      }
      if (validRecordAfter(file, bad.offset(), expected)) {
        throw corrupt(storage, name, bad.offset(), bad.reason() + ", and valid records follow it");
      }
      long cut = file.size() - bad.offset();
      LOG.log(System.Logger.Level.WARNING, "truncating {0} bytes of a torn write at the end of {1} in {2} (offset {3}: {4})", cut, name,
          storage.describe(), bad.offset(), bad.reason());
      file.truncate(bad.offset());
      file.force();
      return new Tail(expected - 1, bad.offset(), cut);
    }
  }

  /**
   * True when a well-formed record with a plausible LSN starts somewhere after {@code offset}:
   * then the bad record is damage in the middle of the log, not the torn end of it.
   */
  private static boolean validRecordAfter(LogFile file, long offset, long expectedLsn) throws IOException {
    long length = file.size() - offset;
    if (length > Integer.MAX_VALUE - 16) {
      return true; // too much to search: treat as damage rather than silently drop it
    }
    ByteBuffer rest = ByteBuffer.allocate((int) length);
    while (rest.hasRemaining() && file.read(offset + rest.position(), rest) > 0) {
      // read everything after the bad record
    }
    byte[] bytes = rest.array();
    CRC32C crc = new CRC32C();
    for (int p = 1; p + WalFormatV1.RECORD_OVERHEAD <= bytes.length; p++) {
      long lsn = ByteBuffer.wrap(bytes, p + 8, 8).getLong();
      if (lsn < expectedLsn || lsn > expectedLsn + 100_000_000L) {
        continue;
      }
      int n = ByteBuffer.wrap(bytes, p, 4).getInt();
      if (n < 9 || p + 8L + n > bytes.length) {
        continue;
      }
      crc.reset();
      crc.update(bytes, p + 8, n);
      if ((int) crc.getValue() == ByteBuffer.wrap(bytes, p + 4, 4).getInt()) {
        return true;
      }
    }
    return false;
  }

  static VeriSimException corrupt(LogStorage storage, String name, long offset, String problem) {
    return new VeriSimException(ErrorCode.STORAGE_CORRUPT, "the write-ahead log is damaged: " + storage.describe() + "/" + name
        + " at offset " + offset + ": " + problem + ". Nothing was skipped or changed. Restore the database from a backup"
        + " (verisimdb restore), or move that file away to open the database without the records from this point on");
  }
}
