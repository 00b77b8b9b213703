package org.verisimdb.engine.query.differential;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.engine.query.differential.Model.Octad;

/**
 * A generated SELECT and its expected answer, computed by the reference: a full scan with
 * {@link RefCond#eval} and NEAREST applied last (§5.1), the order of VQL.md §5.7
 * (ORDER BY keys, else the default below, then id ascending; null last ascending and first
 * descending),
 * the page of §5.8 (default size 100), and the projection of §9.2. Without ORDER BY, rows are
 * ranked by similarity descending (null first, as in any descending order) when a vector
 * predicate defines it, else by distance_km ascending when a RADIUS or SPATIAL NEAREST does.
 *
 * <p>{@code asOf} is null (the current view), a timestamp or {@code VERSION 1}; the caller
 * passes the model of that view.
 *
 * <p>A plain query selects {@code id} or {@code id, DOCUMENT.a, DOCUMENT.b}. An aggregate query
 * selects {@code DOCUMENT.b, COUNT(*) AS n, COUNT(DOCUMENT.a) AS na, SUM(DOCUMENT.a) AS s,
 * MIN(DOCUMENT.a) AS lo, MAX(DOCUMENT.a) AS hi} grouped by {@code DOCUMENT.b} (§5.6: null is a
 * key of its own; SUM ignores values that are not numbers, with VQL-WARN-008; MIN and MAX use the
 * order of §5.7), in key order or {@code ORDER BY DOCUMENT.b DESC}.
 */
