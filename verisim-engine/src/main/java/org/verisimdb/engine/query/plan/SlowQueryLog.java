package org.verisimdb.engine.query.plan;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.verisimdb.vql.ast.Value;

/**
 * Statements slower than the threshold ({@code slow_query.threshold}, default 100 ms): the newest
 * {@code slow_query.capacity} are kept for {@code SHOW SLOW QUERIES}, each is logged, and their
 * number is a metric. Parameters are kept only when {@code slow_query.log_params} is on; otherwise
 * each value shows as {@code "?"}. Thread-safe.
 */
public final class SlowQueryLog {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.engine.query.slow");

  /**
   * One slow statement.
   *
   * @param params the bound values by name ($1, :name), redacted to "?" unless logging them is on
   * @param plan the executed plan (§8 plan node with actuals), or null for statements without one
   * @param bottleneck the operator with the largest own time
   */
  public record Entry(Instant startedAt, double elapsedMs, String principal, String queryHash, String statement, Value.Obj params,
      long rows, String bottleneck, Value.Obj plan) {}

  private final double thresholdMs;
  private final int capacity;
  private final boolean keepParams;
  private final Deque<Entry> entries = new ArrayDeque<>();
  private final LongAdder total = new LongAdder();

  public SlowQueryLog(double thresholdMs, int capacity, boolean keepParams) {
    this.thresholdMs = thresholdMs;
    this.capacity = capacity;
    this.keepParams = keepParams;
  }

  public double thresholdMs() {
    return thresholdMs;
  }

  public boolean keepsParams() {
    return keepParams;
  }

  /** True when a statement that took {@code elapsedMs} is slow. */
  public boolean isSlow(double elapsedMs) {
    return elapsedMs >= thresholdMs;
  }

  public void add(Entry e) {
    total.increment();
    synchronized (entries) {
      entries.addFirst(e);
      while (entries.size() > capacity) {
        entries.removeLast();
      }
    }
    LOG.log(System.Logger.Level.WARNING, "slow query: {0} ms, {1} rows, bottleneck {2}, by {3}: {4}",
        String.format(java.util.Locale.ROOT, "%.1f", e.elapsedMs()), e.rows(), e.bottleneck(), e.principal(),
        e.statement().replace('\n', ' '));
  }

  /** The newest entries first, at most {@code limit}. */
  public List<Entry> newest(int limit) {
    synchronized (entries) {
      List<Entry> out = new ArrayList<>(Math.min(limit, entries.size()));
      for (Entry e : entries) {
        if (out.size() >= limit) {
          break;
        }
        out.add(e);
      }
      return out;
    }
  }

  /** Slow statements since the database opened (the metric {@code verisim_vql_slow_queries_total}). */
  public long total() {
    return total.sum();
  }
}
