package org.verisimdb.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One file of the write-ahead log. Contract: {@link #append} writes at the end and the bytes are
 * readable at once; they are durable only after {@link #force} returns. {@link #truncate} cuts
 * the file and is durable after the next force. Thread safety: appends come from one thread at a
 * time; reads and forces may run concurrently with them.
 */
public interface LogFile extends AutoCloseable {

  /** Current length in bytes. */
  long size() throws IOException;

  /** Reads up to {@code dst.remaining()} bytes at {@code position}; returns the count, -1 at the end. */
  int read(long position, ByteBuffer dst) throws IOException;

  /** Writes all of {@code src} at the end of the file. */
  void append(ByteBuffer src) throws IOException;

  /** Makes everything appended so far durable. */
  void force() throws IOException;

  /** Cuts the file to {@code size} bytes. */
  void truncate(long size) throws IOException;

  @Override
  void close() throws IOException;
}
