package org.verisimdb.engine;

import java.util.List;
import java.util.Locale;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Settings of the VQL engine ({@code slow_query.*} and {@code vql.plan_cache_size},
 * {@code vql.tuning} keys of {@link DatabaseConfig}).
 *
 * @param slowThresholdMs statements at least this slow are logged and kept for SHOW SLOW QUERIES
 *     ({@code slow_query.threshold}, milliseconds, default 100)
 * @param slowCapacity entries the slow query log keeps ({@code slow_query.capacity}, default 1000)
 * @param slowLogParams keep parameter values in the slow query log; off shows each as "?"
 *     ({@code slow_query.log_params}, default off)
 * @param planCacheSize statements whose parsed form and plan choice are cached, by normalised
 *     text ({@code vql.plan_cache_size}, default 256; 0 turns the cache off)
 * @param tuning learn cost corrections from executed statements ({@code vql.tuning}, default on)
 */
public record QueryOptions(double slowThresholdMs, int slowCapacity, boolean slowLogParams, int planCacheSize, boolean tuning) {

  public static final QueryOptions DEFAULTS = new QueryOptions(100, 1000, false, 256, true);

  static final List<String> KEYS = List.of("slow_query.threshold", "slow_query.capacity", "slow_query.log_params", "vql.plan_cache_size",
      "vql.tuning");

  public QueryOptions {
    if (!(slowThresholdMs >= 0) || slowThresholdMs > 86_400_000) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "slow_query.threshold",
          "slow_query.threshold is " + slowThresholdMs + " ms; use 0 to 86400000");
    }
    if (slowCapacity < 1 || slowCapacity > 1_000_000) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "slow_query.capacity", "slow_query.capacity is " + slowCapacity + "; use 1 to 1000000");
    }
    if (planCacheSize < 0 || planCacheSize > 1_000_000) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "vql.plan_cache_size", "vql.plan_cache_size is " + planCacheSize + "; use 0 to 1000000");
    }
  }

  QueryOptions with(String key, String value) {
    return switch (key) {
      case "slow_query.threshold" -> new QueryOptions(millis(key, value), slowCapacity, slowLogParams, planCacheSize, tuning);
      case "slow_query.capacity" -> new QueryOptions(slowThresholdMs, IndexOptions.integer(key, value.trim()), slowLogParams, planCacheSize, tuning);
      case "slow_query.log_params" -> new QueryOptions(slowThresholdMs, slowCapacity, IndexOptions.bool(key, value.trim()), planCacheSize, tuning);
      case "vql.plan_cache_size" -> new QueryOptions(slowThresholdMs, slowCapacity, slowLogParams, IndexOptions.integer(key, value.trim()), tuning);
      case "vql.tuning" -> new QueryOptions(slowThresholdMs, slowCapacity, slowLogParams, planCacheSize, IndexOptions.bool(key, value.trim()));
      default -> throw new IllegalArgumentException(key);
    };
  }

  void describe(java.util.Map<String, String> out) {
    out.put("slow_query.threshold", Double.toString(slowThresholdMs));
    out.put("slow_query.capacity", Integer.toString(slowCapacity));
    out.put("slow_query.log_params", slowLogParams ? "on" : "off");
    out.put("vql.plan_cache_size", Integer.toString(planCacheSize));
    out.put("vql.tuning", tuning ? "on" : "off");
  }

  // "250", "250ms" or "1.5s".
  private static double millis(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    double scale = 1;
    if (v.endsWith("ms")) {
      v = v.substring(0, v.length() - 2);
    } else if (v.endsWith("s")) {
      v = v.substring(0, v.length() - 1);
      scale = 1000;
    }
    try {
      return Double.parseDouble(v.trim()) * scale;
    } catch (NumberFormatException e) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, key, key + " = '" + value + "' is not a duration; use e.g. 100, 250ms or 1.5s");
    }
  }
}
