package org.verisimdb.bench.durable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A summary of operation latencies in nanoseconds: count, mean, median, 99th percentile and
 * maximum (nearest-rank percentiles over every sample, no histogram buckets).
 */
record Latencies(long count, double meanNanos, long p50Nanos, long p99Nanos, long maxNanos) {
  static final Latencies NONE = new Latencies(0, Double.NaN, 0, 0, 0);

  /** Summarises every sample of every recorder. */
  static Latencies of(List<Samples> recorders) {
    int n = 0;
    for (Samples s : recorders) {
      n += s.size;
    }
    if (n == 0) {
      return NONE;
    }
    long[] all = new long[n];
    int at = 0;
    for (Samples s : recorders) {
      System.arraycopy(s.values, 0, all, at, s.size);
      at += s.size;
    }
    Arrays.sort(all);
    double sum = 0;
    for (long v : all) {
      sum += v;
    }
    return new Latencies(n, sum / n, rank(all, 0.50), rank(all, 0.99), all[n - 1]);
  }

  private static long rank(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.clamp(index, 0, sorted.length - 1)];
  }

  double meanMicros() {
    return meanNanos / 1e3;
  }

  /** The figures in microseconds, for the JSON line. */
  Map<String, Object> json() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mean_us", meanNanos / 1e3);
    out.put("p50_us", p50Nanos / 1e3);
    out.put("p99_us", p99Nanos / 1e3);
    out.put("max_us", maxNanos / 1e3);
    return out;
  }

  /** A growable array of samples, owned by one thread until it is summarised. */
  static final class Samples {
    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    int size() {
      return size;
    }
  }
}
