package org.verisimdb.engine.txn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.verisimdb.model.OctadId;

/**
 * What a serializable transaction read: single octads, and id ranges it listed (a listing reads
 * every id of its range, including the absent ones, so an octad created there later conflicts).
 * Not thread-safe: it belongs to one transaction.
 */
public final class ReadSet {
  /** Ids after {@code after} (exclusive; null: from the first) up to {@code through} (inclusive; null: to the last). */
  private record Range(OctadId after, OctadId through) {
    boolean covers(OctadId id) {
      return (after == null || id.value().compareTo(after.value()) > 0) && (through == null || id.value().compareTo(through.value()) <= 0);
    }
  }

  private final Set<OctadId> octads = new HashSet<>();
  private final List<Range> ranges = new ArrayList<>();

  public void octad(OctadId id) {
    octads.add(id);
  }

  public void range(OctadId after, OctadId through) {
    ranges.add(new Range(after, through));
  }

  /** True when a write of {@code id} changes something this transaction read. */
  public boolean covers(OctadId id) {
    if (octads.contains(id)) {
      return true;
    }
    for (Range r : ranges) {
      if (r.covers(id)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return octads.isEmpty() && ranges.isEmpty();
  }
}
