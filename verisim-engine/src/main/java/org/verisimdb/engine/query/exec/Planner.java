package org.verisimdb.engine.query.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.verisimdb.engine.DatabaseStats;
import org.verisimdb.engine.query.plan.CostModel;
import org.verisimdb.engine.query.plan.Operator;
import org.verisimdb.engine.query.plan.PlanNode;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.Clauses.OrderItem;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Source;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Trees;
import org.verisimdb.vql.format.CondPrinter;

/**
 * The cost-based planner of SELECT (VQL.md §8). It splits WHERE into its conjuncts, asks the
 * index how many octads each pushable conjunct matches, and costs the access paths that could
 * form the candidates: a full scan, an index query driven by the most selective conjuncts, a
 * ranked index search (k-NN, BM25 top-k, nearest points) when the page is ordered by what the
 * index ranks, or a graph traversal from a pinned node. The cheapest wins; per-octad predicates
 * run on the fetched rows, cross-modal ones last.
 */
final class Planner {
  /** A pushed conjunct narrows the index query only when it keeps at most this share of the octads. */
  static final double PUSH_SELECTIVITY = 0.5;

  private final CostModel cost;
  private final Params params;
  private final DatabaseStats stats;

  Planner(CostModel cost, Params params, DatabaseStats stats) {
    this.cost = cost;
    this.params = params;
    this.stats = stats;
  }

  /** A pushable conjunct with its index query and the number of octads the index says match it. */
  private record Pushed(Cond cond, Query query, long rows) {}

  /** A costed access path: its plan node and the conjuncts it applies exactly enough to skip in estimates. */
  record Path(Access access, PlanNode node, List<Cond> applied) {}

