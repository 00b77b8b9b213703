package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.index.graph.GraphSearch;
import org.verisimdb.index.graph.InEdge;
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
final class CurrentReader extends CachedReader {
  private static final Comparator<InEdge> BY_SOURCE = Comparator.comparing((InEdge e) -> e.source().value()).thenComparing(InEdge::predicate);

  private final IndexAccess index;

  CurrentReader(OctadStore store, IndexAccess index, int historyLimit) {
    this(store, index, historyLimit, null);
  }

  /** @param needs the modalities the statement looks at, read alone; null to read whole octads */
  CurrentReader(OctadStore store, IndexAccess index, int historyLimit, java.util.Set<org.verisimdb.model.Modality> needs) {
    super(store, historyLimit);
    this.index = index;
    this.needs = needs;
  }

  private final java.util.Set<org.verisimdb.model.Modality> needs;

  @Override
  Octad read(OctadId id) {
    OctadHeader header = store.header(id);
    if (header == null || !header.live()) {
      return null;
    }
    return needs == null ? store.read(id, header, null, historyLimit) : store.readOnly(id, header, needs, historyLimit);
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

  // Sources from the index view, plus everything written since the snapshot; each re-read here.
  @Override
  List<InEdge> incomingOf(OctadId target) {
    IndexView view = index.view();
    Set<OctadId> sources = new HashSet<>();
    List<InEdge> out = new ArrayList<>();
    List<InEdge> indexed = new GraphSearch(view).incoming(target, Set.of());
    if (index.exact()) {
      out.addAll(indexed);
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
