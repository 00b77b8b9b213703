package org.verisimdb.storage.wal;

import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Reads the log's records in LSN order from a given LSN up to the last record appended when the
 * reader was made (later appends are not seen). Damage is STORAGE_CORRUPT naming the file and
 * offset. Owned by one thread; close it.
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
        }
        SegmentReader.Step step = reader.next();
        switch (step) {
          case SegmentReader.Step.Record(WalRecord record) -> {
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
          }
          case SegmentReader.Step.Bad bad -> throw LogScan.corrupt(storage, segments.get(index).name(), bad.offset(), bad.reason());
        }
      }
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot read the write-ahead log in " + storage.describe() + ": " + e.getMessage(), e);
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
