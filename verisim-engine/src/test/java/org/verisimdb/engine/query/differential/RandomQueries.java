package org.verisimdb.engine.query.differential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random SELECTs over a {@link Model}: WHERE trees of AND, OR and NOT (at most three levels) over
 * DOCUMENT comparisons, IN, IS NULL, LIKE and BETWEEN, FULLTEXT CONTAINS, RADIUS and BOUNDS,
 * EXISTS, GRAPH.edge_to and edge_from, SEMANTIC.types CONTAINS, VECTOR SIMILAR TO, and graph
 * patterns of one edge spec (one or two types, a hop range, any direction) with or without a
 * condition on the bound variable; sometimes a top-level VECTOR or SPATIAL NEAREST; sometimes
 * ORDER BY, LIMIT and OFFSET; sometimes grouped; half of them AS OF a time or a version. A query
 * with FULLTEXT CONTAINS always has an ORDER BY, since its default order is by BM25 score, which
 * the reference does not compute.
 */
final class RandomQueries {
  private static final List<String> OPS = List.of("=", "!=", "<", "<=", ">", ">=");
  private static final List<String> LIKE_PATTERNS = List.of("al%", "%ta", "_eta", "a%t", "%", "gamma", "%a%", "B%", "");
  private static final List<String> EXISTS = List.of("DOCUMENT", "VECTOR", "SPATIAL", "GRAPH", "SEMANTIC", "TENSOR");
  private static final List<int[]> HOPS = List.of(new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 2}, new int[] {2, 2},
      new int[] {0, 1}, new int[] {2, 3}, new int[] {1, Graph.MAX_HOPS});
  private static final List<String> TEXT_WORDS = List.of("tide", "wave", "fjord", "harbour", "storm", "energy", "wind", "ice", "alpha", "beta");

  private final Random r;
  private final Model m;
  private int variables;

  RandomQueries(Random r, Model m) {
    this.r = r;
    this.m = m;
  }

  /** The views a query may read: the current one, AS OF a time between the two rounds of writes, AS OF VERSION 1. */
  static final List<String> VIEWS = Arrays.asList(null, null, "2025-01-01T00:00:00Z", "VERSION 1");

  RefQuery next() {
    variables = 0;
    boolean aggregate = r.nextInt(7) == 0;
    RefCond where = r.nextInt(10) == 0 ? null : cond(0);
    String orderBy = null;
    boolean descending = r.nextBoolean();
    if (aggregate) {
      orderBy = r.nextBoolean() ? "b" : null;
    } else if (r.nextInt(3) > 0 || (where != null && where.hasFullText())) {
      orderBy = List.of("a", "b", "id").get(r.nextInt(3));
    }
    Integer limit = r.nextInt(5) < 2 ? 1 + r.nextInt(10) : null;
    Integer offset = r.nextInt(4) == 0 ? r.nextInt(6) : null;
    RefQuery.Nearest nearest = null;
    if (!aggregate && r.nextInt(6) == 0) {
      nearest = r.nextBoolean() ? new RefQuery.Nearest(anchor(), 0, 0, 1 + r.nextInt(8))
          : new RefQuery.Nearest(null, round(59 + 2 * r.nextDouble()), round(9 + 3 * r.nextDouble()), 1 + r.nextInt(8));
    }
    return new RefQuery(aggregate, r.nextBoolean(), pick(VIEWS), nearest, where, orderBy, orderBy != null && descending, limit, offset);
  }

  private RefCond cond(int depth) {
    int kind = r.nextInt(depth >= 3 ? 1 : 4);
    return switch (kind) {
      case 1 -> new RefCond.And(operands(depth));
      case 2 -> new RefCond.Or(operands(depth));
      case 3 -> new RefCond.Not(cond(depth + 1));
      default -> leaf();
    };
  }

  private List<RefCond> operands(int depth) {
    List<RefCond> out = new ArrayList<>();
    int n = 2 + r.nextInt(2);
    for (int i = 0; i < n; i++) {
      out.add(cond(depth + 1));
    }
    return out;
  }

  private RefCond leaf() {
    return switch (r.nextInt(17)) {
      case 0, 1 -> new RefCond.Compare("a", pick(OPS), (long) (r.nextInt(13) - 3));
      case 2 -> new RefCond.Compare("b", pick(OPS), r.nextInt(8) == 0 ? (Object) (long) r.nextInt(5) : pick(Model.B_VALUES));
      case 3 -> new RefCond.Compare("c", r.nextBoolean() ? "=" : "!=", r.nextBoolean());
      case 4 -> r.nextBoolean() ? new RefCond.In("a", List.of((long) r.nextInt(8), (long) r.nextInt(8), (long) (r.nextInt(8) - 3)), r.nextBoolean())
          : new RefCond.In("b", List.of(pick(Model.B_VALUES), pick(Model.B_VALUES)), r.nextBoolean());
      case 5 -> new RefCond.IsNull(pick(List.of("a", "b", "c")), r.nextBoolean());
      case 6 -> new RefCond.Like("b", pick(LIKE_PATTERNS), r.nextBoolean());
      case 7 -> {
        long low = r.nextInt(10) - 3;
        yield new RefCond.Between("a", low, low + r.nextInt(6), r.nextBoolean());
      }
      case 8 -> new RefCond.FullText(r.nextBoolean() ? pick(TEXT_WORDS) : pick(TEXT_WORDS) + " " + pick(TEXT_WORDS));
      case 9 -> new RefCond.Radius(round(59 + 2 * r.nextDouble()), round(9 + 3 * r.nextDouble()), 20 + r.nextInt(130));
      case 10 -> bounds();
      case 11 -> new RefCond.Exists(pick(EXISTS), r.nextBoolean());
      case 12 -> new RefCond.EdgeField(r.nextBoolean() ? "edge_to" : "edge_from", r.nextInt(4) == 0 ? "!=" : "=", someId());
      case 13 -> new RefCond.TypeContains(pick(Model.TYPES));
      case 14 -> new RefCond.VectorSimilar(anchor(), r.nextBoolean() ? null : r.nextInt(10) / 10.0);
      default -> graphUnit();
    };
  }

  private RefCond bounds() {
    double minLat = round(59 + 1.5 * r.nextDouble());
    double maxLat = round(minLat + 0.3 + r.nextDouble());
    if (r.nextInt(5) == 0) {
      return new RefCond.Bounds(minLat, round(9 + 3 * r.nextDouble()), maxLat, -170.0); // across the antimeridian
    }
    double minLon = round(9 + 2 * r.nextDouble());
    return new RefCond.Bounds(minLat, minLon, maxLat, round(minLon + 0.5 + r.nextDouble()));
  }

  private RefCond graphUnit() {
    String var = "x" + (++variables);
    RefCond.Compare on = switch (r.nextInt(3)) {
      case 0 -> null;
      case 1 -> new RefCond.Compare("a", pick(OPS), (long) (r.nextInt(13) - 3));
      default -> new RefCond.Compare("b", pick(List.of("=", "!=", "<")), pick(Model.B_VALUES));
    };
    List<String> predicates = r.nextInt(4) == 0 ? List.of(pick(Model.PREDICATES), pick(Model.PREDICATES)) : List.of(pick(Model.PREDICATES));
    int[] hops = pick(HOPS);
    return new RefCond.GraphUnit(predicates, pick(List.of("out", "in", "both")), hops[0], hops[1], var, on);
  }

  private double[] anchor() {
    double[] v = new double[4];
    for (int i = 0; i < v.length; i++) {
      v[i] = (r.nextInt(201) - 100) / 100.0;
    }
    return v;
  }

  private String someId() {
    return r.nextInt(8) == 0 ? pick(Model.DANGLING) : m.octads().get(r.nextInt(m.octads().size())).id();
  }

  private <T> T pick(List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }
}
