package org.verisimdb.storage.memory;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;

/**
 * Keeps everything in memory, in one sorted map per keyspace.
 *
 * <p>Without a directory it is not durable: {@link #sync()} does nothing and data is gone on
 * close (tests, {@code openInMemory()}). With a directory, {@link #sync()} writes the whole state
 * to a snapshot file ({@link MemorySnapshotFormatV1}) and opening loads it, so a modality kept in
 * memory survives restarts through checkpoint snapshots plus the write-ahead log.
 *
 * <p>Thread-safe: batches touching different keys apply concurrently (replay applies from several
 * workers), each atomic for {@link #snapshot()}, {@link #sync()} and {@link #copyTo}, which wait for
 * the batches in flight and hold new ones back while they copy; plain reads never lock and may see
 * a batch's operations as they are applied (the engine keeps readers away from half-applied
 * batches). Snapshots copy the maps: O(data).
 */
public final class MemoryBackend implements StorageBackend {
  private final Map<Keyspace, ConcurrentSkipListMap<byte[], byte[]>> spaces;
  private final Path directory;
  // apply takes the read side, so batches apply concurrently; freeze takes the write side
  private final ReentrantReadWriteLock applying = new ReentrantReadWriteLock();
  private final AtomicLong appliedLsn = new AtomicLong();
  private volatile boolean closed;

  /** A backend that keeps nothing when closed. */
  public MemoryBackend() {
    this.spaces = new ConcurrentHashMap<>();
    this.directory = null;
  }

  /** A backend that loads its last snapshot from {@code directory} and writes one on every sync. */
  public MemoryBackend(Path directory) {
    MemorySnapshotFormatV1.State state = MemorySnapshotFormatV1.read(directory);
    this.spaces = new ConcurrentHashMap<>(state.spaces());
    this.appliedLsn.set(state.appliedLsn());
    this.directory = directory;
  }

  @Override
  public String name() {
    return MemoryBackendProvider.NAME;
  }

  @Override
  public boolean durable() {
    return directory != null;
  }

  @Override
  public byte[] get(Keyspace space, byte[] key) {
    checkOpen();
    return get(spaces, space, key);
  }

