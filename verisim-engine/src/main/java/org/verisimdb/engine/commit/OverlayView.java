package org.verisimdb.engine.commit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.WriteBatch;

/**
 * A private write set over a shared view: a transaction stages its batches here and reads them
 * back merged with the view ({@link #get} and {@link #scan} see the staged writes first), while
 * nothing reaches the view until the transaction commits. A {@link #mark} remembers what later
 * batches replace, so that {@link #undoToMark} can take back the writes of one statement. Not
 * thread-safe: it belongs to one transaction, which is used by one thread at a time.
 */
public final class OverlayView implements ReadView {
  /** What one staged key held before a batch replaced it; {@code value} null when it was not staged. */
  private record Prior(Keyspace space, byte[] key, byte[] value) {}

  private final ReadView base;
  private final Map<Keyspace, TreeMap<byte[], byte[]>> staged = new HashMap<>();
  private long bytes;
  private List<Prior> undo;
  private long markedBytes;

  public OverlayView(ReadView base) {
    this.base = base;
  }

  /** Adds a batch's writes, later ones replacing earlier ones on the same key. */
  public void stage(WriteBatch batch) {
    for (WriteBatch.Op op : batch.ops()) {
      byte[] value = op instanceof WriteBatch.Op.Put put ? put.value() : MergedCursor.DELETED;
      byte[] prior = staged.computeIfAbsent(op.space(), s -> new TreeMap<>(Keys.ORDER)).put(op.key(), value);
      if (undo != null) {
        undo.add(new Prior(op.space(), op.key(), prior));
      }
    }
    bytes += batch.bytes();
  }

  /** Remembers the staged state now, replacing an earlier mark: {@link #undoToMark} returns to it. */
  public void mark() {
    undo = new ArrayList<>();
    markedBytes = bytes;
  }

  /**
   * Restores the staged state of the mark, dropping every batch staged since, and forgets the
   * mark. Does nothing without a mark (none was set, or {@link #clear} dropped everything).
   */
  public void undoToMark() {
    if (undo == null) {
      return;
    }
    for (int i = undo.size() - 1; i >= 0; i--) {
      Prior p = undo.get(i);
      TreeMap<byte[], byte[]> map = staged.get(p.space());
      if (p.value() == null) {
        map.remove(p.key());
      } else {
        map.put(p.key(), p.value());
      }
    }
    bytes = markedBytes;
    undo = null;
  }

  /** Forgets the mark, keeping everything staged. */
  public void unmark() {
    undo = null;
  }

  /** Bytes of every batch staged so far. */
  public long bytes() {
    return bytes;
  }

  /** Forgets every staged write. */
  public void clear() {
    staged.clear();
    bytes = 0;
    undo = null;
  }

  @Override
  public byte[] get(Keyspace space, byte[] key) {
    TreeMap<byte[], byte[]> map = staged.get(space);
    byte[] value = map == null ? null : map.get(key);
    if (value != null) {
      return value == MergedCursor.DELETED ? null : value.clone();
    }
    return base.get(space, key);
  }

  @Override
  public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
    Cursor cursor = base.scan(space, fromInclusive, toExclusive);
    TreeMap<byte[], byte[]> map = staged.get(space);
    if (map == null || map.isEmpty()) {
      return cursor;
    }
    NavigableMap<byte[], byte[]> range = map;
    if (fromInclusive != null && toExclusive != null) {
      range = Keys.ORDER.compare(fromInclusive, toExclusive) >= 0 ? new TreeMap<>(Keys.ORDER) : map.subMap(fromInclusive, true, toExclusive, false);
    } else if (fromInclusive != null) {
      range = map.tailMap(fromInclusive, true);
    } else if (toExclusive != null) {
      range = map.headMap(toExclusive, false);
    }
    return new MergedCursor(cursor, range.entrySet().iterator());
  }

  @Override
  public long appliedLsn() {
    return base.appliedLsn();
  }

  @Override
  public void close() {
    // the base belongs to the database
  }
}
