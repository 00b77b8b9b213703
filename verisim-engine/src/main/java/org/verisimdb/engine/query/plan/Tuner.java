package org.verisimdb.engine.query.plan;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The adaptive part of the cost model: one correction factor per cost constant or selectivity,
 * moved a little toward actual/estimated after every executed statement. Factors are bounded
 * ({@link #MIN}..{@link #MAX}), kept in a properties file beside the database (written at most
 * every few seconds and on close), and reset on request. Thread-safe.
 */
public final class Tuner {
  public static final double MIN = 0.02;
  public static final double MAX = 50.0;
  /** How far one observation moves a factor, as an exponent of the clamped ratio. */
  static final double RATE = 0.3;
  private static final System.Logger LOG = System.getLogger("org.verisimdb.engine.query");
  private static final long SAVE_INTERVAL_NANOS = 5_000_000_000L;

  private final Map<String, Double> factors = new ConcurrentHashMap<>();
  private final Path file;
  private final boolean enabled;
  private volatile boolean dirty;
  private volatile long savedAt = System.nanoTime();
  private volatile long observations;

  /**
   * @param file where factors persist, or null to keep them in memory only
   * @param enabled false to keep every factor at 1 (observations are ignored)
   */
  public Tuner(Path file, boolean enabled) {
    this.file = file;
    this.enabled = enabled;
    if (file != null && enabled && Files.exists(file)) {
      load(file);
    }
  }

  /** The factor of {@code key}, 1 when nothing was learnt. */
  public double factor(String key) {
    return factors.getOrDefault(key, 1.0);
  }

  /** Every learnt factor, by key. */
  public Map<String, Double> factors() {
    return new TreeMap<>(factors);
  }

  /** Statements observed since the database opened. */
  public long observations() {
    return observations;
  }

  /** Learns from a plan that ran: each step's own time against its own estimate, and each filter's pass rate against its selectivity. */
  public void observe(PlanNode root) {
    if (!enabled || !root.measured()) {
      return;
    }
    observations++;
    for (PlanNode n : root.walk()) {
      if (!n.measured()) {
        continue;
      }
      double est = n.ownEstimatedMs();
      double act = n.ownMs();
      if (est > 1e-4 && act > 1e-3 && CostModel.known(n.operator().costKey())) {
        adjust(n.operator().costKey(), act / est);
      }
      if ((n.operator() == Operator.FILTER || n.operator() == Operator.CROSS_MODAL_FILTER) && n.children().size() == 1) {
        PlanNode in = n.children().getFirst();
        if (in.measured() && in.actualRows() >= 20 && in.estimatedRows() > 0 && n.estimatedRows() > 0) {
          double actualPass = Math.max(0.5, n.actualRows()) / in.actualRows();
          double estimatedPass = n.estimatedRows() / in.estimatedRows();
          adjust("sel." + n.operator().costKey(), actualPass / estimatedPass);
        }
      }
    }
    dirty = true;
    if (file != null && System.nanoTime() - savedAt > SAVE_INTERVAL_NANOS) {
      save();
    }
  }

  private void adjust(String key, double ratio) {
    double r = Math.max(0.1, Math.min(10.0, ratio));
    factors.compute(key, (k, f) -> {
      double next = (f == null ? 1.0 : f) * Math.pow(r, RATE);
      return Math.max(MIN, Math.min(MAX, next));
    });
  }

  /** Forgets everything learnt, here and in the file. */
  public void reset() {
    factors.clear();
    observations = 0;
    dirty = true;
    save();
    LOG.log(System.Logger.Level.INFO, "query cost factors reset");
  }

  /** Writes the factors if they changed (atomically: a temporary file renamed over the old one). */
  public synchronized void save() {
    if (file == null || !dirty) {
      return;
    }
    Properties p = new Properties();
    factors.forEach((k, v) -> p.setProperty(k, Double.toString(v)));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "VeriSimDB query cost factors (learnt; delete or reset to start again)");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      dirty = false;
      savedAt = System.nanoTime();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not save query cost factors to {0}: {1}", file, e.getMessage());
    }
  }

  private void load(Path from) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(from, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read query cost factors " + from, e);
    }
    for (String key : p.stringPropertyNames()) {
      try {
        double v = Double.parseDouble(p.getProperty(key));
        if (CostModel.known(key) && Double.isFinite(v)) {
          factors.put(key, Math.max(MIN, Math.min(MAX, v)));
        }
      } catch (NumberFormatException notNumber) {
        LOG.log(System.Logger.Level.WARNING, "ignoring query cost factor {0} = {1} in {2}: not a number", key, p.getProperty(key), from);
      }
    }
  }
}
