package org.verisimdb.engine.query.differential;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.verisimdb.engine.query.differential.Model.Octad;

/** Edge lookups over the reference's data, by scanning every octad. */
final class Graph {
  private Graph() {}

  /** The sources of the edges into {@code id}, one per edge. */
  static List<String> sources(String id, Model m) {
    List<String> out = new ArrayList<>();
    for (Octad o : m.octads()) {
      for (Model.Edge e : o.edges()) {
        if (e.target().equals(id)) {
          out.add(o.id());
        }
      }
    }
    return out;
  }

  /** {@code graph.max_hops}, the upper bound of {@code *} (§1.5). */
  static final int MAX_HOPS = 16;

  /**
   * The ids at the end of a walk of {@code min} to {@code max} edges from {@code from} whose
   * types are among {@code predicates}, each followed forward ("out"), backward ("in") or either
   * way; a walk of 0 edges ends where it starts.
   */
  static Set<String> reach(String from, List<String> predicates, String direction, int min, int max, Model m) {
    Set<String> out = new LinkedHashSet<>();
    if (min == 0) {
      out.add(from);
    }
    Set<String> level = Set.of(from);
    for (int k = 1; k <= max && !level.isEmpty(); k++) {
      Set<String> next = new LinkedHashSet<>();
      for (String id : level) {
        step(id, predicates, direction, m, next);
      }
      if (k >= min) {
        out.addAll(next);
      }
      level = next;
    }
    return out;
  }

  private static void step(String id, List<String> predicates, String direction, Model m, Set<String> out) {
    Octad o = m.get(id);
    if (!direction.equals("in") && o != null) {
      o.edges().stream().filter(e -> predicates.contains(e.predicate())).forEach(e -> out.add(e.target()));
    }
    if (!direction.equals("out")) {
      for (Octad s : m.octads()) {
        for (Model.Edge e : s.edges()) {
          if (e.target().equals(id) && predicates.contains(e.predicate())) {
            out.add(s.id());
          }
        }
      }
    }
  }
}
