package org.verisimdb.engine.txn;

import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The snapshots in use: each reader registers the LSN it reads at and releases it when done. The
 * {@link #horizon()} is the oldest LSN any reader may still read at, so versions superseded at or
 * before it (and recent-write records up to it) can go. Registering takes the visible LSN under
 * the same monitor as the horizon, so a horizon never passes a snapshot being registered.
 * Thread-safe.
 */
public final class Snapshots {
  private final LongSupplier visible;
  private final TreeMap<Long, Integer> inUse = new TreeMap<>();

  /** @param visible the newest LSN readers may read at (everything at or before it is applied) */
  public Snapshots(LongSupplier visible) {
    this.visible = visible;
  }

  /** Registers a reader at the visible LSN and returns that LSN; release it with {@link #release}. */
  public synchronized long acquire() {
    long lsn = visible.getAsLong();
    inUse.merge(lsn, 1, Integer::sum);
    return lsn;
  }

  public synchronized void release(long lsn) {
    inUse.computeIfPresent(lsn, (k, n) -> n == 1 ? null : n - 1);
  }

  /** The oldest LSN a registered reader reads at, or the visible LSN when there is none. */
  public synchronized long horizon() {
    return inUse.isEmpty() ? visible.getAsLong() : Math.min(inUse.firstKey(), visible.getAsLong());
  }
}
