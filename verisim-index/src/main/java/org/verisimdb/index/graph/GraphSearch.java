package org.verisimdb.index.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Edge.EdgeTarget;
import org.verisimdb.model.value.Value;

/**
 * Graph searches on one {@link IndexView}: a node's outgoing and incoming edges and degrees,
 * traversal over a hop range (VQL §6.3), shortest paths, and filter queries the planner can
 * combine with other predicates.
 *
 * <p>Nodes are octad ids. An id with no octad (a dangling target) is a valid node with no
 * outgoing edges; its incoming edges are found as for any node. Literal edges never join nodes.
 * A predicate set that is empty means any relation type.
 *
 * <p>Not thread-safe: create one per thread on a shared view.
 */
public final class GraphSearch {
  /** The default of {@code graph.max_hops}: the largest hop bound a traversal may ask for. */
  public static final int DEFAULT_MAX_HOPS = 16;
  /** The hard limit on {@code graph.max_hops}. */
  public static final int HOPS_LIMIT = 1024;

  private static final Pattern PREDICATE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private final Adjacency adjacency;
  private final int maxHops;

  public GraphSearch(IndexView view) {
    this(view, DEFAULT_MAX_HOPS);
  }

  /** A search whose traversals may ask for at most {@code maxHops} edges ({@code graph.max_hops}). */
  public GraphSearch(IndexView view, int maxHops) {
    if (maxHops < 0 || maxHops > HOPS_LIMIT) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "graph.max_hops",
          "graph.max_hops is " + maxHops + "; use 0 to " + HOPS_LIMIT);
    }
    this.adjacency = new Adjacency(view);
    this.maxHops = maxHops;
  }

  /** The largest hop bound this search accepts. */
  public int maxHops() {
    return maxHops;
  }

  /** The outgoing edges of {@code id} with one of {@code predicates} (empty: any), literal edges included, in {@link Edge} order. */
  public List<Edge> outgoing(OctadId id, Set<String> predicates) {
    Set<String> p = predicates(predicates);
    List<Edge> edges = adjacency.outgoing(requireId(id, "id"));
    return p.isEmpty() ? edges : edges.stream().filter(e -> p.contains(e.predicate())).toList();
  }

  /** The incoming edges of {@code id} with one of {@code predicates} (empty: any), by predicate then source. */
  public List<InEdge> incoming(OctadId id, Set<String> predicates) {
    List<InEdge> edges = new ArrayList<>(adjacency.incoming(requireId(id, "id"), predicates(predicates)));
    edges.sort(Comparator.comparing(InEdge::predicate).thenComparing(InEdge::source));
    return edges;
  }

  /** The number of outgoing edges of {@code id}, literal edges included (VQL's {@code GRAPH.out_degree}). */
  public int outDegree(OctadId id) {
    return adjacency.outgoing(requireId(id, "id")).size();
  }

  /** The number of incoming edges of {@code id} (VQL's {@code GRAPH.in_degree}). */
  public int inDegree(OctadId id) {
    return adjacency.incoming(requireId(id, "id"), Set.of()).size();
  }

  /**
   * The nodes reachable from {@code start} by a path of k edges with {@code minHops ≤ k ≤
   * maxHops}, each followed in {@code direction} and of one of {@code predicates} (empty: any).
   * k = 0 is the start itself. Each node is reported once, with its smallest such k, in order of
   * k and then id, at most {@code limit} of them. A path may pass through a node more than once,
   * so a cycle back to the start reports the start at the cycle's length.
   *
   * @throws VeriSimException INVALID_SEARCH for a negative hop bound, minHops &gt; maxHops,
   *     maxHops beyond {@link #maxHops()}, or a limit below 1
   */
  public List<Reached> traverse(OctadId start, Direction direction, Set<String> predicates, int minHops, int maxHops, int limit) {
    requireId(start, "start");
    checkHops(minHops, maxHops);
    if (limit < 1) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "limit", "a traversal limit must be at least 1, got " + limit);
    }
    return Traversal.reach(start, neighbours(requireDirection(direction), predicates(predicates)), minHops, maxHops, limit);
  }

  /**
   * One shortest path of at most {@code maxHops} edges from {@code from} to {@code to}, followed
   * in {@code direction} with one of {@code predicates} (empty: any), as its nodes from {@code
   * from} to {@code to}; empty when none exists. Ties go to the path with the smaller ids,
   * compared from the start. A path from a node to itself is that node alone.
   */
  public List<OctadId> shortestPath(OctadId from, OctadId to, Direction direction, Set<String> predicates, int maxHops) {
    requireId(from, "from");
    requireId(to, "to");
    checkHops(0, maxHops);
    return Traversal.shortestPath(from, to, neighbours(requireDirection(direction), predicates(predicates)), maxHops);
  }

  /**
   * A filter for the octads that {@code source} has an edge to (with one of {@code predicates},
   * empty: any): VQL's {@code GRAPH.edge_from = 'source'}. The targets are read from this view,
   * so run the query on the same view.
   */
  public Query edgeFrom(OctadId source, Set<String> predicates) {
    Set<String> p = predicates(predicates);
    List<BytesRef> targets = adjacency.outgoing(requireId(source, "source")).stream()
        .filter(e -> p.isEmpty() || p.contains(e.predicate()))
        .<OctadId>mapMulti((e, sink) -> {
          if (e.target() instanceof EdgeTarget.Node(OctadId id)) {
            sink.accept(id);
          }
        })
        .distinct()
        .map(id -> new BytesRef(id.value()))
        .toList();
    return targets.isEmpty() ? new MatchNoDocsQuery("octad " + source + " has no such edges") : new TermInSetQuery(IndexFields.ID, targets);
  }

  /** A filter for the octads with an edge to {@code target} (with one of {@code predicates}, empty: any): VQL's {@code GRAPH.edge_to}. */
  public static Query edgeTo(OctadId target, Set<String> predicates) {
    Set<String> p = predicates(predicates);
    requireId(target, "target");
    if (p.isEmpty()) {
      return new TermQuery(new Term(GraphFields.TO, target.value()));
    }
    return new TermInSetQuery(GraphFields.EDGE, p.stream().map(pred -> new BytesRef(GraphFields.edgeTerm(pred, target))).toList());
  }

  /** A filter for the octads with an outgoing edge of one of {@code predicates}: VQL's {@code GRAPH.predicates}. */
  public static Query withPredicate(Set<String> predicates) {
    Set<String> p = predicates(predicates);
    if (p.isEmpty()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "predicates", "name at least one predicate to filter by");
    }
    return new TermInSetQuery(GraphFields.PREDICATE, p.stream().map(BytesRef::new).toList());
  }

  /** A filter for the octads with an edge {@code predicate} to the literal {@code value} (equal canonical JSON). */
  public static Query literalEdge(String predicate, Value value) {
    Set<String> p = predicates(Set.of(predicate));
    if (value == null || value instanceof Value.Ref || value instanceof Value.Seq) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "literal",
          "an edge literal is a string, number, boolean, language-tagged string or typed literal; got " + value);
    }
    return new TermQuery(new Term(GraphFields.LITERAL, GraphFields.literalTerm(p.iterator().next(), value)));
  }

  private Traversal.Neighbours neighbours(Direction direction, Set<String> predicates) {
    Traversal.Neighbours out = node -> {
      SortedSet<OctadId> targets = new TreeSet<>();
      for (Edge e : adjacency.outgoing(node)) {
        if (e.target() instanceof EdgeTarget.Node(OctadId id) && (predicates.isEmpty() || predicates.contains(e.predicate()))) {
          targets.add(id);
        }
      }
      return targets;
    };
    Traversal.Neighbours in = node -> adjacency.sources(node, predicates);
    Traversal.Neighbours chosen = switch (direction) {
      case OUT -> out;
      case IN -> in;
      case BOTH -> node -> {
        SortedSet<OctadId> both = out.of(node);
        both.addAll(in.of(node));
        return both;
      };
    };
    return chosen.cached();
  }

  private void checkHops(int min, int max) {
    if (min < 0 || max < 0) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "hops",
          "hop bounds must be 0 or more, got " + min + ".." + max);
    }
    if (min > max) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "hops",
          "the hop range " + min + ".." + max + " is empty: the lower bound exceeds the upper; swap them");
    }
    if (max > maxHops) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "hops",
          "the hop bound " + max + " exceeds graph.max_hops = " + maxHops + "; lower the bound or raise graph.max_hops");
    }
  }

  private static Set<String> predicates(Set<String> predicates) {
    if (predicates == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "predicates", "give a set of predicates; an empty set means any");
    }
    for (String p : predicates) {
      if (p == null || !PREDICATE.matcher(p).matches()) {
        throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "predicates",
            "'" + p + "' is not a predicate; predicates are identifiers of letters, digits and _ (e.g. CITES)");
      }
    }
    return Set.copyOf(predicates);
  }

  private static OctadId requireId(OctadId id, String what) {
    if (id == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, what, "the " + what + " node is required");
    }
    return id;
  }

  private static Direction requireDirection(Direction direction) {
    if (direction == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "direction", "a direction is required: OUT, IN or BOTH");
    }
    return direction;
  }
}
