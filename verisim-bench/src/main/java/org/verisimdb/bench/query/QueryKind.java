package org.verisimdb.bench.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.verisimdb.testkit.sample.Kind;

/**
 * One kind of query the harness measures: a VQL statement with positional parameters, how to
 * draw its parameter values from the sample set, and the p50 target in milliseconds (null when
 * the kind has none). Immutable.
 *
 * @param name short name used in the table, the JSON and {@code --kinds}
 * @param statement the VQL text, the same for every iteration (so the plan cache serves it)
 * @param params draws the positional values of one execution
 * @param targetP50Ms the median must be at most this, or null
 * @param mayFail whether an error is an expected outcome (a feature still being built), reported rather than failing the run
 */
record QueryKind(String name, String statement, Function<SampleParams, List<Object>> params, Double targetP50Ms, boolean mayFail) {

  /**
   * Reference medians on the standard machine; the targets are half of them. Graph, vector,
   * text, cross-modal and VQL-DT have one; a lookup by id and the radius search have none.
   */
  static final double GRAPH_REFERENCE_MS = 2.1;
  static final double VECTOR_REFERENCE_MS = 1.8;
  static final double TEXT_REFERENCE_MS = 3.4;
  static final double CROSS_REFERENCE_MS = 5.7;
  static final double VQLDT_REFERENCE_MS = 8.3;

  /** Every kind, in the order they run. */
  static List<QueryKind> all() {
    List<QueryKind> kinds = new ArrayList<>();
    kinds.add(new QueryKind("get", "SELECT * FROM OCTAD $1", p -> List.of(p.anyId()), null, false));
    kinds.add(new QueryKind("text", "SEARCH TEXT $1 LIMIT 10", p -> List.of(p.words()), TEXT_REFERENCE_MS / 2, false));
    kinds.add(new QueryKind("vector", "SELECT id, similarity FROM OCTADS WHERE VECTOR NEAREST 10 TO $1",
        p -> List.of(p.vector()), VECTOR_REFERENCE_MS / 2, false));
    kinds.add(new QueryKind("geo", "SELECT id, distance_km FROM OCTADS WHERE SPATIAL WITHIN RADIUS($1, $2, 25) LIMIT 10", p -> {
      double[] city = p.city();
      return List.of(city[0], city[1]);
    }, null, false));
    // Paper -> its authors -> their organisations: every paper has 1-4 authors, every person an organisation.
    kinds.add(new QueryKind("graph2",
        "SELECT id FROM OCTADS WHERE (s)-[:AUTHORED_BY]->(m)-[:MEMBER_OF]->(h) AND s.id = $1 LIMIT 100",
        p -> List.of(p.idOf(Kind.PAPER)), GRAPH_REFERENCE_MS / 2, false));
    // Every sample kind has a document, a position and a vector; the word and the position come from one octad.
    kinds.add(new QueryKind("cross3",
        "SELECT id, DOCUMENT.title FROM OCTADS WHERE FULLTEXT CONTAINS $1 AND SPATIAL WITHIN RADIUS($2, $3, 500)"
            + " AND VECTOR EXISTS LIMIT 10",
        SampleParams::wordAndPlace, CROSS_REFERENCE_MS / 2, false));
    // The grammar puts the proof clause before ORDER BY and LIMIT (VQL.md §3).
    kinds.add(new QueryKind("vqldt", "SELECT id, DOCUMENT.title FROM OCTADS WHERE FULLTEXT CONTAINS $1 PROOF INTEGRITY(*) LIMIT 10",
        p -> List.of(p.words()), VQLDT_REFERENCE_MS / 2, true));
    return List.copyOf(kinds);
  }

  /** The kinds named in {@code names} (comma-separated), in their usual order; every name must exist. */
  static List<QueryKind> select(String names) {
    List<String> wanted = List.of(names.split(",", -1)).stream().map(String::strip).toList();
    List<QueryKind> all = all();
    for (String w : wanted) {
      if (all.stream().noneMatch(k -> k.name().equals(w))) {
        throw new IllegalArgumentException("unknown query kind '" + w + "'; the kinds are "
            + String.join(", ", all.stream().map(QueryKind::name).toList()));
      }
    }
    return all.stream().filter(k -> wanted.contains(k.name())).toList();
  }
}
