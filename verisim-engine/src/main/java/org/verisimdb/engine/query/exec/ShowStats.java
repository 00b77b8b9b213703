package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verisimdb.engine.DatabaseStats;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.plan.Latencies;
import org.verisimdb.engine.query.plan.PlanJson;
import org.verisimdb.engine.query.plan.SlowQueryLog;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.model.Modality;
import org.verisimdb.vql.ast.Value;

/**
 * SHOW STATS and SHOW SLOW QUERIES (VQL.md §5.14). SHOW STATS has one row per store, by store
 * name, with the standard columns and {@code cost_factors}, the tuner's corrections of the cost
 * constants of that store's index; a last row, store {@code planner}, holds the corrections of
 * the steps every plan shares, with the statements the tuner learnt from in {@code queries}.
 */
final class ShowStats {
  static final List<Column> STATS_COLUMNS = List.of(new Column("store", "string"), new Column("modality", "string"),
      new Column("location", "string"), new Column("octads", "integer"), new Column("bytes", "integer"), new Column("index", "string"),
      new Column("queries", "integer"), new Column("avg_ms", "float"), new Column("p99_ms", "float"), new Column("cost_factors", "object"));

  static final List<Column> SLOW_COLUMNS = List.of(new Column("started_at", "timestamp"), new Column("elapsed_ms", "float"),
      new Column("principal", "string"), new Column("query_hash", "string"), new Column("statement", "string"),
      new Column("rows", "integer"), new Column("bottleneck", "string"), new Column("params", "object"), new Column("plan", "object"));

  private ShowStats() {}

  static List<Value.Obj> stats(QueryHost host, QueryRuntime runtime, int limit) {
    DatabaseStats stats = host.stats();
    Map<String, Double> factors = runtime.tuner.factors();
    List<Modality> stores = new ArrayList<>(List.of(Modality.values()));
    stores.sort(Comparator.comparing(m -> m.name().toLowerCase(Locale.ROOT)));
    List<Value.Obj> rows = new ArrayList<>();
    for (Modality m : stores) {
      QueryHost.StoreLocation where = host.storeLocation(m);
      Latencies lat = runtime.latencies.get(m);
      Map<String, Value> row = new LinkedHashMap<>();
      row.put("store", new Value.Str(m.name().toLowerCase(Locale.ROOT)));
      row.put("modality", new Value.Str(m.name()));
      row.put("location", new Value.Str(where.backend() + ":" + where.path()));
      row.put("octads", new Value.Int(stats.count(m)));
      row.put("bytes", where.bytes() == null ? Value.NULL : new Value.Int(where.bytes()));
      row.put("index", new Value.Str(index(m, host)));
      row.put("queries", new Value.Int(lat.count()));
      row.put("avg_ms", ms(lat.meanMs()));
      row.put("p99_ms", ms(lat.quantileMs(0.99)));
      row.put("cost_factors", factors(factors, keys(m)));
      rows.add(new Value.Obj(row));
    }
    Map<String, Value> planner = new LinkedHashMap<>();
    planner.put("store", new Value.Str("planner"));
    planner.put("modality", Value.NULL);
    planner.put("location", Value.NULL);
    planner.put("octads", new Value.Int(stats.octads()));
    planner.put("bytes", Value.NULL);
    planner.put("index", Value.NULL);
    planner.put("queries", new Value.Int(runtime.tuner.observations()));
    planner.put("avg_ms", Value.NULL);
    planner.put("p99_ms", Value.NULL);
    List<String> shared = new ArrayList<>();
    for (String k : factors.keySet()) {
      if (!owned(k)) {
        shared.add(k);
      }
    }
    planner.put("cost_factors", factors(factors, shared));
    rows.add(new Value.Obj(planner));
    return rows.subList(0, Math.min(limit, rows.size()));
  }

  static List<Value.Obj> slow(QueryRuntime runtime, int limit) {
    List<Value.Obj> rows = new ArrayList<>();
    for (SlowQueryLog.Entry e : runtime.slow.newest(limit)) {
      Map<String, Value> row = new LinkedHashMap<>();
      row.put("started_at", ValueJson.time(e.startedAt()));
      row.put("elapsed_ms", new Value.Flt(PlanJson.round(e.elapsedMs())));
      row.put("principal", new Value.Str(e.principal()));
      row.put("query_hash", new Value.Str(e.queryHash()));
      row.put("statement", new Value.Str(e.statement()));
      row.put("rows", new Value.Int(e.rows()));
      row.put("bottleneck", e.bottleneck() == null ? Value.NULL : new Value.Str(e.bottleneck()));
      row.put("params", e.params());
      row.put("plan", e.plan() == null ? Value.NULL : e.plan());
      rows.add(new Value.Obj(row));
    }
    return rows;
  }

  private static Value ms(Double v) {
    return v == null ? Value.NULL : new Value.Flt(PlanJson.round(v));
  }

  private static Value.Obj factors(Map<String, Double> all, List<String> keys) {
    Map<String, Value> out = new LinkedHashMap<>();
    for (String k : keys) {
      Double f = all.get(k);
      if (f != null) {
        out.put(k, new Value.Flt(Math.round(f * 10_000) / 10_000.0));
      }
    }
    return new Value.Obj(out);
  }

  private static List<String> keys(Modality m) {
    return switch (m) {
      case DOCUMENT -> List.of("index.text", "index.field");
      case VECTOR -> List.of("index.vector");
      case SPATIAL -> List.of("index.spatial");
      case TEMPORAL -> List.of("index.temporal", "history");
      case GRAPH -> List.of("graph");
      default -> List.of();
    };
  }

  private static boolean owned(String key) {
    for (Modality m : Modality.values()) {
      if (keys(m).contains(key)) {
        return true;
      }
    }
    return false;
  }

  private static String index(Modality m, QueryHost host) {
    return switch (m) {
      case DOCUMENT -> "lucene: full text (BM25) and field terms";
      case VECTOR -> "lucene: HNSW (" + host.config().indexes().metric().wireName() + ", m=" + host.config().indexes().hnswM() + ")";
      case SPATIAL -> "lucene: lat/lon points";
      case GRAPH -> "lucene: edge terms";
      case TEMPORAL -> "lucene: version times and principals";
      case SEMANTIC -> "lucene: type and property terms";
      case TENSOR -> "lucene: shape and statistics";
      case PROVENANCE -> "lucene: event actors";
    };
  }
}
