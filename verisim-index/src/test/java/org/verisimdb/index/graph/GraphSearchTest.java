package org.verisimdb.index.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.verisimdb.index.graph.Octads.id;

import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexChange;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.value.Value;

class GraphSearchTest {
  private OctadIndex index;
  private long lsn;

  @BeforeEach
  void open() {
    index = OctadIndex.open(null, IndexSettings.defaults());
    // a → b → c → a (a cycle), a → d (dangling), c -KNOWS-> e, a has a literal edge
    apply(Octads.withEdges("a", List.of(Edge.to("CITES", "b"), Edge.to("CITES", "d"), Edge.literal("year", Value.of(2020)))),
        Octads.withEdges("b", List.of(Edge.to("CITES", "c"))),
        Octads.withEdges("c", List.of(Edge.to("CITES", "a"), Edge.to("KNOWS", "e"))),
        Octads.of("e"));
  }

  @AfterEach
  void close() {
    index.close();
  }

  private void apply(org.verisimdb.model.Octad... octads) {
    index.apply(++lsn, java.util.Arrays.stream(octads).map(IndexChange::of).toList());
  }

  private List<String> traverse(String start, Direction d, Set<String> p, int min, int max) {
    try (IndexView v = index.view()) {
      return new GraphSearch(v).traverse(id(start), d, p, min, max, 100).stream().map(r -> r.id() + "@" + r.hops()).toList();
    }
  }

  @Test
  void hopRangesFollowCyclesAndReportEachNodeOnceAtItsSmallestHop() {
    assertThat(traverse("a", Direction.OUT, Set.of(), 0, 0)).containsExactly("a@0");
    assertThat(traverse("a", Direction.OUT, Set.of(), 1, 1)).containsExactly("b@1", "d@1");
    assertThat(traverse("a", Direction.OUT, Set.of(), 0, 5)).containsExactly("a@0", "b@1", "d@1", "c@2", "e@3");
    // the start comes back round the cycle after three edges
    assertThat(traverse("a", Direction.OUT, Set.of(), 1, 5)).containsExactly("b@1", "d@1", "c@2", "a@3", "e@3");
    // exactly three edges: a, and e (a → b → c → e)
    assertThat(traverse("a", Direction.OUT, Set.of(), 3, 3)).containsExactly("a@3", "e@3");
    // b is one edge away but also four (round the cycle)
    assertThat(traverse("a", Direction.OUT, Set.of(), 4, 4)).containsExactly("b@4", "d@4");
    assertThat(traverse("a", Direction.OUT, Set.of("KNOWS"), 1, 3)).isEmpty();
    assertThat(traverse("a", Direction.IN, Set.of(), 1, 2)).containsExactly("c@1", "b@2");
    // following either way, e → c → e returns to the start
    assertThat(traverse("e", Direction.BOTH, Set.of(), 1, 2)).containsExactly("c@1", "a@2", "b@2", "e@2");
  }

  @Test
  void anIndexWithoutEdgesHasNoIncomingEdges() {
    try (OctadIndex empty = OctadIndex.open(null, IndexSettings.defaults())) {
      empty.apply(1, List.of(IndexChange.of(Octads.of("x"))));
      try (IndexView v = empty.view()) {
        assertThat(new GraphSearch(v).incoming(id("x"), Set.of())).isEmpty();
        assertThat(new GraphSearch(v).traverse(id("x"), Direction.BOTH, Set.of(), 1, 3, 10)).isEmpty();
      }
    }
  }

  @Test
  void danglingTargetsAreNodesWithoutOutgoingEdges() {
    assertThat(traverse("d", Direction.OUT, Set.of(), 0, 3)).containsExactly("d@0");
    assertThat(traverse("d", Direction.IN, Set.of(), 1, 1)).containsExactly("a@1");
    assertThat(traverse("nowhere", Direction.BOTH, Set.of(), 0, 3)).containsExactly("nowhere@0");
  }

  @Test
  void limitCutsTheOrderedResult() {
    try (IndexView v = index.view()) {
      assertThat(new GraphSearch(v).traverse(id("a"), Direction.OUT, Set.of(), 0, 5, 3)).extracting(Reached::id)
          .containsExactly(id("a"), id("b"), id("d"));
    }
  }

  @Test
  void edgesAndDegreesInBothDirections() {
    try (IndexView v = index.view()) {
      GraphSearch g = new GraphSearch(v);
      assertThat(g.outgoing(id("a"), Set.of())).containsExactly(Edge.to("CITES", "b"), Edge.to("CITES", "d"), Edge.literal("year", Value.of(2020)));
      assertThat(g.outgoing(id("a"), Set.of("year"))).containsExactly(Edge.literal("year", Value.of(2020)));
      assertThat(g.outgoing(id("d"), Set.of())).isEmpty();
      assertThat(g.incoming(id("a"), Set.of())).containsExactly(new InEdge(id("c"), "CITES"));
      assertThat(g.incoming(id("e"), Set.of("CITES"))).isEmpty();
      assertThat(g.outDegree(id("a"))).isEqualTo(3);
      assertThat(g.inDegree(id("d"))).isEqualTo(1);
      assertThat(g.shortestPath(id("b"), id("e"), Direction.OUT, Set.of(), 5)).containsExactly(id("b"), id("c"), id("e"));
      assertThat(g.shortestPath(id("e"), id("b"), Direction.OUT, Set.of(), 5)).isEmpty();
      assertThat(g.shortestPath(id("e"), id("b"), Direction.BOTH, Set.of(), 5)).containsExactly(id("e"), id("c"), id("b"));
      assertThat(g.shortestPath(id("a"), id("e"), Direction.OUT, Set.of(), 2)).isEmpty();
      assertThat(g.shortestPath(id("x"), id("x"), Direction.OUT, Set.of(), 0)).containsExactly(id("x"));
    }
  }

