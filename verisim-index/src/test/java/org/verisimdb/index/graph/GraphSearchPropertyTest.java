package org.verisimdb.index.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexChange;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Edge.EdgeTarget;
import org.verisimdb.model.value.Value;

/**
 * Random graphs in the index against a plain adjacency map: traversal in every direction with
 * random predicate sets and hop ranges, shortest paths, edges and filters, before and after
 * random replacements and deletions.
 */
class GraphSearchPropertyTest {
  private static final List<String> PREDICATES = List.of("A", "B", "C");

  /** Outgoing edges of each live octad: the model. */
  private final Map<OctadId, List<Edge>> model = new TreeMap<>();
  private Random random;
  private long seed;
  private List<OctadId> nodes;

  @Test
  void traversalShortestPathsAndEdgesMatchTheModel() {
    seed = Long.getLong("tests.seed", System.nanoTime());
    random = new Random(seed);
    for (int round = 0; round < 12; round++) {
      model.clear();
      int n = 3 + random.nextInt(30);
      nodes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        nodes.add(OctadId.of("n" + i));
      }
      try (OctadIndex index = OctadIndex.open(null, IndexSettings.defaults())) {
        long lsn = 0;
        List<IndexChange> batch = new ArrayList<>();
        for (OctadId id : nodes) {
          if (random.nextInt(6) > 0) { // the rest stay dangling targets
            batch.add(IndexChange.of(put(id)));
          }
        }
        index.apply(++lsn, batch);
        for (int step = 0; step < 4; step++) {
          try (IndexView view = index.view()) {
            check(view, "round " + round + " step " + step);
          }
          index.apply(++lsn, mutate());
          if (random.nextBoolean()) {
            index.commit(); // more segments, deletes across them
          }
        }
      }
    }
  }

  private org.verisimdb.model.Octad put(OctadId id) {
    List<Edge> edges = new ArrayList<>();
    int degree = random.nextInt(4);
    for (int i = 0; i < degree; i++) {
      String p = PREDICATES.get(random.nextInt(PREDICATES.size()));
      edges.add(random.nextInt(8) == 0 ? Edge.literal(p, Value.of(random.nextInt(3))) : Edge.to(p, nodes.get(random.nextInt(nodes.size()))));
    }
    org.verisimdb.model.Octad octad = Octads.withEdges(id.value(), edges);
    model.put(id, octad.graph().map(g -> g.edges()).orElse(List.of()));
    return octad;
  }

  private List<IndexChange> mutate() {
    List<IndexChange> changes = new ArrayList<>();
    for (int i = 0; i < 1 + random.nextInt(4); i++) {
      OctadId id = nodes.get(random.nextInt(nodes.size()));
      if (model.containsKey(id) && random.nextInt(3) == 0) {
        model.remove(id);
        changes.add(IndexChange.deleted(id));
      } else {
        changes.add(IndexChange.of(put(id)));
      }
    }
    return changes;
  }

  private void check(IndexView view, String where) {
    GraphSearch graph = new GraphSearch(view, 8);
    String ctx = "seed=" + seed + " " + where + " model=" + model;
    for (int q = 0; q < 25; q++) {
      OctadId start = random.nextInt(10) == 0 ? OctadId.of("unknown") : nodes.get(random.nextInt(nodes.size()));
      Direction d = Direction.values()[random.nextInt(3)];
      Set<String> p = new HashSet<>();
      PREDICATES.forEach(x -> {
        if (random.nextInt(3) == 0) {
          p.add(x);
        }
      });
      int min = random.nextInt(5);
      int max = min + random.nextInt(4);
      int limit = random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 1000;
      List<Reached> expected = reach(start, d, p, min, max);
      assertThat(graph.traverse(start, d, p, min, max, limit))
          .as("%s traverse %s %s %s %d..%d limit %d", ctx, start, d, p, min, max, limit)
          .isEqualTo(expected.subList(0, Math.min(limit, expected.size())));

      OctadId to = nodes.get(random.nextInt(nodes.size()));
      int hops = random.nextInt(8);
      List<OctadId> path = graph.shortestPath(start, to, d, p, hops);
      assertThat(path).as("%s path %s→%s %s %s ≤%d", ctx, start, to, d, p, hops).isEqualTo(smallestShortestPath(start, to, d, p, hops));

      OctadId x = nodes.get(random.nextInt(nodes.size()));
      assertThat(graph.outgoing(x, p)).as(ctx).isEqualTo(model.getOrDefault(x, List.of()).stream()
          .filter(e -> p.isEmpty() || p.contains(e.predicate())).toList());
      List<InEdge> in = new ArrayList<>();
      model.forEach((source, edges) -> edges.forEach(e -> {
        if (e.target() instanceof EdgeTarget.Node(OctadId t) && t.equals(x) && (p.isEmpty() || p.contains(e.predicate()))) {
          in.add(new InEdge(source, e.predicate()));
        }
      }));
      in.sort(Comparator.comparing(InEdge::predicate).thenComparing(InEdge::source));
      assertThat(graph.incoming(x, p)).as(ctx).isEqualTo(in);
      if (p.isEmpty()) {
        assertThat(graph.inDegree(x)).as(ctx).isEqualTo(in.size());
        assertThat(graph.outDegree(x)).as(ctx).isEqualTo(model.getOrDefault(x, List.of()).size());
      }
      assertThat(GraphSearchTest.ids(view, GraphSearch.edgeTo(x, p))).as(ctx)
          .isEqualTo(in.stream().map(e -> e.source().value()).distinct().sorted().toList());
      assertThat(GraphSearchTest.ids(view, graph.edgeFrom(x, p))).as(ctx)
          .isEqualTo(neighbours(x, Direction.OUT, p).stream().filter(model::containsKey).map(OctadId::value).sorted().toList());
    }
  }

  /** One edge away from {@code node} in direction {@code d}, by the model. */
  private TreeSet<OctadId> neighbours(OctadId node, Direction d, Set<String> p) {
    TreeSet<OctadId> out = new TreeSet<>();
    model.forEach((source, edges) -> edges.forEach(e -> {
      if (e.target() instanceof EdgeTarget.Node(OctadId t) && (p.isEmpty() || p.contains(e.predicate()))) {
        if (d != Direction.IN && source.equals(node)) {
          out.add(t);
        }
        if (d != Direction.OUT && t.equals(node)) {
          out.add(source);
        }
      }
    }));
    return out;
  }

  /** Walk semantics by brute force: the exact set of k-edge path ends for every k up to max. */
  private List<Reached> reach(OctadId start, Direction d, Set<String> p, int min, int max) {
    Map<OctadId, Integer> first = new HashMap<>();
    Set<OctadId> ends = Set.of(start);
    for (int k = 0; k <= max; k++) {
      if (k >= min) {
        for (OctadId e : ends) {
          first.putIfAbsent(e, k);
        }
      }
      Set<OctadId> next = new HashSet<>();
      for (OctadId e : ends) {
        next.addAll(neighbours(e, d, p));
      }
      ends = next;
    }
    return first.entrySet().stream().map(e -> new Reached(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingInt(Reached::hops).thenComparing(Reached::id)).toList();
  }

  /** Distances to {@code to} by a backward BFS, then the smallest next node that keeps the distance falling. */
  private List<OctadId> smallestShortestPath(OctadId from, OctadId to, Direction d, Set<String> p, int maxHops) {
    Map<OctadId, Integer> toTarget = new HashMap<>(Map.of(to, 0));
    ArrayDeque<OctadId> queue = new ArrayDeque<>(List.of(to));
    while (!queue.isEmpty()) {
      OctadId node = queue.poll();
      for (OctadId prev : neighbours(node, d.reverse(), p)) {
        if (!toTarget.containsKey(prev)) {
          toTarget.put(prev, toTarget.get(node) + 1);
          queue.add(prev);
        }
      }
    }
    Integer length = toTarget.get(from);
    if (length == null || length > maxHops) {
      return List.of();
    }
    List<OctadId> path = new ArrayList<>(List.of(from));
    OctadId at = from;
    for (int left = length; left > 0; left--) {
      int want = left - 1;
      at = neighbours(at, d, p).stream().filter(v -> toTarget.getOrDefault(v, -1) == want).findFirst().orElseThrow();
      path.add(at);
    }
    return path;
  }
}
