package org.verisimdb.index.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.verisimdb.model.OctadId;

/**
 * Breadth-first searches over a neighbour function: the nodes a path of min..max edges reaches,
 * and one shortest path. Paths are walks: they may repeat nodes and edges, so "reachable by k
 * edges" is decided level by level in polynomial time and cycles end nowhere special.
 *
 * <p>Thread-safe: stateless; the neighbour function decides.
 */
final class Traversal {
  /** The neighbours of a node one edge away, in the traversal's direction, sorted by id. */
  @FunctionalInterface
  interface Neighbours {
    SortedSet<OctadId> of(OctadId node);

    /** The same function, remembering each node's answer for the life of one search. */
    default Neighbours cached() {
      Map<OctadId, SortedSet<OctadId>> seen = new HashMap<>();
      return node -> seen.computeIfAbsent(node, this::of);
    }
  }

  private Traversal() {}

  /**
   * Nodes reachable from {@code start} by a path of k edges, {@code min ≤ k ≤ max}, each once
   * with its smallest such k; ordered by k, then id; at most {@code limit}.
   *
   * <p>Let W(k) be the nodes at the end of some k-edge path. Below {@code min}, every node of
   * W(k-1) is expanded, because a node seen early may still be needed at exactly k = min. From
   * {@code min} on, only nodes reported for the first time at k-1 are expanded: the successors of
   * a node first reported at j &lt; k-1 were already reported by j+1 ≤ k-1, and so were theirs.
   * That makes the part inside the range an ordinary visited-set BFS.
   */
  static List<Reached> reach(OctadId start, Neighbours neighbours, int min, int max, int limit) {
    List<Reached> out = new ArrayList<>();
    Set<OctadId> reported = new HashSet<>();
    SortedSet<OctadId> level = new TreeSet<>(Set.of(start));
    if (min == 0) {
      reported.add(start);
      out.add(new Reached(start, 0));
      if (out.size() >= limit) {
        return out;
      }
    }
    for (int k = 1; k <= max && !level.isEmpty(); k++) {
      TreeSet<OctadId> next = new TreeSet<>();
      for (OctadId node : level) {
        next.addAll(neighbours.of(node));
      }
      if (k < min) {
        level = next;
        continue;
      }
      TreeSet<OctadId> fresh = new TreeSet<>();
      for (OctadId node : next) {
        if (reported.add(node)) {
          fresh.add(node);
          out.add(new Reached(node, k));
          if (out.size() >= limit) {
            return out;
          }
        }
      }
      level = fresh;
    }
    return out;
  }

  /**
   * One shortest path from {@code from} to {@code to} of at most {@code maxHops} edges, as its
   * nodes from first to last; empty when there is none. Of several shortest paths, the one whose
   * node ids are smallest, compared from the start (lexicographically), so the answer is stable.
   *
   * <p>A BFS from {@code from} stops at the level that reaches {@code to}; a backward pass keeps
   * the nodes of each level with a successor kept on the next one (those that lie on some
   * shortest path); then the path takes, at each step, the smallest kept successor.
   */
  static List<OctadId> shortestPath(OctadId from, OctadId to, Neighbours neighbours, int maxHops) {
    if (from.equals(to)) {
      return List.of(from);
    }
    Map<OctadId, SortedSet<OctadId>> expanded = new HashMap<>();
    List<Set<OctadId>> levels = new ArrayList<>();
    levels.add(Set.of(from));
    Set<OctadId> visited = new HashSet<>(Set.of(from));
    int found = -1;
    for (int k = 1; k <= maxHops && found < 0; k++) {
      Set<OctadId> next = new HashSet<>();
      for (OctadId node : levels.get(k - 1)) {
        SortedSet<OctadId> successors = neighbours.of(node);
        expanded.put(node, successors);
        for (OctadId s : successors) {
          if (visited.add(s)) {
            next.add(s);
          }
        }
      }
      if (next.isEmpty()) {
        return List.of();
      }
      if (next.contains(to)) {
        found = k;
      }
      levels.add(next);
    }
    if (found < 0) {
      return List.of();
    }
    List<Set<OctadId>> kept = new ArrayList<>(levels.subList(0, found + 1));
    kept.set(found, Set.of(to));
    for (int i = found - 1; i >= 1; i--) {
      Set<OctadId> onPath = new HashSet<>();
      Set<OctadId> after = kept.get(i + 1);
      for (OctadId node : levels.get(i)) {
        if (expanded.get(node).stream().anyMatch(after::contains)) {
          onPath.add(node);
        }
      }
      kept.set(i, onPath);
    }
    List<OctadId> path = new ArrayList<>(found + 1);
    OctadId current = from;
    path.add(current);
    for (int i = 1; i <= found; i++) {
      Set<OctadId> allowed = kept.get(i);
      current = expanded.get(current).stream().filter(allowed::contains).findFirst()
          .orElseThrow(() -> new IllegalStateException("no kept successor on a shortest path"));
      path.add(current);
    }
    return path;
  }
}