  @Test
  void updatesAndDeletesChangeIncomingEdges() {
    apply(Octads.withEdges("b", List.of(Edge.to("KNOWS", "e"))));
    index.apply(++lsn, List.of(IndexChange.deleted(id("c"))));
    try (IndexView v = index.view()) {
      GraphSearch g = new GraphSearch(v);
      assertThat(g.incoming(id("e"), Set.of())).containsExactly(new InEdge(id("b"), "KNOWS"));
      assertThat(g.incoming(id("a"), Set.of())).isEmpty();
      assertThat(g.incoming(id("c"), Set.of())).isEmpty();
      assertThat(count(v, GraphSearch.edgeTo(id("c"), Set.of()))).isZero();
      assertThat(count(v, GraphSearch.edgeTo(id("e"), Set.of("KNOWS")))).isEqualTo(1);
    }
  }

  @Test
  void filterQueries() {
    try (IndexView v = index.view()) {
      GraphSearch g = new GraphSearch(v);
      assertThat(ids(v, GraphSearch.edgeTo(id("a"), Set.of("CITES")))).containsExactly("c");
      assertThat(ids(v, GraphSearch.edgeTo(id("a"), Set.of("KNOWS")))).isEmpty();
      assertThat(ids(v, g.edgeFrom(id("a"), Set.of()))).containsExactly("b"); // d has no octad
      assertThat(ids(v, g.edgeFrom(id("c"), Set.of("KNOWS")))).containsExactly("e");
      assertThat(ids(v, g.edgeFrom(id("e"), Set.of()))).isEmpty();
      assertThat(ids(v, GraphSearch.withPredicate(Set.of("KNOWS", "year")))).containsExactly("a", "c");
      assertThat(ids(v, GraphSearch.literalEdge("year", Value.of(2020)))).containsExactly("a");
      assertThat(ids(v, GraphSearch.literalEdge("year", Value.of(2020.5)))).isEmpty();
    }
  }

  @Test
  void longLiteralsAreFoundThroughTheirHash() {
    String big = "x\"y\n".repeat(50_000);
    apply(Octads.withEdges("big", List.of(Edge.literal("note", Value.of(big)), Edge.literal("note", new Value.LangStr("hei", "nb")))));
    try (IndexView v = index.view()) {
      assertThat(ids(v, GraphSearch.literalEdge("note", Value.of(big)))).containsExactly("big");
      assertThat(ids(v, GraphSearch.literalEdge("note", new Value.LangStr("hei", "nb")))).containsExactly("big");
      assertThat(new GraphSearch(v).outgoing(id("big"), Set.of())).containsExactly(
          Edge.literal("note", Value.of(big)), Edge.literal("note", new Value.LangStr("hei", "nb")));
    }
  }

  @Test
  void badSearchesAreInvalidSearch() {
    try (IndexView v = index.view()) {
      GraphSearch g = new GraphSearch(v, 8);
      invalid(() -> g.traverse(id("a"), Direction.OUT, Set.of(), -1, 2, 10));
      invalid(() -> g.traverse(id("a"), Direction.OUT, Set.of(), 3, 2, 10));
      invalid(() -> g.traverse(id("a"), Direction.OUT, Set.of(), 1, 9, 10));
      invalid(() -> g.traverse(id("a"), Direction.OUT, Set.of(), 1, 2, 0));
      invalid(() -> g.traverse(id("a"), null, Set.of(), 1, 2, 10));
      invalid(() -> g.traverse(null, Direction.OUT, Set.of(), 1, 2, 10));
      invalid(() -> g.traverse(id("a"), Direction.OUT, Set.of("not a predicate"), 1, 2, 10));
      invalid(() -> g.shortestPath(id("a"), id("b"), Direction.OUT, Set.of(), -1));
      invalid(() -> g.outgoing(id("a"), null));
      invalid(() -> GraphSearch.withPredicate(Set.of()));
      invalid(() -> GraphSearch.literalEdge("p", new Value.Seq(List.of())));
      assertThatThrownBy(() -> new GraphSearch(v, -1)).isInstanceOfSatisfying(VeriSimException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG));
    }
  }

  private static void invalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEARCH));
  }

  static int count(IndexView v, Query q) {
    try {
      return v.searcher().count(q);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<String> ids(IndexView v, Query q) {
    try {
      IndexSearcher s = v.searcher();
      return java.util.Arrays.stream(s.search(q, 10_000).scoreDocs).map(d -> v.idOf(d.doc).value()).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
