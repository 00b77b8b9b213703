package org.verisimdb.engine.query.exec;

import java.util.List;
import java.util.Map;
import java.util.Map;
import org.verisimdb.engine.query.plan.CostModel;
import org.verisimdb.engine.query.plan.Operator;
import org.verisimdb.engine.query.plan.PlanNode;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.GraphEdge;
import org.verisimdb.vql.ast.GraphNode;
import org.verisimdb.vql.format.CondPrinter;

/**
 * The graph access path: when a top-level conjunct pins a pattern variable to one octad
 * ({@code x.id = 'paper-7'}) and a top-level pattern joins that variable to the candidate, the
 * candidates are the octads reached from the pinned one along the pattern's edges between them
 * (a superset: the whole pattern is still evaluated on each).
 */
final class Traversals {
  /** Assumed edges per octad and hop when estimating how many octads a traversal reaches. */
  static final double FAN_OUT = 8;

  private Traversals() {}

  static Planner.Path of(List<Cond> conjuncts, String candidate, Params params, long n, CostModel cost) {
    for (Map.Entry<String, OctadId> pin : Pins.of(conjuncts, params).entrySet()) {
      if (pin.getKey().equals(candidate)) {
        continue;
      }
      for (Cond p : conjuncts) {
        if (p instanceof Cond.Pattern pattern) {
          Planner.Path path = path(pattern, pin.getKey(), candidate, pin.getValue(), n, cost);
          if (path != null) {
            return path;
          }
        }
      }
    }
    return null;
  }

  private static Planner.Path path(Cond.Pattern p, String pinned, String candidate, OctadId start, long n, CostModel cost) {
    int from = index(p.nodes(), pinned);
    int to = index(p.nodes(), candidate);
    if (from < 0 || to < 0 || from == to) {
      return null;
    }
    boolean reversed = from > to;
    List<GraphEdge> edges = reversed ? p.edges().subList(to, from).reversed() : p.edges().subList(from, to);
    double rows = 1;
    for (GraphEdge e : edges) {
      int hops = e.max() == GraphEdge.UNBOUNDED ? 4 : Math.max(1, e.max());
      rows *= Math.pow(FAN_OUT, hops);
    }
    rows = Math.min(Math.max(1, n), rows);
    Map<String, Object> d = new java.util.LinkedHashMap<>();
    d.put("from", start.value());
    d.put("pattern", CondPrinter.text(p));
    d.put("direction", reversed ? "backward" : "forward");
    PlanNode node = Planner.node(Operator.GRAPH_TRAVERSE, "GRAPH", d, rows, rows * cost.perUnit("graph"), List.of());
    return new Planner.Path(new Access.Traverse(start, List.copyOf(edges), reversed), node, List.of());
  }

  private static int index(List<GraphNode> nodes, String variable) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).variable().equals(variable)) {
        return i;
      }
    }
    return -1;
  }
}
