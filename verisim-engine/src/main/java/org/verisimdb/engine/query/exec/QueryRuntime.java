package org.verisimdb.engine.query.exec;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.verisimdb.engine.QueryOptions;
import org.verisimdb.engine.query.plan.CostModel;
import org.verisimdb.engine.query.plan.Latencies;
import org.verisimdb.engine.query.plan.SlowQueryLog;
import org.verisimdb.engine.query.plan.Tuner;
import org.verisimdb.model.Modality;

/**
 * What the sessions of one database share about running statements: the cost model and its
 * tuner, the plan cache, the slow query log, and latency figures per store for SHOW STATS.
 * Thread-safe.
 */
final class QueryRuntime {
  /** The file beside the database where the tuner keeps its factors. */
  static final String TUNING_FILE = "query-tuning.properties";

  final Tuner tuner;
  final CostModel cost;
  final PlanCache plans;
  final SlowQueryLog slow;
  final Map<Modality, Latencies> latencies = new EnumMap<>(Modality.class);
  final LongAdder statements = new LongAdder();

  QueryRuntime(QueryOptions options, Path directory) {
    this.tuner = new Tuner(directory == null ? null : directory.resolve(TUNING_FILE), options.tuning());
    this.cost = new CostModel(tuner);
    this.plans = new PlanCache(options.planCacheSize());
    this.slow = new SlowQueryLog(options.slowThresholdMs(), options.slowCapacity(), options.slowLogParams());
    for (Modality m : Modality.values()) {
      latencies.put(m, new Latencies());
    }
  }

  /** Forgets the learnt cost factors, and the plan choices made with them. */
  void resetTuning() {
    tuner.reset();
    plans.clear();
  }

  void close() {
    tuner.save();
  }
}
