package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.engine.query.row.Incoming;
import org.verisimdb.index.graph.InEdge;

import org.verisimdb.engine.query.row.OctadRow;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.index.graph.GraphSearch;

import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;

/**
 * The committed state at the statement's snapshot (and, in a transaction, its own writes). Index
 * answers come from a view at the snapshot or newer, so {@link IndexAccess} corrects them: every
 * octad written after the snapshot, or by the transaction, is read again at the snapshot.
 */
final class CurrentReader implements RowReader {
  private static final int CACHE = 4096;

  private final OctadStore store;
  private final IndexAccess index;
  private final int historyLimit;
  private final Map<OctadId, OctadRow> cache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<OctadId, OctadRow> eldest) {
      return size() > CACHE;
    }
  };
  private static final java.util.Comparator<InEdge> BY_SOURCE =
      java.util.Comparator.comparing((InEdge e) -> e.source().value()).thenComparing(InEdge::predicate);

  private final Incoming incoming = this::incomingOf;

  CurrentReader(OctadStore store, IndexAccess index, int historyLimit) {
    this.store = store;
    this.index = index;
    this.historyLimit = historyLimit;
  }

  @Override
  public OctadRow row(OctadId id) {
    OctadRow row = cache.get(id);
    if (row == null) {
      row = new OctadRow(id, read(id), incoming, historyLimit);
      cache.put(id, row);
    }
    return row;
  }

  Octad read(OctadId id) {
    OctadHeader header = store.header(id);
    return header == null || !header.live() ? null : store.read(id, header, null, historyLimit);
  }

  @Override
  public Iterator<OctadId> ids() {
    Iterator<Map.Entry<OctadId, OctadHeader>> live = store.live(null);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return live.hasNext();
      }

      @Override
      public OctadId next() {
        return live.next().getKey();
      }
    };
  }

  @Override
  public Incoming incoming() {
    return incoming;
  }

  @Override
  public java.util.List<org.verisimdb.model.facet.VersionRecord> versions(Octad octad) {
    org.verisimdb.model.facet.TemporalFacet t = octad.temporal();
    if (t.versions().size() >= t.versionCount()) {
      return t.versions();
    }
    return store.versions(octad.id(), 1, t.version());
  }

  @Override
  public long size() {
    return store.counts().octads();
  }

  // Sources from the index view, plus everything written since the snapshot; each re-read here.
  private List<InEdge> incomingOf(OctadId target) {
    IndexView view = index.view();
    Set<OctadId> sources = new HashSet<>();
    List<InEdge> out = new ArrayList<>();
    List<InEdge> indexed = new GraphSearch(view).incoming(target, Set.of());
    if (index.exact()) {
      for (InEdge e : indexed) {
        out.add(new InEdge(e.source(), e.predicate()));
      }
      out.sort(BY_SOURCE);
      return out;
    }
    indexed.forEach(e -> sources.add(e.source()));
    sources.addAll(index.changed());
    for (OctadId source : sources) {
      Octad octad = row(source).octad();
      GraphFacet graph = octad == null ? null : octad.graph().orElse(null);
      if (graph != null) {
        for (Edge e : graph.edges()) {
          if (e.target() instanceof Edge.EdgeTarget.Node n && n.id().equals(target)) {
            out.add(new InEdge(source, e.predicate()));
          }
        }
      }
    }
    out.sort(BY_SOURCE);
    return out;
  }
}
