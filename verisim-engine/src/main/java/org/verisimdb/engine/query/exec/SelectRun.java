package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.verisimdb.engine.query.plan.PlanNode;
import org.verisimdb.engine.query.row.OctadRow;
import org.verisimdb.engine.query.value.Ordering;
import org.verisimdb.engine.query.value.Truth;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.Clauses.OrderItem;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.SelectItem;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Span;

/**
 * One SELECT over a read view, in the order of VQL.md §5.1: candidates, WHERE (NEAREST last),
 * grouping, ordering, paging, projection. Ordering keeps at most OFFSET + LIMIT + 1 rows (a
 * bounded heap); the page, at most {@code vql.max_limit} rows, is what the result holds.
 */
final class SelectRun {
  /** A filtered row with its ordering key (order values, then id). */
  record Keyed(OctadRow row, List<Value> key) {}

  /** The page: its rows (projected), and the key of its last row when more rows follow. */
  record Page(List<Value.Obj> rows, List<Value> nextKey, List<OctadId> subjects) {}

  private final Statement.Select s;
  private final Evaluator eval;
  private final Definitions defs;
  private final Projection projection;
  private final Params params;
  private SelectPlan plan;
  /** Set by an aggregate query when SUM or AVG ignored values that are not numbers (VQL-WARN-008). */
  boolean ignoredNonNumeric;

  SelectRun(Statement.Select s, Evaluator eval, Definitions defs, Params params) {
    this.s = s;
    this.eval = eval;
    this.defs = defs;
    this.params = params;
    this.projection = new Projection(s.items());
  }

  Projection projection() {
    return projection;
  }

  /** Splits WHERE into its top-level conjuncts. */
  static List<Cond> conjuncts(Cond where) {
    return switch (where) {
      case null -> List.of();
      case Cond.And a -> a.operands();
      default -> List.of(where);
    };
  }

  /** The NEAREST conjunct, or null (the checker allows at most one, at the top level). */
  static Cond nearest(List<Cond> conjuncts) {
    for (Cond c : conjuncts) {
      if (c instanceof Cond.VectorNearest || c instanceof Cond.SpatialNearest) {
        return c;
      }
    }
    return null;
  }

  /**
   * Runs the plan and returns the page: {@code offset} rows skipped (or the rows after
   * {@code after}, a cursor's key), at most {@code limit} kept. Each plan step measures the rows
   * that pass through it.
   */
  Page run(SelectPlan plan, AccessPaths paths, RowReader reader, long offset, int limit, List<Value> after) {
    this.plan = plan;
    PlanNode fetchInput = plan.fetch().children().getFirst();
    // A ranked path does its searching (and the checks of its hits) when it opens: that is its time too.
    long opening = System.nanoTime();
    Iterator<OctadId> opened = paths.open(plan.access(), id -> {
      OctadRow r = reader.row(id);
      return r.octad() != null && passesFilter(r) && passesCross(r);
    });
    long openNanos = System.nanoTime() - opening;
    // Times are inclusive: the steps above the access path (pulling from it) include its opening too.
    java.util.Set<PlanNode> inside = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    inside.addAll(plan.accessNode().walk());
    for (PlanNode n : plan.root().walk()) {
      if (n == plan.accessNode() || !inside.contains(n)) {
        n.record(0, openNanos);
      }
    }
    Iterator<OctadId> ids = plan.accessNode().measure(opened);
    if (fetchInput != plan.accessNode()) {
      ids = fetchInput.measure(ids);
    }
    Iterator<OctadRow> rows = plan.fetch().measure(fetched(ids, reader));
    if (plan.filter() != null) {
      rows = plan.filter().measure(Iterators.filter(rows, this::passesFilter));
    }
    if (plan.cross() != null) {
      rows = plan.cross().measure(Iterators.filter(rows, this::passesCross));
    }
    Cond nearest = nearest(conjuncts(s.where()));
    if (nearest != null) {
      Iterator<OctadRow> input = rows;
      rows = plan.nearest().time(() -> nearestOf(input, nearest), List::size).iterator();
    }
    if (Grouping.isAggregateQuery(s)) {
      Iterator<OctadRow> input = rows;
      List<Grouping.Group> groups = plan.order().time(() -> groups(input), List::size);
      return groupPage(groups, offset, limit, after);
    }
    Comparator<List<Value>> order = keyOrder();
    long keep = offset + (long) limit + 1;
    Iterator<OctadRow> input = rows;
    List<Keyed> sorted = plan.order().time(() -> {
      PriorityQueue<Keyed> heap = new PriorityQueue<>((a, b) -> order.compare(b.key(), a.key()));
      while (input.hasNext()) {
        OctadRow row = input.next();
        List<Value> key = key(row);
        if (after != null && order.compare(key, after) <= 0) {
          continue;
        }
        if (heap.size() < keep) {
          heap.add(new Keyed(row, key));
        } else if (order.compare(key, heap.peek().key()) < 0) {
          heap.poll();
          heap.add(new Keyed(row, key));
        }
      }
      List<Keyed> out = new ArrayList<>(heap);
      out.sort((a, b) -> order.compare(a.key(), b.key()));
      return out;
    }, List::size);
    int from = (int) Math.min(after == null ? offset : 0, sorted.size());
    int to = (int) Math.min((long) from + limit, sorted.size());
    long below = (long) (plan.order().actualMs() * 1e6);
    if (plan.offset() != null) {
      plan.offset().record(sorted.size() - from, below);
    }
    plan.limit().record(to - from, below);
    long t0 = System.nanoTime();
    List<Value.Obj> out = new ArrayList<>(to - from);
    List<OctadId> subjects = new ArrayList<>(to - from);
    for (Keyed k : sorted.subList(from, to)) {
      Evaluator.Env env = eval.env(k.row());
      out.add(projection.row(k.row(), e -> eval.value(e, env)));
      subjects.add(k.row().id());
    }
    plan.project().record(out.size(), System.nanoTime() - t0 + below);
    List<Value> nextKey = to < sorted.size() && to > from ? sorted.get(to - 1).key() : null;
    return new Page(out, nextKey, subjects);
  }

