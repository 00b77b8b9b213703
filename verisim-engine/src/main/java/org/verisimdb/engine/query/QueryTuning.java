package org.verisimdb.engine.query;

import java.util.Locale;
import java.util.Map;

/**
 * The query engine's adaptive state and counters: the cost corrections the tuner learnt (shown by
 * {@code SHOW STATS}, kept in {@code query-tuning.properties} beside the database), and the
 * statement and slow-statement counts, which {@link #metrics()} gives in the Prometheus text format.
 */
public interface QueryTuning {

  /** The learnt factor of each cost constant or selectivity, by key; 1 for keys not listed. */
  Map<String, Double> factors();

  /** Forgets every learnt factor (and the plan choices made with them). */
  void reset();

  /** Statements slower than {@code slow_query.threshold} since the database opened. */
  long slowQueries();

  /** Statements run since the database opened. */
  long statements();

  /** The counters as Prometheus text exposition lines. */
  default String metrics() {
    return String.format(Locale.ROOT, """
        # HELP verisim_vql_statements_total VQL statements run since the database opened.
        # TYPE verisim_vql_statements_total counter
        verisim_vql_statements_total %d
        # HELP verisim_vql_slow_queries_total VQL statements slower than slow_query.threshold.
        # TYPE verisim_vql_slow_queries_total counter
        verisim_vql_slow_queries_total %d
        """, statements(), slowQueries());
  }
}