  SelectPlan select(Statement.Select s, RowReader reader, IndexAccess index, Definitions defs, Quantifiers quantifiers, OctadId single,
      long offset, int limit, boolean cursor, String forcedKind) {
    List<Cond> conjuncts = SelectRun.conjuncts(s.where());
    Cond nearest = SelectRun.nearest(conjuncts);
    List<Cond> filtering = Conjuncts.filtering(conjuncts);
    boolean split = !(s.where() instanceof Cond.And) || quantifiers.at(s.where()).isEmpty();
    List<Cond> filterConds = new ArrayList<>();
    List<Cond> crossConds = new ArrayList<>();
    if (split) {
      for (Cond c : filtering) {
        (Conjuncts.crossModal(c) ? crossConds : filterConds).add(c);
      }
    } else {
      filterConds.add(s.where());
    }
    boolean current = reader instanceof CurrentReader;
    long n = current ? stats.octads() : reader.size();
    boolean aggregate = Grouping.isAggregateQuery(s);
    Path path = access(s, reader, index, defs, quantifiers, single, nearest, filtering, current, n, offset, limit, cursor, aggregate,
        forcedKind);
    PlanNode access = path.node();
    if (s.asOf() != null) {
      access = node(Operator.AS_OF_VIEW, null, Map.of("as_of", CondPrinter.text(new Cond.AsOfCond(s.asOf().span(), s.asOf()))),
          access.estimatedRows(), access.estimatedCostMs() + access.estimatedRows() * cost.perUnit("history"), List.of(access));
    }
    double rows = access.estimatedRows();
    PlanNode fetch = node(Operator.FETCH, null, Map.of(), rows, access.estimatedCostMs() + rows * cost.perUnit("fetch"), List.of(access));
    PlanNode top = fetch;
    PlanNode filter = null;
    List<Cond> unapplied = filterConds.stream().filter(c -> !path.applied().contains(c)).toList();
    if (!filterConds.isEmpty()) {
      double sel = cost.selectivity("filter", product(unapplied));
      filter = node(Operator.FILTER, null, Map.of("predicate", text(filterConds)), rows * sel,
          top.estimatedCostMs() + rows * filterConds.size() * cost.perUnit("filter"), List.of(top));
      top = filter;
      rows = filter.estimatedRows();
    }
    PlanNode cross = null;
    if (!crossConds.isEmpty()) {
      double sel = cost.selectivity("cross_modal", product(crossConds));
      cross = node(Operator.CROSS_MODAL_FILTER, null, Map.of("predicate", text(crossConds)), rows * sel,
          top.estimatedCostMs() + rows * crossConds.size() * cost.perUnit("cross_modal"), List.of(top));
      top = cross;
      rows = cross.estimatedRows();
    }
    PlanNode nearestNode = null;
    if (nearest != null) {
      long k = nearest instanceof Cond.VectorNearest v ? params.integer(v.k()) : params.integer(((Cond.SpatialNearest) nearest).k());
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("k", k);
      d.put("by", nearest instanceof Cond.VectorNearest ? "similarity" : "distance_km");
      d.put("predicate", CondPrinter.text(nearest));
      nearestNode = node(Operator.NEAREST_K, Conjuncts.modality(nearest), d, Math.min(k, rows),
          top.estimatedCostMs() + rows * cost.perUnit("heap"), List.of(top));
      top = nearestNode;
      rows = nearestNode.estimatedRows();
    }
    PlanNode order;
    if (aggregate) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("group_by", s.groupBy().stream().map(CondPrinter::text).toList());
      d.put("aggregates", Trees.collect(s.items(), Expr.Aggregate.class).stream().map(CondPrinter::text).toList());
      double groups = s.groupBy().isEmpty() ? 1 : Math.max(1, Math.min(rows, Math.sqrt(rows)));
      order = node(Operator.AGGREGATE, null, d, groups, top.estimatedCostMs() + rows * cost.perUnit("aggregate"), List.of(top));
    } else {
      long keep = offset + (long) limit + 1;
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("keys", sortKeys(s, defs));
      d.put("bounded", keep);
      double kept = Math.min(rows, keep);
      order = node(Operator.SORT, null, d, kept,
          top.estimatedCostMs() + rows * (1 + log2(kept + 1)) * cost.perUnit("sort"), List.of(top));
    }
    top = order;
    rows = order.estimatedRows();
    PlanNode offsetNode = null;
    if (offset > 0) {
      offsetNode = node(Operator.OFFSET, null, Map.of("offset", offset), Math.max(0, rows - offset), top.estimatedCostMs(), List.of(top));
      top = offsetNode;
      rows = offsetNode.estimatedRows();
    }
    PlanNode limitNode = node(Operator.LIMIT, null, Map.of("limit", limit), Math.min(rows, limit), top.estimatedCostMs(), List.of(top));
    rows = limitNode.estimatedRows();
    Map<String, Object> pd = new LinkedHashMap<>();
    pd.put("columns", new Projection(s.items()).columns.stream().map(c -> c.name()).toList());
    PlanNode project = node(Operator.PROJECT, null, pd, rows, limitNode.estimatedCostMs() + rows * cost.perUnit("project"), List.of(limitNode));
    return new SelectPlan(path.access(), path.node(), fetch, filter, filterConds, cross, crossConds, split, nearestNode, order, offsetNode,
        limitNode, project, project);
  }

  private Path access(Statement.Select s, RowReader reader, IndexAccess index, Definitions defs, Quantifiers quantifiers, OctadId single,
      Cond nearest, List<Cond> filtering, boolean current, long n, long offset, int limit, boolean cursor, boolean aggregate,
      String forcedKind) {
    if (s.source() instanceof Source.Octad) {
      return new Path(new Access.Lookup(single), node(Operator.OCTAD_LOOKUP, null, Map.of("id", single.value()), 1,
          cost.perUnit("lookup"), List.of()), List.of());
    }
    if (s.source() instanceof Source.Store st) {
      Modality m = AccessPaths.storeModality(st.name().text());
      return new Path(new Access.StoreScan(m), node(Operator.STORE_SCAN, m.name(), Map.of("store", st.name().text()), stats.count(m),
          n * (cost.perUnit("scan") + cost.perUnit("fetch")), List.of()), List.of());
    }
    Path scan = new Path(new Access.Scan(), node(Operator.FULL_SCAN, null, Map.of(), n, n * cost.perUnit("scan"), List.of()), List.of());
    if (!current) {
      return scan;
    }
    double perCandidate = cost.perUnit("fetch") + Math.max(1, filtering.size()) * cost.perUnit("filter");
    List<Path> options = new ArrayList<>();
    options.add(scan);
    Pushdown pushdown = new Pushdown(params, quantifiers.candidate);
    List<Pushed> pushed = new ArrayList<>();
    List<Cond> pushable = new ArrayList<>(filtering);
    if (nearest != null) {
      pushable.add(nearest);
    }
    for (Cond c : pushable) {
      Query q = pushdown.of(c);
      if (q != null) {
        pushed.add(new Pushed(c, q, c instanceof Cond.FullText f ? textEstimate(index, f) : count(index, q)));
      }
    }
    pushed.sort(Comparator.comparingLong(Pushed::rows));
    if (!pushed.isEmpty()) {
      options.add(indexed(pushed, n));
    }
    Path traverse = Traversals.of(filtering, quantifiers.candidate, params, n, cost);
    if (traverse != null) {
      options.add(traverse);
    }
    Path ranked = ranked(s, defs, nearest, filtering, pushed, n, offset, limit, cursor, aggregate);
    if (ranked != null) {
      options.add(ranked);
    }
    if (forcedKind != null && options.stream().anyMatch(p -> p.access().getClass().getSimpleName().equals(forcedKind))) {
      options.removeIf(p -> !p.access().getClass().getSimpleName().equals(forcedKind));
    }
    Path best = null;
    double bestCost = Double.MAX_VALUE;
    for (Path p : options) {
      double total = p.node().estimatedCostMs() + p.node().estimatedRows() * perCandidate;
      if (total < bestCost) {
        best = p;
        bestCost = total;
      }
    }
    return best;
  }

  // The index query over every pushed conjunct selective enough to narrow it, driven by the most selective.
  private Path indexed(List<Pushed> pushed, long n) {
    List<PlanNode> children = new ArrayList<>();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    List<Cond> applied = new ArrayList<>();
    double rows = Math.max(1, n);
    double childCost = 0;
    for (Pushed p : pushed) {
      double sel = n == 0 ? 0 : (double) p.rows() / n;
      if (!children.isEmpty() && sel > PUSH_SELECTIVITY) {
        continue;
      }
      Operator op = Conjuncts.operator(p.cond());
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("predicate", CondPrinter.text(p.cond()));
      d.put("index", indexName(op));
      if (children.isEmpty()) {
        d.put("driving", true);
      }
      PlanNode child = node(op, Conjuncts.modality(p.cond()), d, p.rows(), CostModel.INDEX_SETUP_MS + p.rows() * cost.perUnit(op.costKey()),
          List.of());
      children.add(child);
      childCost += child.estimatedCostMs();
      rows *= sel;
      query.add(p.query(), BooleanClause.Occur.FILTER);
      applied.add(p.cond());
    }
    rows = Math.min(Math.max(rows, pushed.getFirst().rows() > 0 ? 1 : 0), pushed.getFirst().rows());
    PlanNode node = children.size() == 1 ? children.getFirst()
        : node(Operator.INTERSECT, null, Map.of("by", "id"), rows,
            childCost + pushed.getFirst().rows() * children.size() * cost.perUnit("index.intersect"), children);
    return new Path(new Access.Indexed(query.build(), applied), node, exactlyApplied(applied));
  }

  // A ranked search when NEAREST asks for the k best, or when the page is ordered by the index's own ranking.
  private Path ranked(Statement.Select s, Definitions defs, Cond nearest, List<Cond> filtering, List<Pushed> pushed, long n, long offset,
      int limit, boolean cursor, boolean aggregate) {
    Cond by;
    int needed;
    if (nearest != null) {
      by = nearest;
      needed = (int) Math.min(Integer.MAX_VALUE, nearest instanceof Cond.VectorNearest v ? params.integer(v.k())
          : params.integer(((Cond.SpatialNearest) nearest).k()));
    } else {
      if (aggregate || cursor) {
        return null;
      }
      by = rankedOrder(s, defs, filtering);
      if (by == null) {
        return null;
      }
      needed = (int) Math.min(Integer.MAX_VALUE - 1, offset + (long) limit + 1);
    }
    if (needed <= 0) {
      return null;
    }
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    boolean any = false;
    List<Cond> applied = new ArrayList<>();
    applied.add(by);
    for (Pushed p : pushed) {
      boolean presenceOnly = p.cond() == by || p.cond() instanceof Cond.VectorNearest || p.cond() instanceof Cond.SpatialNearest;
      if (!presenceOnly && (n == 0 || (double) p.rows() / n <= PUSH_SELECTIVITY)) {
        filter.add(p.query(), BooleanClause.Occur.FILTER);
        applied.add(p.cond());
        any = true;
      }
    }
    double residual = product(filtering.stream().filter(c -> !applied.contains(c)).toList());
    double rows = Math.min(Math.max(1, n), needed / Math.max(0.01, residual));
    Operator op = Conjuncts.operator(by);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("predicate", CondPrinter.text(by));
    d.put("index", indexName(op));
    d.put("k", needed);
    if (op == Operator.VECTOR_SEARCH) {
      Definitions.VectorAnchor anchor = defs.anchor(by);
      d.put("metric", anchor == null ? "COSINE" : anchor.metric().name());
      d.put("exact", false);
    }
    d.put("ranked", true);
    double perHit = op == Operator.VECTOR_SEARCH ? cost.perUnit("index.vector") : cost.perUnit(op.costKey()) * 4;
    PlanNode node = node(op, Conjuncts.modality(by), d, rows, CostModel.INDEX_SETUP_MS + rows * perHit, List.of());
    return new Path(new Access.Ranked(by, needed, any ? filter.build() : null), node, exactlyApplied(applied));
  }

  /** The top-level ranking conjunct the page is ordered by (similarity or score descending, distance ascending), or null. */
  private static Cond rankedOrder(Statement.Select s, Definitions defs, List<Cond> filtering) {
    Expr.PseudoColumn column;
    boolean descending;
    if (s.orderBy().isEmpty()) {
      if (defs.similarityBy != null) {
        column = Expr.PseudoColumn.SIMILARITY;
      } else if (defs.distanceBy != null) {
        column = Expr.PseudoColumn.DISTANCE_KM;
      } else if (defs.scoreBy != null) {
        column = Expr.PseudoColumn.SCORE;
      } else {
        return null;
      }
      descending = column != Expr.PseudoColumn.DISTANCE_KM;
    } else {
      // One key only: a second key would break the index's ties differently from its id order.
      OrderItem first = s.orderBy().getFirst();
      if (s.orderBy().size() != 1 || !(first.expr() instanceof Expr.Pseudo p)) {
        return null;
      }
      column = p.column();
      descending = first.descending();
    }
    Cond by = switch (column) {
      case SIMILARITY -> descending ? defs.similarityBy : null;
      case SCORE -> descending ? defs.scoreBy : null;
      case DISTANCE_KM -> descending ? null : defs.distanceBy;
      default -> null;
    };
    boolean rankable = by instanceof Cond.VectorSimilar || by instanceof Cond.FullText || by instanceof Cond.WithinRadius;
    return rankable && filtering.contains(by) ? by : null;
  }

  // Conjuncts whose index answer is exact, so the filter's estimate need not count them again.
  private static List<Cond> exactlyApplied(List<Cond> applied) {
    return applied.stream().filter(c -> switch (c) {
      case Cond.FullText f -> true;
      case Cond.WithinRadius r -> true;
      case Cond.WithinBounds b -> true;
      case Cond.Exists e -> true;
      case Cond.TemporalBetween t -> true;
      case Cond.ModifiedBy m -> true;
      case Cond.Compare cmp -> true;
      case Cond.Match m -> true;
      case Cond.VectorSimilar v -> true;
      default -> false;
    }).toList();
  }

  private double product(List<Cond> conds) {
    double p = 1.0;
    for (Cond c : conds) {
      p *= Conjuncts.defaultSelectivity(c);
    }
    return p;
  }

  // All terms must match: at most the rarest term's document frequency, read from the term statistics.
  private long textEstimate(IndexAccess index, Cond.FullText f) {
    long min = Long.MAX_VALUE;
    for (String term : org.verisimdb.index.text.TextQuery.terms(params.string(f.query()))) {
      min = Math.min(min, count(index, org.verisimdb.index.text.TextSearch.query(new org.verisimdb.index.text.TextQuery.Term(null, term))));
    }
    return min == Long.MAX_VALUE ? count(index, org.verisimdb.index.text.TextSearch.query(
        org.verisimdb.index.text.TextQuery.allTerms(params.string(f.query())))) : min;
  }

  private static long count(IndexAccess index, Query q) {
    try {
      return index.view().searcher().count(q);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> sortKeys(Statement.Select s, Definitions defs) {
    List<String> keys = new ArrayList<>();
    for (OrderItem o : s.orderBy()) {
      keys.add(CondPrinter.text(o.expr()) + (o.descending() ? " DESC" : ""));
    }
    if (s.orderBy().isEmpty()) {
      if (defs.similarityBy != null) {
        keys.add("similarity DESC");
      } else if (defs.distanceBy != null) {
        keys.add("distance_km");
      } else if (defs.scoreBy != null) {
        keys.add("score DESC");
      }
    }
    keys.add("id");
    return keys;
  }

  static String indexName(Operator op) {
    return switch (op) {
      case TEXT_SEARCH -> "text";
      case SPATIAL_SEARCH -> "geo";
      case VECTOR_SEARCH -> "hnsw";
      case TEMPORAL_FILTER -> "temporal";
      case GRAPH_TRAVERSE -> "graph";
      default -> "fields";
    };
  }

  private static String text(List<Cond> conds) {
    List<String> parts = conds.stream().map(CondPrinter::text).toList();
    return String.join(" AND ", parts);
  }

  private static double log2(double x) {
    return Math.log(Math.max(1, x)) / Math.log(2);
  }

  static PlanNode node(Operator op, String modality, Map<String, Object> detail, double rows, double costMs, List<PlanNode> children) {
    return new PlanNode(op, modality == null ? null : modality.toUpperCase(Locale.ROOT), detail, rows, costMs, children);
  }
}
