package org.verisimdb.storage.wal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Log files in memory, which remember what has been forced, so tests can simulate a crash:
 * {@link #crash(Random)} returns the storage as a machine would find it after power loss, with
 * every file cut back to its forced length plus, at random, part of what was written after it
 * (a torn write), and files whose creation was never made durable gone. Thread-safe.
 */
public final class MemoryLogStorage implements LogStorage {
  private final Map<String, MemoryFile> files = new ConcurrentHashMap<>();
  private final Set<String> durableNames = ConcurrentHashMap.newKeySet();

  @Override
  public List<String> list() {
    return new ArrayList<>(files.keySet());
  }

  @Override
  public LogFile open(String name) throws IOException {
    MemoryFile file = files.get(name);
    if (file == null) {
      throw new FileNotFoundException(name);
    }
    return file;
  }

  @Override
  public LogFile create(String name) throws IOException {
    MemoryFile file = new MemoryFile();
    if (files.putIfAbsent(name, file) != null) {
      throw new FileAlreadyExistsException(name);
    }
    return file;
  }

  @Override
  public void delete(String name) {
    files.remove(name);
  }

  @Override
  public void syncDirectory() {
    durableNames.clear();
    durableNames.addAll(files.keySet());
  }

  @Override
  public String describe() {
    return "memory";
  }

  /** The bytes of a file, for tests that damage it on purpose. */
  public byte[] bytes(String name) {
    return files.get(name).snapshot();
  }

  /** Replaces a file's bytes (as forced), for tests that damage it on purpose. */
  public void replace(String name, byte[] bytes) {
    MemoryFile file = new MemoryFile();
    file.data = bytes.clone();
    file.length = bytes.length;
    file.forced = bytes.length;
    files.put(name, file);
    durableNames.add(name);
  }

  /**
   * What survives a crash: files whose creation was synced, each cut to its forced length plus a
   * random part (possibly none) of the bytes written after the last force.
   */
  public MemoryLogStorage crash(Random random) {
    MemoryLogStorage after = new MemoryLogStorage();
    Set<String> survivors = new HashSet<>(durableNames);
    for (Map.Entry<String, MemoryFile> entry : files.entrySet()) {
      if (!survivors.contains(entry.getKey())) {
        continue;
      }
      MemoryFile file = entry.getValue();
      synchronized (file) {
        int unsynced = file.length - file.forced;
        int kept = file.forced + (unsynced > 0 ? random.nextInt(unsynced + 1) : 0);
        MemoryFile copy = new MemoryFile();
        copy.data = Arrays.copyOf(file.data, kept);
        copy.length = kept;
        copy.forced = kept;
        after.files.put(entry.getKey(), copy);
        after.durableNames.add(entry.getKey());
      }
    }
    return after;
  }

  private static final class MemoryFile implements LogFile {
    private byte[] data = new byte[1024];
    private int length;
    private int forced;

    @Override
    public synchronized long size() {
      return length;
    }

    @Override
    public synchronized int read(long position, ByteBuffer dst) {
      if (position >= length) {
        return -1;
      }
      int n = (int) Math.min(dst.remaining(), length - position);
      dst.put(data, (int) position, n);
      return n;
    }

    @Override
    public synchronized void append(ByteBuffer src) {
      int n = src.remaining();
      if (length + n > data.length) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, length + n));
      }
      src.get(data, length, n);
      length += n;
    }

    @Override
    public synchronized void force() {
      forced = length;
    }

    @Override
    public synchronized void truncate(long size) {
      length = (int) Math.min(length, size);
      forced = Math.min(forced, length);
    }

    synchronized byte[] snapshot() {
      return Arrays.copyOf(data, length);
    }

    @Override
    public void close() {
      // memory files live as long as their storage
    }
  }
}
