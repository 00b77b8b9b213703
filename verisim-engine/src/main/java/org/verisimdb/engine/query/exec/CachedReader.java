package org.verisimdb.engine.query.exec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.engine.query.row.Incoming;
import org.verisimdb.engine.query.row.OctadRow;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.index.graph.InEdge;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.VersionRecord;

/**
 * What every read view shares: rows kept in a small recently-used cache (graph patterns visit
 * the same octads again), version records from the store when an octad's TEMPORAL lists only
 * the newest, and counts. Subclasses say how an octad and its incoming edges are read.
 */
abstract class CachedReader implements RowReader {
  private static final int CACHE = 4096;

  final OctadStore store;
  final int historyLimit;
  private final Map<OctadId, OctadRow> cache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<OctadId, OctadRow> eldest) {
      return size() > CACHE;
    }
  };
  private final Incoming incoming = this::incomingOf;

  CachedReader(OctadStore store, int historyLimit) {
    this.store = store;
    this.historyLimit = historyLimit;
  }

  /** The octad in this view, or null when it has none. */
  abstract Octad read(OctadId id);

  /** The edges into {@code target} in this view. */
  abstract List<InEdge> incomingOf(OctadId target);

  @Override
  public final OctadRow row(OctadId id) {
    OctadRow row = cache.get(id);
    if (row == null) {
      row = new OctadRow(id, read(id), incoming, historyLimit);
      cache.put(id, row);
    }
    return row;
  }

  @Override
  public final Incoming incoming() {
    return incoming;
  }

  @Override
  public final List<VersionRecord> versions(Octad octad) {
    TemporalFacet t = octad.temporal();
    if (t.versions().size() >= t.versionCount()) {
      return t.versions().reversed(); // TEMPORAL lists them newest first
    }
    return store.versions(octad.id(), 1, t.version());
  }

  @Override
  public final long size() {
    return store.counts().octads();
  }
}
