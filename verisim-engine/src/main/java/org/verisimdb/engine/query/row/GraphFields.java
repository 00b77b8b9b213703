package org.verisimdb.engine.query.row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.verisimdb.index.graph.InEdge;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.vql.ast.Value;

/**
 * GRAPH fields (VQL.md §4.3). They are defined for every row, with or without outgoing edges
 * (§4.6): without a graph facet the outgoing arrays are empty and {@code out_degree} is 0, while
 * {@code edge_from} and {@code in_degree} still count incoming edges.
 *
 * <p>{@code edges} and {@code edge_to} follow the facet's order (predicate, then octad targets
 * before literals, then target); {@code out_degree} counts literal edges too, being the length
 * of {@code edges}. {@code edge_from} lists sources ordered by predicate, then source. An octad
 * reached by several predicates appears once per edge in {@code edge_to} and {@code edge_from}.
 * Not thread-safe.
 */
final class GraphFields implements ModalityFields {
  private final GraphFacet graph;
  private final Supplier<List<InEdge>> incoming;

  /** {@code graph} is null when the octad has no outgoing edges; {@code incoming} is sorted by predicate, then source. */
  GraphFields(GraphFacet graph, Supplier<List<InEdge>> incoming) {
    this.graph = graph;
    this.incoming = incoming;
  }

  @Override
  public Value field(String name) {
    return switch (name) {
      case "edges" -> edges();
      case "edge_to" -> edgeTo();
      case "edge_from" -> new Value.Arr(incoming.get().stream().<Value>map(e -> new Value.Str(e.source().value())).toList());
      case "predicates" -> RowValues.strings(graph == null ? List.of() : graph.predicates());
      case "out_degree" -> new Value.Int(graph == null ? 0 : graph.edges().size());
      case "in_degree" -> new Value.Int(incoming.get().size());
      default -> Value.NULL;
    };
  }

  private Value edges() {
    if (graph == null) {
      return new Value.Arr(List.of());
    }
    List<Value> edges = new ArrayList<>(graph.edges().size());
    for (Edge edge : graph.edges()) {
      Map<String, Value> members = new LinkedHashMap<>();
      members.put("predicate", new Value.Str(edge.predicate()));
      switch (edge.target()) {
        case Edge.EdgeTarget.Node(OctadId id) -> members.put("target", new Value.Str(id.value()));
        case Edge.EdgeTarget.Literal(org.verisimdb.model.value.Value literal) -> members.put("literal", RowValues.of(literal));
      }
      edges.add(new Value.Obj(members));
    }
    return new Value.Arr(edges);
  }

  private Value edgeTo() {
    if (graph == null) {
      return new Value.Arr(List.of());
    }
    return new Value.Arr(graph.targets().<Value>map(id -> new Value.Str(id.value())).toList());
  }
}
