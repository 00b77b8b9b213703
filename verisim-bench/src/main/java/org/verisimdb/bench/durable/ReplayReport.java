package org.verisimdb.bench.durable;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one {@link Replay} run, as a table and as the JSON line. Rates over the whole
 * open use the records the open reported through its Progress; rates over the replay phase use
 * the replayer's own summary line. MB are 10^6 bytes.
 */
record ReplayReport(Machine machine, String backend, ReplayPlan plan, ReplayImage.Made made, int segments, long logBytes,
    Replay.Recovery recovery) {

  /** Bytes of the records replayed: the replayer's count, or the whole log when every record was replayed and the count is unknown. */
  private long bytesReplayed() {
    RecoveryLog.Replayed r = recovery.replayed();
    if (r != null) {
      return r.bytes();
    }
    return recovery.progressDone() == plan.records() ? logBytes : -1;
  }

  private static double perSecond(double amount, Duration d) {
    return d == null || d.isZero() || amount < 0 ? Double.NaN : amount / (d.toNanos() / 1e9);
  }

  String table() {
    StringBuilder out = new StringBuilder();
    Replay.Recovery r = recovery;
    out.append("Log replay, ").append(backend).append(" backend; ").append(machine.describe()).append('\n');
    out.append(String.format("log: %,d transactions (%,d creates of sample octads, %,d counter updates), %,d segments, %.1f MB (%.0f B/record);%n",
        plan.records(), plan.creates(), plan.updates(), segments, logBytes / 1e6, (double) logBytes / plan.records()));
    out.append(String.format("     written through the engine in %.1f s (%,.0f commits/s, %d writer(s), wal.sync=none), then SIGKILL%n",
        made.writing().toNanos() / 1e9, perSecond(plan.records(), made.writing()), plan.writers()));
    String replayedNote = r.progressDone() == plan.records() ? "every logged record"
        : String.format("%,d records were already in the %s stores", plan.records() - r.progressDone(), backend);
    out.append(String.format("recovery: VeriSimDB.open replayed %,d of %,d records (%s)%n", r.progressDone(), plan.records(), replayedNote));
    out.append(String.format("%-40s %10s %7s %12s %9s%n", "", "ms", "share", "records/s", "MB/s"));
    double openRecords = perSecond(r.progressDone(), r.open());
    out.append(String.format("%-40s %10.0f %6.0f%% %12s %9s%n", "whole open (wall)", millis(r.open()), 100.0, rate(openRecords),
        mb(perSecond(bytesReplayed(), r.open()))));
    for (Map.Entry<String, Duration> phase : r.phases().entrySet()) {
      Duration d = phase.getValue();
      boolean replay = phase.getKey().startsWith("replay");
      out.append(String.format("%-40s %10s %6s%% %12s %9s%n", "  " + phase.getKey(), d == null ? "?" : String.format("%.0f", millis(d)),
          d == null ? "?" : String.format("%.0f", 100 * millis(d) / millis(r.open())),
          replay ? rate(perSecond(r.progressDone(), d)) : "", replay ? mb(perSecond(bytesReplayed(), d)) : ""));
    }
    RecoveryLog.Replayed rep = r.replayed();
    if (rep != null) {
      out.append(String.format("replayer's own count: %,d records, %,d operations, %,d bytes, LSN %,d..%,d, %,d ms%n", rep.records(),
          rep.operations(), rep.bytes(), rep.fromLsn(), rep.toLsn(), rep.millis()));
    }
    out.append(String.format("verified: %,d octads present; %,d checked for version, final counter and provenance chain%n", r.octads(),
        r.checked()));
    return out.toString();
  }

  Map<String, Object> json() {
    Replay.Recovery r = recovery;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "Replay");
    out.put("machine", machine.json());
    out.put("backend", backend);
    out.put("records", plan.records());
    out.put("creates", plan.creates());
    out.put("updates", plan.updates());
    out.put("writers", plan.writers());
    out.put("seed", plan.seed());
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("segments", segments);
    log.put("bytes", logBytes);
    log.put("bytes_per_record", (double) logBytes / plan.records());
    log.put("write_seconds", made.writing().toNanos() / 1e9);
    out.put("log", log);
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put("open_ms", millis(r.open()));
    rec.put("records_replayed", r.progressDone());
    rec.put("records_in_range", Math.max(r.progressTotal(), 0));
    rec.put("bytes_replayed", bytesReplayed());
    rec.put("records_per_s_open", perSecond(r.progressDone(), r.open()));
    rec.put("mb_per_s_open", perSecond(bytesReplayed(), r.open()) / 1e6);
    Duration replay = r.phases().get("replay into the stores");
    rec.put("records_per_s_replay", perSecond(r.progressDone(), replay));
    rec.put("mb_per_s_replay", perSecond(bytesReplayed(), replay) / 1e6);
    if (r.replayed() != null) {
      rec.put("operations", r.replayed().operations());
      rec.put("replayer_ms", r.replayed().millis());
    }
    Map<String, Object> phases = new LinkedHashMap<>();
    r.phases().forEach((name, d) -> phases.put(name, d == null ? null : millis(d)));
    rec.put("phases_ms", phases);
    out.put("recovery", rec);
    Map<String, Object> verified = new LinkedHashMap<>();
    verified.put("octads", r.octads());
    verified.put("checked", r.checked());
    out.put("verified", verified);
    return out;
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }

  private static String rate(double perSecond) {
    return Double.isNaN(perSecond) ? "?" : String.format("%,.0f", perSecond);
  }

  private static String mb(double bytesPerSecond) {
    return Double.isNaN(bytesPerSecond) ? "?" : String.format("%.1f", bytesPerSecond / 1e6);
  }
}