  private static Iterator<OctadRow> fetched(Iterator<OctadId> ids, RowReader reader) {
    return Iterators.filter(new Iterator<OctadRow>() {
      @Override
      public boolean hasNext() {
        return ids.hasNext();
      }

      @Override
      public OctadRow next() {
        return reader.row(ids.next());
      }
    }, r -> r.octad() != null);
  }

  private boolean passesFilter(OctadRow row) {
    return allTrue(plan.filterConds(), row);
  }

  private boolean passesCross(OctadRow row) {
    return allTrue(plan.crossConds(), row);
  }

  // Every condition TRUE for the row (an empty list passes every row).
  private boolean allTrue(List<Cond> conds, OctadRow row) {
    if (conds.isEmpty()) {
      return true;
    }
    Evaluator.Env env = eval.env(row);
    for (Cond c : conds) {
      if (eval.test(c, env) != Truth.TRUE) {
        return false;
      }
    }
    return true;
  }

  // The k best by similarity (descending) or distance (ascending), ties by smaller id.
  private List<OctadRow> nearestOf(Iterator<OctadRow> rows, Cond nearest) {
    int k;
    java.util.function.Function<OctadRow, Double> measure;
    boolean descending;
    if (nearest instanceof Cond.VectorNearest v) {
      k = (int) params.integer(v.k());
      Definitions.VectorAnchor anchor = defs.anchor(v);
      measure = anchor.vector() == null ? r -> null : anchor::similarity;
      descending = true;
    } else {
      Cond.SpatialNearest n = (Cond.SpatialNearest) nearest;
      k = (int) params.integer(n.k());
      Definitions.Centre centre = new Definitions.Centre(params.number(n.lat()), params.number(n.lon()));
      measure = centre::distanceKm;
      descending = false;
    }
    record Scored(OctadRow row, double score) {}
    Comparator<Scored> best = (a, b) -> {
      int c = descending ? Double.compare(b.score(), a.score()) : Double.compare(a.score(), b.score());
      return c != 0 ? c : a.row().id().value().compareTo(b.row().id().value());
    };
    PriorityQueue<Scored> heap = new PriorityQueue<>(best.reversed());
    while (rows.hasNext()) {
      OctadRow r = rows.next();
      Double m = measure.apply(r);
      if (m == null) {
        continue;
      }
      heap.add(new Scored(r, m));
      if (heap.size() > k) {
        heap.poll();
      }
    }
    List<Scored> kept = new ArrayList<>(heap);
    kept.sort(best);
    return kept.stream().map(Scored::row).toList();
  }

  private Grouping grouping;

  private List<Grouping.Group> groups(Iterator<OctadRow> rows) {
    grouping = new Grouping(s.groupBy(), s.items(), s.having(), s.orderBy(), params);
    while (rows.hasNext()) {
      OctadRow row = rows.next();
      Evaluator.Env env = eval.env(row);
      grouping.add(row.id(), e -> eval.value(e, env));
    }
    List<Grouping.Group> groups = new ArrayList<>(grouping.result(s.having()));
    List<OrderItem> order = s.orderBy();
    Comparator<Grouping.Group> cmp = (a, b) -> 0;
    for (OrderItem o : order) {
      Comparator<Value> c = o.descending() ? Ordering.DESC : Ordering.ASC;
      cmp = cmp.thenComparing((x, y) -> c.compare(grouping.value(o.expr(), x), grouping.value(o.expr(), y)));
    }
    for (Expr k : s.groupBy()) {
      cmp = cmp.thenComparing((x, y) -> Ordering.ASC.compare(grouping.value(k, x), grouping.value(k, y)));
    }
    groups.sort(cmp);
    return groups;
  }

