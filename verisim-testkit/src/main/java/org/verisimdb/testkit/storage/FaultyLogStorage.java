package org.verisimdb.testkit.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.verisimdb.storage.wal.LogFile;
import org.verisimdb.storage.wal.LogStorage;

/**
 * Wraps a {@link LogStorage} to fail on purpose: a disk that fills up after a number of bytes
 * (the append that crosses the limit writes part of its bytes, then fails, as a real full disk
 * does), or fsyncs that fail. Thread-safe.
 */
public final class FaultyLogStorage implements LogStorage {
  private final LogStorage inner;
  private final AtomicLong bytesLeft = new AtomicLong(Long.MAX_VALUE);
  private final AtomicBoolean failForces = new AtomicBoolean();

  public FaultyLogStorage(LogStorage inner) {
    this.inner = inner;
  }

  /** From now on, the disk is full after {@code bytes} more appended bytes. */
  public FaultyLogStorage fullAfter(long bytes) {
    bytesLeft.set(bytes);
    return this;
  }

  /** From now on, every fsync fails. */
  public FaultyLogStorage failForces() {
    failForces.set(true);
    return this;
  }

  @Override
  public List<String> list() throws IOException {
    return inner.list();
  }

  @Override
  public LogFile open(String name) throws IOException {
    return new Faulty(inner.open(name));
  }

  @Override
  public LogFile create(String name) throws IOException {
    if (bytesLeft.get() <= 0) {
      throw new IOException("No space left on device");
    }
    return new Faulty(inner.create(name));
  }

  @Override
  public void delete(String name) throws IOException {
    inner.delete(name);
  }

  @Override
  public void syncDirectory() throws IOException {
    inner.syncDirectory();
  }

  @Override
  public String describe() {
    return inner.describe();
  }

  private final class Faulty implements LogFile {
    private final LogFile file;

    Faulty(LogFile file) {
      this.file = file;
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
      return file.read(position, dst);
    }

    @Override
    public void append(ByteBuffer src) throws IOException {
      long left = bytesLeft.getAndAdd(-src.remaining());
      if (left < src.remaining()) {
        if (left > 0) {
          ByteBuffer part = src.slice(src.position(), (int) left);
          file.append(part);
        }
        throw new IOException("No space left on device");
      }
      file.append(src);
    }

    @Override
    public void force() throws IOException {
      if (failForces.get()) {
        throw new IOException("Input/output error");
      }
      file.force();
    }

    @Override
    public void truncate(long size) throws IOException {
      file.truncate(size);
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }
}