record RefQuery(boolean aggregate, boolean selectFields, String asOf, Nearest nearest, RefCond where, String orderBy, boolean descending,
    Integer limit, Integer offset) {
  private static final int DEFAULT_LIMIT = 100;

  /**
   * A NEAREST predicate, written as the first top-level conjunct: {@code VECTOR NEAREST k TO [..]}
   * (cosine) when {@code anchor} is given, else {@code SPATIAL NEAREST(lat, lon, k)}. It holds for
   * the k candidates with the best measure among those that have the modality and satisfy the
   * rest of WHERE, ties to the smaller id (§6.4, §6.9).
   */
  record Nearest(double[] anchor, double lat, double lon, int k) {
    String vql() {
      return anchor != null ? "VECTOR NEAREST " + k + " TO " + Literals.vector(anchor) : "SPATIAL NEAREST(" + lat + ", " + lon + ", " + k + ")";
    }

    Double measure(Octad o) {
      return anchor != null ? RefCond.VectorSimilar.similarity(anchor, o) : new RefCond.Radius(lat, lon, 0).distance(o);
    }
  }

  /** The expected page, whether rows follow it (a next_cursor), and whether SUM ignored a value that is not a number. */
  record Expected(List<Map<String, Object>> rows, boolean more, boolean ignoredNonNumeric) {}

  String vql() {
    return text(offset == null ? "" : " OFFSET " + offset);
  }

  /** The statement that continues a page of this one: without OFFSET, with {@code CURSOR $1} (§5.8). */
  String continuation() {
    return text(" CURSOR $1");
  }

  private String text(String skip) {
    StringBuilder s = new StringBuilder("SELECT ");
    if (aggregate) {
      s.append("DOCUMENT.b, COUNT(*) AS n, COUNT(DOCUMENT.a) AS na, SUM(DOCUMENT.a) AS s, MIN(DOCUMENT.a) AS lo, MAX(DOCUMENT.a) AS hi");
    } else {
      s.append(selectFields ? "id, DOCUMENT.a, DOCUMENT.b" : "id");
    }
    s.append(" FROM OCTADS").append(asOf == null ? "" : " AS OF " + asOf);
    if (nearest != null || where != null) {
      s.append(" WHERE ").append(nearest == null ? where.vql() : where == null ? nearest.vql() : nearest.vql() + " AND " + where.vql());
    }
    if (aggregate) {
      s.append(" GROUP BY DOCUMENT.b");
    }
    if (orderBy != null) {
      s.append(" ORDER BY ").append(orderBy.equals("id") ? "id" : "DOCUMENT." + orderBy).append(descending ? " DESC" : "");
    }
    if (limit != null) {
      s.append(" LIMIT ").append(limit);
    }
    return s.append(skip).toString();
  }

  /** Page {@code k} (from 0) of the rows after the first page, as the continuation returns it; empty after the last. */
  List<Map<String, Object>> followingPage(Model m, int k) {
    List<Map<String, Object>> all = ordered(m);
    int size = limit == null ? DEFAULT_LIMIT : limit;
    int from = (int) Math.min((long) (offset == null ? 0 : offset) + (long) size * (k + 1), all.size());
    return all.subList(from, Math.min(from + size, all.size()));
  }

  Expected expected(Model m) {
    List<Map<String, Object>> all = ordered(m);
    boolean ignored = aggregate && filtered(m).stream().anyMatch(o -> o.field("a") != null && !(o.field("a") instanceof Long));
    return new Expected(page(all), more(all.size()), ignored);
  }

  /** Every row of the answer in result order, before paging. */
  List<Map<String, Object>> ordered(Model m) {
    return aggregate ? grouped(filtered(m)) : plain(filtered(m));
  }

  private List<Octad> filtered(Model m) {
    List<Octad> kept = new ArrayList<>();
    for (Octad o : m.octads()) {
      if (where == null || where.eval(o, m) == T3.TRUE) {
        kept.add(o);
      }
    }
    if (nearest != null) {
      kept.removeIf(o -> nearest.measure(o) == null);
      Comparator<Octad> best = (x, y) -> nearest.anchor() != null ? Double.compare(nearest.measure(y), nearest.measure(x))
          : Double.compare(nearest.measure(x), nearest.measure(y));
      kept.sort(best.thenComparing(Octad::id));
      kept = new ArrayList<>(kept.subList(0, Math.min(nearest.k(), kept.size())));
    }
    return kept;
  }

  private List<Map<String, Object>> plain(List<Octad> kept) {
    Comparator<Octad> order;
    RefCond.VectorSimilar vector = nearest != null && nearest.anchor() != null ? new RefCond.VectorSimilar(nearest.anchor(), null)
        : where == null ? null : where.firstVector();
    RefCond.Radius radius = nearest != null && nearest.anchor() == null ? new RefCond.Radius(nearest.lat(), nearest.lon(), 0)
        : where == null ? null : where.firstRadius();
    if (orderBy != null) {
      order = (x, y) -> nullable(key(x), key(y), descending);
    } else if (vector != null) {
      order = (x, y) -> nullable(RefCond.VectorSimilar.similarity(vector.anchor(), x), RefCond.VectorSimilar.similarity(vector.anchor(), y), true);
    } else if (radius != null) {
      order = (x, y) -> nullable(radius.distance(x), radius.distance(y), false);
    } else {
      order = (x, y) -> 0;
    }
    List<Octad> sorted = new ArrayList<>(kept);
    sorted.sort(order.thenComparing(Octad::id));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Octad o : sorted) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", o.id());
      if (selectFields) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("a", o.field("a"));
        doc.put("b", o.field("b"));
        row.put("document", doc);
      }
      rows.add(row);
    }
    return rows;
  }

  private List<Map<String, Object>> grouped(List<Octad> kept) {
    Map<Object, List<Octad>> groups = new LinkedHashMap<>();
    for (Octad o : kept) {
      groups.computeIfAbsent(o.field("b"), k -> new ArrayList<>()).add(o);
    }
    List<Object> keys = new ArrayList<>(groups.keySet());
    keys.sort((x, y) -> nullable(x, y, descending));
    List<Map<String, Object>> all = new ArrayList<>();
    for (Object key : keys) {
      long count = 0;
      long counted = 0;
      Long sum = null;
      Object min = null;
      Object max = null;
      for (Octad o : groups.get(key)) {
        count++;
        Object a = o.field("a");
        if (a == null) {
          continue;
        }
        counted++;
        if (a instanceof Long l) {
          sum = sum == null ? l : sum + l;
        }
        min = min == null || Literals.ORDER.compare(a, min) < 0 ? a : min;
        max = max == null || Literals.ORDER.compare(a, max) > 0 ? a : max;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("b", key);
      row.put("document", doc);
      row.put("n", count);
      row.put("na", counted);
      row.put("s", sum);
      row.put("lo", min);
      row.put("hi", max);
      all.add(row);
    }
    return all;
  }

  private <T> List<T> page(List<T> sorted) {
    int from = Math.min(offset == null ? 0 : offset, sorted.size());
    int to = Math.min(from + (limit == null ? DEFAULT_LIMIT : limit), sorted.size());
    return sorted.subList(from, to);
  }

  private boolean more(int total) {
    int from = Math.min(offset == null ? 0 : offset, total);
    return from + (limit == null ? DEFAULT_LIMIT : limit) < total;
  }

  private Object key(Octad o) {
    return orderBy.equals("id") ? o.id() : o.field(orderBy);
  }

  private static int nullable(Object x, Object y, boolean descending) {
    if (x == null || y == null) {
      int c = x == null ? (y == null ? 0 : 1) : -1; // null after every value ascending
      return descending ? -c : c;
    }
    int c = x instanceof Double dx ? Double.compare(dx, (Double) y) : Literals.ORDER.compare(x, y);
    return descending ? -c : c;
  }
}