  // A page of groups in their order; a cursor resumes after the key (order values, then group-by values) of the last group it saw.
  private Page groupPage(List<Grouping.Group> groups, long offset, int limit, List<Value> after) {
    List<Comparator<Value>> parts = new ArrayList<>();
    s.orderBy().forEach(o -> parts.add(o.descending() ? Ordering.DESC : Ordering.ASC));
    s.groupBy().forEach(k -> parts.add(Ordering.ASC));
    Comparator<List<Value>> order = (x, y) -> {
      for (int i = 0; i < parts.size(); i++) {
        int c = parts.get(i).compare(x.get(i), y.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
    List<List<Value>> keys = new ArrayList<>(groups.size());
    for (Grouping.Group g : groups) {
      List<Value> key = new ArrayList<>(parts.size());
      s.orderBy().forEach(o -> key.add(grouping.value(o.expr(), g)));
      s.groupBy().forEach(k -> key.add(grouping.value(k, g)));
      keys.add(key);
    }
    int start = 0;
    while (after != null && start < groups.size() && order.compare(keys.get(start), after) <= 0) {
      start++;
    }
    int from = (int) Math.min(after == null ? offset : start, groups.size());
    int to = (int) Math.min((long) from + limit, groups.size());
    long below = (long) (plan.order().actualMs() * 1e6);
    if (plan.offset() != null) {
      plan.offset().record(groups.size() - from, below);
    }
    plan.limit().record(to - from, below);
    long t0 = System.nanoTime();
    List<Value.Obj> out = new ArrayList<>();
    List<OctadId> subjects = new ArrayList<>();
    for (Grouping.Group g : groups.subList(from, to)) {
      out.add(projection.groupRow(e -> grouping.value(e, g)));
      subjects.addAll(g.members);
    }
    plan.project().record(out.size(), System.nanoTime() - t0 + below);
    this.ignoredNonNumeric = grouping.ignoredNonNumeric;
    return new Page(out, to < groups.size() && to > from ? keys.get(to - 1) : null, subjects);
  }

  /** The default order of §5.7 when there is no ORDER BY: by the first ranking pseudo-column, else by id alone. */
  private Expr defaultKey() {
    if (defs.similarityBy != null) {
      return new Expr.Pseudo(Span.NONE, Expr.PseudoColumn.SIMILARITY);
    }
    if (defs.distanceBy != null) {
      return new Expr.Pseudo(Span.NONE, Expr.PseudoColumn.DISTANCE_KM);
    }
    if (defs.scoreBy != null) {
      return new Expr.Pseudo(Span.NONE, Expr.PseudoColumn.SCORE);
    }
    return null;
  }

  private boolean defaultDescending() {
    return defs.similarityBy != null || (defs.distanceBy == null && defs.scoreBy != null);
  }

  private List<Value> key(OctadRow row) {
    Evaluator.Env env = eval.env(row);
    List<Value> key = new ArrayList<>();
    if (s.orderBy().isEmpty()) {
      Expr d = defaultKey();
      if (d != null) {
        key.add(eval.value(d, env));
      }
    } else {
      for (OrderItem o : s.orderBy()) {
        key.add(eval.value(resolveAlias(o.expr()), env));
      }
    }
    key.add(new Value.Str(row.id().value()));
    return key;
  }

  private Expr resolveAlias(Expr e) {
    if (e instanceof Expr.AliasRef r) {
      for (SelectItem item : s.items()) {
        if (item instanceof SelectItem.Column c && c.alias() != null && c.alias().text().equals(r.name())) {
          return c.expr();
        }
      }
    }
    return e;
  }

  /** Compares keys: the order items (or the default), then the id ascending. */
  Comparator<List<Value>> keyOrder() {
    List<Comparator<Value>> parts = new ArrayList<>();
    if (s.orderBy().isEmpty()) {
      if (defaultKey() != null) {
        parts.add(defaultDescending() ? Ordering.DESC : Ordering.ASC);
      }
    } else {
      for (OrderItem o : s.orderBy()) {
        parts.add(o.descending() ? Ordering.DESC : Ordering.ASC);
      }
    }
    parts.add(Ordering.ASC);
    return (a, b) -> {
      for (int i = 0; i < parts.size(); i++) {
        int c = parts.get(i).compare(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }
}
