package org.verisimdb.engine.query.plan;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Statement latencies of one store: how many, their mean, and a percentile from a log-scale
 * histogram (buckets 12% apart from 1 µs), in constant memory. Thread-safe.
 */
public final class Latencies {
  private static final int BUCKETS = 200;
  private static final double GROWTH = 1.12;
  private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS);
  private final LongAdder count = new LongAdder();
  private final DoubleAdder totalMs = new DoubleAdder();

  public void add(double ms) {
    count.increment();
    totalMs.add(ms);
    double micros = Math.max(1.0, ms * 1000);
    int b = (int) Math.min(BUCKETS - 1, Math.floor(Math.log(micros) / Math.log(GROWTH)));
    buckets.incrementAndGet(b);
  }

  public long count() {
    return count.sum();
  }

  /** Mean in milliseconds, or null when nothing was recorded. */
  public Double meanMs() {
    long n = count.sum();
    return n == 0 ? null : totalMs.sum() / n;
  }

  /** The {@code q} quantile (0..1) in milliseconds, the upper bound of its bucket; null when nothing was recorded. */
  public Double quantileMs(double q) {
    long n = count.sum();
    if (n == 0) {
      return null;
    }
    long rank = (long) Math.ceil(q * n);
    long seen = 0;
    for (int b = 0; b < BUCKETS; b++) {
      seen += buckets.get(b);
      if (seen >= rank) {
        return Math.pow(GROWTH, b + 1) / 1000;
      }
    }
    return Math.pow(GROWTH, BUCKETS) / 1000;
  }
}
