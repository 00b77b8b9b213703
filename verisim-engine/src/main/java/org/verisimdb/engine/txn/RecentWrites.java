package org.verisimdb.engine.txn;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import org.verisimdb.model.OctadId;

/**
 * The octads each recent commit wrote, by LSN, for validating serializable transactions: a
 * transaction whose snapshot is at LSN s conflicts with the commits after s that wrote what it
 * read. Records are added under the commit order (the plan lock) and dropped once at or before
 * the {@link Snapshots#horizon()}. Thread-safe.
 */
public final class RecentWrites {
  private final ConcurrentSkipListMap<Long, List<OctadId>> byLsn = new ConcurrentSkipListMap<>();

  public void record(long lsn, List<OctadId> written) {
    byLsn.put(lsn, List.copyOf(written));
  }

  /** Drops the records at or before {@code lsn}. */
  public void pruneThrough(long lsn) {
    byLsn.headMap(lsn, true).clear();
  }

  /** Every octad written by the commits after {@code afterLsn} through {@code throughLsn}. */
  public java.util.Set<OctadId> between(long afterLsn, long throughLsn) {
    java.util.Set<OctadId> ids = new java.util.HashSet<>();
    if (throughLsn > afterLsn) {
      byLsn.subMap(afterLsn, false, throughLsn, true).values().forEach(ids::addAll);
    }
    return ids;
  }

  /** The first octad written after {@code lsn} that {@code read} matches, with the LSN that wrote it, or null. */
  public Map.Entry<Long, OctadId> firstAfter(long lsn, Predicate<OctadId> read) {
    for (Map.Entry<Long, List<OctadId>> e : byLsn.tailMap(lsn, false).entrySet()) {
      for (OctadId id : e.getValue()) {
        if (read.test(id)) {
          return Map.entry(e.getKey(), id);
        }
      }
    }
    return null;
  }
}
