package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.index.graph.InEdge;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.GraphEdge;
import org.verisimdb.vql.ast.Name;

/**
 * Graph patterns (VQL.md §6.3) over a read view: the octads a path of k edges leads to,
 * min ≤ k ≤ max (walks, so a node may be passed more than once; k = 0 is the node itself), and
 * the bindings of a pattern's variables that make it true. Outgoing edges come from the octads
 * themselves, incoming ones from the view's {@link RowReader#incoming()}; a dangling target is a
 * node without outgoing edges. One per statement; not thread-safe.
 */
final class GraphMatcher {
  private final RowReader reader;
  private final int maxHops;
  private final Map<String, List<OctadId>> neighbours = new HashMap<>();

  GraphMatcher(RowReader reader, int maxHops) {
    this.reader = reader;
    this.maxHops = maxHops;
  }

  /** The octads reachable from {@code from} along {@code edge}, or against it when {@code reversed}. */
  Set<OctadId> reach(OctadId from, GraphEdge edge, boolean reversed) {
    int min = edge.min();
    int max = edge.max() == GraphEdge.UNBOUNDED ? maxHops : edge.max();
    GraphEdge.Direction dir = reversed ? flip(edge.direction()) : edge.direction();
    Set<String> types = new HashSet<>();
    for (Name n : edge.types()) {
      types.add(n.text());
    }
    Set<OctadId> result = new LinkedHashSet<>();
    Set<OctadId> level = Set.of(from);
    if (min == 0) {
      result.add(from);
    }
    List<Set<OctadId>> seenLevels = new ArrayList<>();
    for (int k = 1; k <= max && !level.isEmpty(); k++) {
      Set<OctadId> next = new LinkedHashSet<>();
      for (OctadId id : level) {
        next.addAll(step(id, dir, types));
      }
      if (k >= min) {
        result.addAll(next);
      }
      // Once a level at or after min repeats, every later level repeats one already added.
      if (k >= min) {
        if (seenLevels.contains(next)) {
          break;
        }
        seenLevels.add(next);
      }
      level = next;
    }
    return result;
  }

  /** True when a path matching {@code edge} leads from {@code from} to {@code to}. */
  boolean connects(OctadId from, GraphEdge edge, OctadId to) {
    return reach(from, edge, false).contains(to);
  }

  /**
   * Every extension of {@code bound} (variable → octad) to all variables of {@code pattern} that
   * makes it true. Unbound chains start from a bound node; a pattern without any bound node
   * ranges its first node over every octad of the view.
   */
  List<Map<String, OctadId>> bindings(Cond.Pattern pattern, Map<String, OctadId> bound) {
    List<Map<String, OctadId>> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < pattern.nodes().size(); i++) {
      if (bound.containsKey(pattern.nodes().get(i).variable())) {
        start = i;
        break;
      }
    }
    if (start >= 0) {
      extend(pattern, start, new HashMap<>(bound), out);
      return out;
    }
    String first = pattern.nodes().getFirst().variable();
    for (Iterator<OctadId> it = reader.ids(); it.hasNext(); ) {
      Map<String, OctadId> b = new HashMap<>(bound);
      b.put(first, it.next());
      extend(pattern, 0, b, out);
    }
    return out;
  }

  // Node `start` is bound; binds nodes to its right, then to its left.
  private void extend(Cond.Pattern p, int start, Map<String, OctadId> b, List<Map<String, OctadId>> out) {
    right(p, start, start, b, out);
  }

  private void right(Cond.Pattern p, int start, int i, Map<String, OctadId> b, List<Map<String, OctadId>> out) {
    if (i == p.nodes().size() - 1) {
      left(p, start, b, out);
      return;
    }
    OctadId from = b.get(p.nodes().get(i).variable());
    String nextVar = p.nodes().get(i + 1).variable();
    Set<OctadId> reached = reach(from, p.edges().get(i), false);
    OctadId fixed = b.get(nextVar);
    if (fixed != null) {
      if (reached.contains(fixed)) {
        right(p, start, i + 1, b, out);
      }
      return;
    }
    for (OctadId id : reached) {
      b.put(nextVar, id);
      right(p, start, i + 1, b, out);
    }
    b.remove(nextVar);
  }

  private void left(Cond.Pattern p, int i, Map<String, OctadId> b, List<Map<String, OctadId>> out) {
    if (i == 0) {
      out.add(Map.copyOf(b));
      return;
    }
    OctadId from = b.get(p.nodes().get(i).variable());
    String prevVar = p.nodes().get(i - 1).variable();
    Set<OctadId> reached = reach(from, p.edges().get(i - 1), true);
    OctadId fixed = b.get(prevVar);
    if (fixed != null) {
      if (reached.contains(fixed)) {
        left(p, i - 1, b, out);
      }
      return;
    }
    for (OctadId id : reached) {
      b.put(prevVar, id);
      left(p, i - 1, b, out);
    }
    b.remove(prevVar);
  }

  private List<OctadId> step(OctadId id, GraphEdge.Direction dir, Set<String> types) {
    String key = dir + "\u0000" + types + "\u0000" + id.value();
    List<OctadId> cached = neighbours.get(key);
    if (cached != null) {
      return cached;
    }
    List<OctadId> out = new ArrayList<>();
    if (dir != GraphEdge.Direction.IN) {
      Octad octad = reader.row(id).octad();
      if (octad != null && octad.graph().isPresent()) {
        for (Edge e : octad.graph().get().edges()) {
          if (e.target() instanceof Edge.EdgeTarget.Node n && (types.isEmpty() || types.contains(e.predicate()))) {
            out.add(n.id());
          }
        }
      }
    }
    if (dir != GraphEdge.Direction.OUT) {
      for (InEdge e : reader.incoming().of(id)) {
        if (types.isEmpty() || types.contains(e.predicate())) {
          out.add(e.source());
        }
      }
    }
    List<OctadId> result = List.copyOf(new LinkedHashSet<>(out));
    if (neighbours.size() < 100_000) {
      neighbours.put(key, result);
    }
    return result;
  }

  private static GraphEdge.Direction flip(GraphEdge.Direction d) {
    return switch (d) {
      case OUT -> GraphEdge.Direction.IN;
      case IN -> GraphEdge.Direction.OUT;
      case BOTH -> GraphEdge.Direction.BOTH;
    };
  }
}
