package org.verisimdb.engine.commit;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.WriteBatch;

/**
 * The state writers plan against: the stores plus every batch that is in the log but not yet
 * applied to them (logged, waiting for its fsync or its turn to apply). Readers never see it;
 * they read the stores, which hold only durable, applied batches.
 *
 * <p>Thread-safe: the committer adds batches under the plan lock while the applier removes
 * them; a batch is removed only after the stores hold it, so a lookup that misses here finds it
 * there. A key keeps the entry of the newest pending batch that wrote it.
 */
public final class PendingWrites implements ReadView {
  /** A pending value (null for a delete) and the LSN of the batch that wrote it. */
  private record Entry(long lsn, byte[] value) {}

  private final ReadView stores;
  private final Map<Keyspace, ConcurrentSkipListMap<byte[], Entry>> pending = new ConcurrentHashMap<>();

  public PendingWrites(ReadView stores) {
    this.stores = stores;
  }

  /** Makes a logged batch visible to planning. */
  public void add(WriteBatch batch) {
    for (WriteBatch.Op op : batch.ops()) {
      byte[] value = op instanceof WriteBatch.Op.Put put ? put.value() : null;
      pending.computeIfAbsent(op.space(), s -> new ConcurrentSkipListMap<>(Keys.ORDER)).put(op.key(), new Entry(batch.lsn(), value));
    }
  }

  /** Forgets a batch the stores now hold, except keys a newer pending batch has written since. */
  public void remove(WriteBatch batch) {
    for (WriteBatch.Op op : batch.ops()) {
      ConcurrentSkipListMap<byte[], Entry> map = pending.get(op.space());
      if (map != null) {
        map.computeIfPresent(op.key(), (k, e) -> e.lsn() == batch.lsn() ? null : e);
      }
    }
  }

  /** Drops everything pending: after a failure, nothing pending will ever be applied. */
  public void clear() {
    pending.clear();
  }

  @Override
  public byte[] get(Keyspace space, byte[] key) {
    ConcurrentSkipListMap<byte[], Entry> map = pending.get(space);
    Entry entry = map == null ? null : map.get(key);
    if (entry != null) {
      return entry.value() == null ? null : entry.value().clone();
    }
    return stores.get(space, key);
  }

  @Override
  public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
    ConcurrentSkipListMap<byte[], Entry> map = pending.get(space);
    Cursor base = stores.scan(space, fromInclusive, toExclusive);
    if (map == null || map.isEmpty()) {
      return base;
    }
    NavigableMap<byte[], Entry> range = map;
    if (fromInclusive != null && toExclusive != null) {
      range = Keys.ORDER.compare(fromInclusive, toExclusive) >= 0 ? new ConcurrentSkipListMap<>(Keys.ORDER)
          : map.subMap(fromInclusive, true, toExclusive, false);
    } else if (fromInclusive != null) {
      range = map.tailMap(fromInclusive, true);
    } else if (toExclusive != null) {
      range = map.headMap(toExclusive, false);
    }
    // A copy, so the merge sees one state of the pending entries however they change meanwhile.
    Iterator<Map.Entry<byte[], byte[]>> overlay = new ConcurrentSkipListMap<>(range).entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue().value() == null ? MergedCursor.DELETED : e.getValue().value())).iterator();
    return new MergedCursor(base, overlay);
  }

  @Override
  public long appliedLsn() {
    return stores.appliedLsn();
  }

  @Override
  public void close() {
    // a view of live structures; nothing to release
  }
}