  @Override
  public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
    checkOpen();
    return scan(spaces.get(space), fromInclusive, toExclusive);
  }

  @Override
  public void apply(WriteBatch batch) {
    checkOpen();
    applying.readLock().lock();
    try {
      for (WriteBatch.Op op : batch.ops()) {
        switch (op) {
          case WriteBatch.Op.Put put -> space(put.space()).put(put.key(), put.value());
          case WriteBatch.Op.Delete delete -> {
            ConcurrentSkipListMap<byte[], byte[]> map = spaces.get(delete.space());
            if (map != null) {
              map.remove(delete.key());
            }
          }
        }
      }
      appliedLsn.accumulateAndGet(batch.lsn(), Math::max);
    } finally {
      applying.readLock().unlock();
    }
  }

  @Override
  public void sync() {
    checkOpen();
    if (directory != null) {
      Frozen frozen = freeze();
      MemorySnapshotFormatV1.write(directory, frozen.spaces(), frozen.appliedLsn());
    }
  }

  @Override
  public long appliedLsn() {
    return appliedLsn.get();
  }

  @Override
  public ReadView snapshot() {
    checkOpen();
    return freeze();
  }

  @Override
  public long copyTo(Path target) {
    checkOpen();
    requireEmpty(target);
    Frozen frozen = freeze();
    MemorySnapshotFormatV1.write(target, frozen.spaces(), frozen.appliedLsn());
    return frozen.appliedLsn();
  }

  @Override
  public Set<Keyspace> keyspaces() {
    return Collections.unmodifiableSet(spaces.keySet());
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Number of keys in a keyspace, for tests and statistics. */
  public int size(Keyspace space) {
    ConcurrentSkipListMap<byte[], byte[]> map = spaces.get(space);
    return map == null ? 0 : map.size();
  }

  // Copies taken with applies held back are consistent: no batch is half in them.
  private Frozen freeze() {
    applying.writeLock().lock();
    try {
      Map<Keyspace, NavigableMap<byte[], byte[]>> copy = new TreeMap<>(java.util.Comparator.comparing(Keyspace::name));
      spaces.forEach((space, map) -> copy.put(space, map.clone()));
      return new Frozen(copy, appliedLsn.get());
    } finally {
      applying.writeLock().unlock();
    }
  }

  private static void requireEmpty(Path target) {
    try {
      if (java.nio.file.Files.isRegularFile(target)) {
        throw new VeriSimException(ErrorCode.INVALID_ARGUMENT, "cannot copy to " + target + ": it is a file; choose a new or empty directory");
      }
      if (java.nio.file.Files.isDirectory(target)) {
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(target)) {
          if (entries.findAny().isPresent()) {
            throw new VeriSimException(ErrorCode.INVALID_ARGUMENT, "cannot copy to " + target
                + ": the directory is not empty; choose a new or empty directory so nothing in it is overwritten");
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot inspect " + target + ": " + e.getMessage(), e);
    }
  }

  private ConcurrentSkipListMap<byte[], byte[]> space(Keyspace space) {
    return spaces.computeIfAbsent(space, s -> new ConcurrentSkipListMap<>(Keys.ORDER));
  }

  private void checkOpen() {
    if (closed) {
      throw new VeriSimException(ErrorCode.DATABASE_CLOSED, "the memory backend has been closed");
    }
  }

  private static byte[] get(Map<Keyspace, ? extends NavigableMap<byte[], byte[]>> spaces, Keyspace space, byte[] key) {
    NavigableMap<byte[], byte[]> map = spaces.get(space);
    byte[] value = map == null ? null : map.get(key);
    return value == null ? null : value.clone();
  }

  private static Cursor scan(NavigableMap<byte[], byte[]> map, byte[] fromInclusive, byte[] toExclusive) {
    if (map == null || fromInclusive != null && toExclusive != null && Keys.ORDER.compare(fromInclusive, toExclusive) >= 0) {
      return new MapCursor(Collections.emptyIterator());
    }
    NavigableMap<byte[], byte[]> range = map;
    if (fromInclusive != null && toExclusive != null) {
      range = range.subMap(fromInclusive, true, toExclusive, false);
    } else if (fromInclusive != null) {
      range = range.tailMap(fromInclusive, true);
    } else if (toExclusive != null) {
      range = range.headMap(toExclusive, false);
    }
    return new MapCursor(range.entrySet().iterator());
  }

  /** A frozen copy: the view {@link #snapshot()} returns and what sync and copyTo write. */
  private record Frozen(Map<Keyspace, NavigableMap<byte[], byte[]>> spaces, long appliedLsn) implements ReadView {
    @Override
    public byte[] get(Keyspace space, byte[] key) {
      return MemoryBackend.get(spaces, space, key);
    }

    @Override
    public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
      return MemoryBackend.scan(spaces.get(space), fromInclusive, toExclusive);
    }

    @Override
    public void close() {
      // nothing to release: the copy is garbage once unreferenced
    }
  }

  private static final class MapCursor implements Cursor {
    private final Iterator<Map.Entry<byte[], byte[]>> entries;
    private Map.Entry<byte[], byte[]> current;

    MapCursor(Iterator<Map.Entry<byte[], byte[]>> entries) {
      this.entries = entries;
    }

    @Override
    public boolean next() {
      current = entries.hasNext() ? entries.next() : null;
      return current != null;
    }

    @Override
    public byte[] key() {
      return current().getKey().clone();
    }

    @Override
    public byte[] value() {
      return current().getValue().clone();
    }

    private Map.Entry<byte[], byte[]> current() {
      if (current == null) {
        throw new IllegalStateException("the cursor is not on an entry; call next() first");
      }
      return current;
    }

    @Override
    public void close() {
      current = null;
    }
  }
}
