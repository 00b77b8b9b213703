package org.verisimdb.storage.wal;

import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Reads the log's records in LSN order from a given LSN up to the last record appended when the
 * reader was made (later appends are not seen). It checks what opening the log did not: every
 * record's frame and checksum, and that LSNs follow each other, within a segment from the first
 * LSN in its header and across segments (a segment marked as an LSN jump may start later).
 * Damage is STORAGE_CORRUPT naming the file and offset. Owned by one thread; close it.
 */
public final class WalReader implements AutoCloseable {
  private final LogStorage storage;
  private final List<Segment> segments;
  private final long from;
  private final long last;
  private final long lastSegmentEnd;
  private int index;
  private LogFile file;
  private SegmentReader reader;
  private WalRecord next;
  private long expected; // the LSN the next record in the open segment must have

  WalReader(LogStorage storage, List<Segment> segments, long from, long last, long lastSegmentEnd) {
    this.storage = storage;
    this.segments = segments;
    this.from = from;
    this.last = last;
    this.lastSegmentEnd = lastSegmentEnd;
    this.index = startIndex(segments, from);
    if (from < segments.getFirst().firstLsn() && from <= last) {
      throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "the write-ahead log in " + storage.describe() + " starts at LSN "
          + segments.getFirst().firstLsn() + ", but records from LSN " + from + " are needed: their segments were removed;"
          + " restore the database from a backup");
    }
  }

  private static int startIndex(List<Segment> segments, long from) {
    int index = 0;
    while (index + 1 < segments.size() && segments.get(index + 1).firstLsn() <= from) {
      index++;
    }
    return index;
  }

  /** True when another record is available. */
  public boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  public WalRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    WalRecord record = next;
    next = null;
    return record;
  }

  private WalRecord advance() {
    try {
      while (true) {
        if (reader == null) {
          if (index >= segments.size()) {
            return null;
          }
          Segment segment = segments.get(index);
          file = storage.open(segment.name());
          long end = index == segments.size() - 1 ? lastSegmentEnd : Long.MAX_VALUE;
          reader = new SegmentReader(file, segment.name(), WalFormatV1.HEADER_BYTES, end);
          expected = segment.firstLsn();
        }
        SegmentReader.Step step = reader.next();
        switch (step) {
          case SegmentReader.Step.Record(WalRecord record) -> {
            if (record.lsn() != expected) {
              throw LogScan.corrupt(storage, record.segment(), record.offset(), "the record has LSN " + record.lsn() + " where LSN "
                  + expected + " belongs");
            }
            expected++;
            if (record.lsn() > last) {
              return null;
            }
            if (record.lsn() >= from) {
              return record;
            }
          }
          case SegmentReader.Step.End end -> {
            closeFile();
            index++;
            if (index < segments.size()) {
              checkFollows(segments.get(index));
            }
          }
          case SegmentReader.Step.Bad bad -> throw LogScan.corrupt(storage, segments.get(index).name(), bad.offset(), bad.reason()
              + (index < segments.size() - 1 ? " (in a closed segment, so this is damage, not a torn write)" : ""));
        }
      }
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot read the write-ahead log in " + storage.describe() + ": " + e.getMessage(), e);
    }
  }

  // The segment after one that ended with LSN expected - 1 must start right after it.
  private void checkFollows(Segment segment) {
    boolean follows = segment.lsnJump() ? segment.firstLsn() >= expected : segment.firstLsn() == expected;
    if (!follows) {
      throw LogScan.corrupt(storage, segment.name(), 0, "it starts at LSN " + segment.firstLsn() + " but the previous segment ends at LSN "
          + (expected - 1));
    }
  }

  private void closeFile() throws IOException {
    reader = null;
    if (file != null) {
      file.close();
      file = null;
    }
  }

  @Override
  public void close() {
    try {
      closeFile();
    } catch (IOException e) {
      // reading is done; nothing was written
    }
  }
}
