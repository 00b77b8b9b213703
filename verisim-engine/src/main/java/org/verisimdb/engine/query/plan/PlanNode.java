package org.verisimdb.engine.query.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One step of a physical plan (VQL.md §8): what it does, its estimates, and, once it has run,
 * what it measured. Costs and times are inclusive of the children. A node measures itself while
 * the executor pulls rows through it ({@link #measure}) or runs a block in it ({@link #time}), so
 * every execution has actuals for the tuner and the slow query log, not only EXPLAIN ANALYZE.
 * Confined to the thread running the statement.
 */
public final class PlanNode {
  private final Operator operator;
  private final String modality;
  private final Map<String, Object> detail;
  private final List<PlanNode> children;
  private final double estimatedRows;
  private final double estimatedCostMs;
  private long actualRows = -1;
  private long nanos;

  /**
   * @param modality the wire name of the modality whose store or index the step uses, or null
   * @param detail operator-specific members: plain Java values (String, Number, Boolean, List, Map)
   */
  public PlanNode(Operator operator, String modality, Map<String, Object> detail, double estimatedRows, double estimatedCostMs,
      List<PlanNode> children) {
    this.operator = operator;
    this.modality = modality;
    this.detail = new LinkedHashMap<>(detail);
    this.children = List.copyOf(children);
    this.estimatedRows = Math.max(0, estimatedRows);
    this.estimatedCostMs = Math.max(0, estimatedCostMs);
  }

  public Operator operator() {
    return operator;
  }

  public String modality() {
    return modality;
  }

  public Map<String, Object> detail() {
    return detail;
  }

  public List<PlanNode> children() {
    return children;
  }

  public double estimatedRows() {
    return estimatedRows;
  }

  public double estimatedCostMs() {
    return estimatedCostMs;
  }

  /** True once the step has run. */
  public boolean measured() {
    return actualRows >= 0;
  }

  /** Rows the step produced, or -1 before it ran. */
  public long actualRows() {
    return actualRows;
  }

  /** Time spent in the step, children included, in milliseconds. */
  public double actualMs() {
    return nanos / 1e6;
  }

  /** The step's own time: its time less its children's. */
  public double ownMs() {
    double own = actualMs();
    for (PlanNode c : children) {
      own -= c.actualMs();
    }
    return Math.max(0, own);
  }

  /** The step's own estimated cost: its estimate less its children's. */
  public double ownEstimatedMs() {
    double own = estimatedCostMs;
    for (PlanNode c : children) {
      own -= c.estimatedCostMs;
    }
    return Math.max(0, own);
  }

  /** Records that the step produced {@code rows} rows in {@code elapsedNanos} (added to what it measured before). */
  public void record(long rows, long elapsedNanos) {
    actualRows = Math.max(0, actualRows) + rows;
    nanos += elapsedNanos;
  }

  /** Runs {@code block} as the step's work, producing {@code rows(result)} rows. */
  public <T> T time(Supplier<T> block, java.util.function.ToLongFunction<T> rows) {
    long t0 = System.nanoTime();
    T out = block.get();
    record(rows.applyAsLong(out), System.nanoTime() - t0);
    return out;
  }

  /** {@code rows}, counted and timed as this step's output: time inside hasNext and next is the step's. */
  public <T> Iterator<T> measure(Iterator<T> rows) {
    if (actualRows < 0) {
      actualRows = 0;
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        long t0 = System.nanoTime();
        try {
          return rows.hasNext();
        } finally {
          nanos += System.nanoTime() - t0;
        }
      }

      @Override
      public T next() {
        long t0 = System.nanoTime();
        try {
          T t = rows.next();
          actualRows++;
          return t;
        } finally {
          nanos += System.nanoTime() - t0;
        }
      }
    };
  }

  /** This node and its descendants, parents first. */
  public List<PlanNode> walk() {
    List<PlanNode> out = new ArrayList<>();
    walk(this, out);
    return out;
  }

  private static void walk(PlanNode n, List<PlanNode> out) {
    out.add(n);
    n.children.forEach(c -> walk(c, out));
  }

  /** The node with the largest own time (the bottleneck), this one if nothing ran. */
  public PlanNode bottleneck() {
    PlanNode worst = this;
    for (PlanNode n : walk()) {
      if (n.ownMs() > worst.ownMs()) {
        worst = n;
      }
    }
    return worst;
  }
}
