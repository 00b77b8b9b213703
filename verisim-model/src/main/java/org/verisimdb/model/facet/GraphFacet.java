package org.verisimdb.model.facet;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * The outgoing edges of an octad: a set, kept sorted by predicate then target (the order VQL's
 * {@code GRAPH.edges} returns), duplicates removed. At least one edge; an octad without edges
 * simply has no graph modality. Incoming edges are the graph index's business, not stored here.
 */
public record GraphFacet(List<Edge> edges) implements Facet {
  public GraphFacet {
    if (edges == null || edges.isEmpty()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_GRAPH, "graph.edges",
          "a graph modality needs at least one edge; omit the modality instead");
    }
    for (int i = 0; i < edges.size(); i++) {
      if (edges.get(i) == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_GRAPH, "graph.edges[" + i + "]", "edge " + i + " is null");
      }
    }
    edges = List.copyOf(new TreeSet<>(edges));
    Limits.requireCount(edges, Limits.MAX_EDGES, "graph.edges", "edges");
  }

  public static GraphFacet of(Edge... edges) {
    return new GraphFacet(List.of(edges));
  }

  @Override
  public Modality modality() {
    return Modality.GRAPH;
  }

  /** Targets of the edges that point at octads, in edge order. */
  public Stream<OctadId> targets() {
    return edges.stream()
        .map(Edge::target)
        .<OctadId>mapMulti((target, sink) -> {
          if (target instanceof Edge.EdgeTarget.Node(OctadId id)) {
            sink.accept(id);
          }
        });
  }

  /** Distinct predicates, sorted. */
  public List<String> predicates() {
    return edges.stream().map(Edge::predicate).distinct().toList();
  }
}
