package org.verisimdb.storage.memory;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;

/**
 * Keeps everything in memory, in one sorted map per keyspace. Not durable: {@link #sync()} does
 * nothing and data is gone on close. Used for tests, for {@code openInMemory()}, and for
 * modalities configured to live in memory.
 *
 * <p>Thread-safe: {@link #apply} is serialised; reads never lock and see each batch's operations
 * as they are applied (the engine's snapshots give readers a consistent view).
 */
public final class MemoryBackend implements StorageBackend {
  private final Map<Keyspace, ConcurrentSkipListMap<byte[], byte[]>> spaces = new ConcurrentHashMap<>();
  private final Object writeLock = new Object();
  private volatile long appliedLsn;
  private volatile boolean closed;

  @Override
  public String name() {
    return MemoryBackendProvider.NAME;
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public byte[] get(Keyspace space, byte[] key) {
    checkOpen();
    ConcurrentSkipListMap<byte[], byte[]> map = spaces.get(space);
    byte[] value = map == null ? null : map.get(key);
    return value == null ? null : value.clone();
  }

  @Override
  public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
    checkOpen();
    NavigableMap<byte[], byte[]> range = space(space);
    if (fromInclusive != null && toExclusive != null) {
      range = Keys.ORDER.compare(fromInclusive, toExclusive) >= 0 ? new ConcurrentSkipListMap<>(Keys.ORDER)
          : range.subMap(fromInclusive, true, toExclusive, false);
    } else if (fromInclusive != null) {
      range = range.tailMap(fromInclusive, true);
    } else if (toExclusive != null) {
      range = range.headMap(toExclusive, false);
    }
    return new MapCursor(range.entrySet().iterator());
  }

  @Override
  public void apply(WriteBatch batch) {
    checkOpen();
    synchronized (writeLock) {
      for (WriteBatch.Op op : batch.ops()) {
        switch (op) {
          case WriteBatch.Op.Put put -> space(put.space()).put(put.key(), put.value());
          case WriteBatch.Op.Delete delete -> space(delete.space()).remove(delete.key());
        }
      }
      if (batch.lsn() > appliedLsn) {
        appliedLsn = batch.lsn();
      }
    }
  }

  @Override
  public void sync() {
    checkOpen();
  }

  @Override
  public long appliedLsn() {
    return appliedLsn;
  }

  @Override
  public void close() {
    closed = true;
    spaces.clear();
  }

  /** Number of keys in a keyspace, for tests and statistics. */
  public int size(Keyspace space) {
    ConcurrentSkipListMap<byte[], byte[]> map = spaces.get(space);
    return map == null ? 0 : map.size();
  }

  private ConcurrentSkipListMap<byte[], byte[]> space(Keyspace space) {
    return spaces.computeIfAbsent(space, s -> new ConcurrentSkipListMap<>(Keys.ORDER));
  }

  private void checkOpen() {
    if (closed) {
      throw new VeriSimException(ErrorCode.DATABASE_CLOSED, "the memory backend has been closed");
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
