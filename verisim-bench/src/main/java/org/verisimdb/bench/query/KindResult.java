package org.verisimdb.bench.query;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one query kind measured: latency percentiles in milliseconds (nearest rank over every
 * measured iteration, from {@code execute} until the last row is read and the result closed),
 * rows per iteration, and the plan that ran. When the kind failed, {@code errorCode} holds the
 * VQL error code (or the exception's class) and {@code errorMessage} its message; the figures
 * are then NaN and {@code iterations} counts the executions that succeeded before the failure.
 * The CPU figures are the calling thread's CPU time over the same spans: on a machine shared with
 * other work they show what the query itself costs, apart from waiting for a core.
 *
 * @param certificates executions whose answer carried a proof certificate
 * @param verified executions whose certificate said {@code verified: true}
 * @param certificateNote the reason of the first unverified proof, or null
 */
record KindResult(String kind, String statement, Double targetP50Ms, int iterations, double p50Ms, double p90Ms, double p99Ms,
    double maxMs, double meanMs, double cpuP50Ms, double cpuP99Ms, double rowsPerIteration, long emptyResults, long certificates,
    long verified, String certificateNote, List<String> plan, List<String> operators, String errorCode, String errorMessage) {

  boolean failed() {
    return errorCode != null;
  }

  /** Whether the statement asks for proofs (VQL-DT), so its answers should carry a certificate. */
  boolean proved() {
    return statement.contains(" PROOF ");
  }

  /** "yes" or "NO" against the target median, or "-" when the kind has none or failed. */
  String meetsTarget() {
    if (targetP50Ms == null || failed()) {
      return "-";
    }
    return p50Ms <= targetP50Ms ? "yes" : "NO";
  }

  /** The summary of {@code nanos} (every measured iteration) and the rows they returned. */
  static KindResult measured(QueryKind kind, long[] nanos, long[] cpuNanos, long rows, long empty, long certificates, long verified, String note,
      List<String> plan, List<String> operators) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    int count = sorted.length;
    long[] cpu = cpuNanos.clone();
    Arrays.sort(cpu);
    return new KindResult(kind.name(), kind.statement(), kind.targetP50Ms(), count, rank(sorted, 0.50), rank(sorted, 0.90),
        rank(sorted, 0.99), count == 0 ? Double.NaN : sorted[count - 1] / 1e6, count == 0 ? Double.NaN : sum / count / 1e6,
        rank(cpu, 0.50), rank(cpu, 0.99), count == 0 ? Double.NaN : (double) rows / count, empty, certificates, verified, note, plan, operators, null, null);
  }

  /** A kind that failed after {@code succeeded} executions. */
  static KindResult failed(QueryKind kind, int succeeded, String code, String message, List<String> plan) {
    return new KindResult(kind.name(), kind.statement(), kind.targetP50Ms(), succeeded, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, null, plan, List.of(), code, message);
  }

  private static double rank(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.clamp(index, 0, sorted.length - 1)] / 1e6;
  }

  /** The members of this kind in the JSON report. */
  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind);
    m.put("statement", statement);
    m.put("iterations", iterations);
    m.put("p50_ms", p50Ms);
    m.put("p90_ms", p90Ms);
    m.put("p99_ms", p99Ms);
    m.put("max_ms", maxMs);
    m.put("mean_ms", meanMs);
    m.put("cpu_p50_ms", cpuP50Ms);
    m.put("cpu_p99_ms", cpuP99Ms);
    m.put("rows_per_iteration", rowsPerIteration);
    m.put("empty_results", emptyResults);
    m.put("target_p50_ms", targetP50Ms);
    m.put("meets_target", targetP50Ms == null || failed() ? null : p50Ms <= targetP50Ms);
    if (proved()) {
      m.put("certificates", certificates);
      m.put("certificates_verified", verified);
      m.put("certificate_note", certificateNote);
    }
    m.put("error_code", errorCode);
    m.put("error_message", errorMessage);
    m.put("plan_operators", operators);
    m.put("plan", plan);
    return m;
  }
}
