package org.verisimdb.engine.query.exec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.verisimdb.engine.history.History;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.index.graph.InEdge;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * The historical read view of {@code AS OF} (VQL.md §5.4): every octad in its latest version
 * committed at or before a time, or at a version number or label. Candidates are every id the
 * store has ever held; incoming edges are gathered from the whole historical view on first use.
 */
final class HistoricalReader extends CachedReader {
  private static final int PAGE = 1000;

  /** Which version of each octad the view shows. */
  sealed interface At {
    record Time(Instant time) implements At {}

    record Version(long number) implements At {}

    record Label(String label) implements At {}
  }

  private final History history;
  private final At at;
  private Map<OctadId, List<InEdge>> incomingMap;

  HistoricalReader(OctadStore store, History history, At at, int historyLimit) {
    super(store, historyLimit);
    this.history = history;
    this.at = at;
  }

  @Override
  Octad read(OctadId id) {
    try {
      Optional<Octad> octad = switch (at) {
        case At.Time t -> history.asOf(id, t.time());
        case At.Version v -> history.atVersion(id, v.number());
        case At.Label l -> history.atLabel(id, l.label());
      };
      return octad.orElse(null);
    } catch (VeriSimException e) {
      if (e.code() == ErrorCode.VERSION_NOT_FOUND) {
        if (at instanceof At.Time) {
          throw new VqlException(DiagnosticCode.EXEC_009, "history not retained: " + e.getMessage());
        }
        return null; // no such version or label: the octad does not exist in this view
      }
      if (e.code() == ErrorCode.OCTAD_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  @Override
  public Iterator<OctadId> ids() {
    return new Iterator<>() {
      private List<Map.Entry<OctadId, OctadHeader>> page = store.headersAfter(null, PAGE, true);
      private int next;

      @Override
      public boolean hasNext() {
        if (next == page.size() && page.size() == PAGE) {
          page = store.headersAfter(page.getLast().getKey(), PAGE, true);
          next = 0;
        }
        return next < page.size();
      }

      @Override
      public OctadId next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.get(next++).getKey();
      }
    };
  }

  @Override
  List<InEdge> incomingOf(OctadId target) {
    if (incomingMap == null) {
      Map<OctadId, List<InEdge>> map = new HashMap<>();
      for (Iterator<OctadId> it = ids(); it.hasNext(); ) {
        OctadId source = it.next();
        Octad octad = row(source).octad();
        if (octad != null && octad.graph().isPresent()) {
          for (Edge e : octad.graph().get().edges()) {
            if (e.target() instanceof Edge.EdgeTarget.Node n) {
              map.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(new InEdge(source, e.predicate()));
            }
          }
        }
      }
      incomingMap = map;
    }
    return incomingMap.getOrDefault(target, List.of());
  }
}
