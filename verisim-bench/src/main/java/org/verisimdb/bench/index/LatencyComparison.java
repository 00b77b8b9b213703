package org.verisimdb.bench.index;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The reporting shared by the side-by-side harnesses: per-query latency percentiles of our
 * index layer and of raw Lucene, their ratios, and the run's description in the JSON line.
 */
final class LatencyComparison {
  private LatencyComparison() {}

  /** The nearest-rank percentile of nanosecond samples, in microseconds. */
  static double percentile(long[] nanos, double quantile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.clamp(index, 0, sorted.length - 1)] / 1e3;
  }

  /** The table's header line, with a last column when {@code extra} is given. */
  static void printHeader(String extra) {
    System.out.printf(Locale.ROOT, "%-8s %9s %9s %9s %9s %9s %9s %7s%s%n", "query", "ours p50", "ours p99", "raw p50", "raw p99", "× p50",
        "× p99", "agree", extra == null ? "" : String.format(Locale.ROOT, " %7s", extra));
  }

  /**
   * Prints one query kind's row and returns it as a JSON object.
   *
   * @param agree share of queries whose results were identical
   * @param extraName name of an extra column (null for none) holding {@code extraValue}
   */
  static Map<String, Object> row(String kind, long[] ours, long[] raw, double agree, String extraName, double extraValue) {
    double op50 = percentile(ours, 0.50);
    double op99 = percentile(ours, 0.99);
    double rp50 = percentile(raw, 0.50);
    double rp99 = percentile(raw, 0.99);
    System.out.printf(Locale.ROOT, "%-8s %9.1f %9.1f %9.1f %9.1f %9.2f %9.2f %6.1f%%%s%n", kind, op50, op99, rp50, rp99, op50 / rp50,
        op99 / rp99, 100 * agree, extraName == null ? "" : String.format(Locale.ROOT, " %7.1f", extraValue));
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("query", kind);
    row.put("ours_p50_us", op50);
    row.put("ours_p99_us", op99);
    row.put("raw_p50_us", rp50);
    row.put("raw_p99_us", rp99);
    row.put("ratio_p50", op50 / rp50);
    row.put("ratio_p99", op99 / rp99);
    row.put("agree", agree);
    if (extraName != null) {
      row.put(extraName, extraValue);
    }
    return row;
  }

  /** The machine and the two indexes, for the JSON line. */
  static void describe(Map<String, Object> line, int oursSegments, int rawSegments, double oursSeconds, double rawSeconds) {
    line.put("segments_ours", oursSegments);
    line.put("segments_raw", rawSegments);
    line.put("build_s_ours", oursSeconds);
    line.put("build_s_raw", rawSeconds);
    line.put("cores", Runtime.getRuntime().availableProcessors());
    line.put("max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
    line.put("jdk", System.getProperty("java.vm.vendor") + " " + Runtime.version());
  }
}
