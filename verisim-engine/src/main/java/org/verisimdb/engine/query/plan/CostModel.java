package org.verisimdb.engine.query.plan;

import java.util.Map;

/**
 * The cost constants of the planner, in milliseconds per unit of work, and the default
 * selectivities of predicates the index cannot count. Each constant is multiplied by the tuner's
 * factor for its key, so estimates follow what this machine and this data actually do.
 * Estimates are deterministic for given statistics and factors.
 */
public final class CostModel {
  /** Base constants: per row (or per id, match, k) of the step's own work. */
  private static final Map<String, Double> BASE = Map.ofEntries(
      Map.entry("lookup", 0.02),
      Map.entry("scan", 0.002),
      Map.entry("fetch", 0.015),
      Map.entry("index.field", 0.0008),
      Map.entry("index.text", 0.0015),
      Map.entry("index.spatial", 0.0008),
      Map.entry("index.temporal", 0.0008),
      Map.entry("index.intersect", 0.0003),
      Map.entry("index.vector", 0.04),
      Map.entry("graph", 0.01),
      Map.entry("history", 0.05),
      Map.entry("filter", 0.002),
      Map.entry("cross_modal", 0.05),
      Map.entry("heap", 0.0004),
      Map.entry("aggregate", 0.001),
      Map.entry("sort", 0.0004),
      Map.entry("page", 0.00005),
      Map.entry("project", 0.005),
      Map.entry("write", 0.5),
      Map.entry("federation", 1.0));

  /** A fixed cost of asking an index anything (opening its searcher, building the query). */
  public static final double INDEX_SETUP_MS = 0.05;

  private final Tuner tuner;

  public CostModel(Tuner tuner) {
    this.tuner = tuner;
  }

  /** Cost per unit of the step charged by {@code key}, corrected by the tuner. */
  public double perUnit(String key) {
    Double base = BASE.get(key);
    if (base == null) {
      throw new IllegalArgumentException("no cost constant " + key);
    }
    return base * tuner.factor(key);
  }

  /** The per-subject cost of verifying one proof of {@code type} (an upper-case proof type name). */
  public double proofPerSubject(String type) {
    double base = switch (type) {
      case "EXISTENCE", "FRESHNESS", "ACCESS" -> 0.01;
      case "PROVENANCE", "CITATION" -> 0.05;
      case "INTEGRITY" -> 0.08;
      case "CONSISTENCY" -> 0.5;
      default -> 0.001;
    };
    return base * tuner.factor("proof." + type.toLowerCase(java.util.Locale.ROOT));
  }

  /** The fraction of rows a remaining per-octad predicate of {@code kind} lets through, corrected by the tuner. */
  public double selectivity(String kind, double base) {
    return Math.min(1.0, base * tuner.factor("sel." + kind));
  }

  public Tuner tuner() {
    return tuner;
  }

  /** The keys a factor may be kept for. */
  static boolean known(String key) {
    return BASE.containsKey(key) || key.startsWith("proof.") || key.startsWith("sel.");
  }
}
