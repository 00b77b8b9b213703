package org.verisimdb.bench.durable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.storage.wal.SyncMode;
import org.verisimdb.testkit.sample.SampleGenerator;

/**
 * Durable commits per second in {@code wal.sync=fsync} mode, set against the raw fsync rate of
 * the same disk, measured by this harness in the same directory:
 * <ol>
 *   <li>raw fsync: one thread appends 4 KiB and calls {@code force(false)} in a loop
 *       ({@link FsyncProbe});
 *   <li>durable commits: for each writer count, a fresh database with default settings but the
 *       chosen backend and fsync, and that many platform threads each creating sample octads
 *       (all six user modalities, a 384-d embedding; the sample generator's inputs under new
 *       unique ids) as fast as commits return ({@link CommitRun}).
 * </ol>
 * A commit returns only after an fsync covering its log record, so one writer can do at most
 * about as many commits as the disk does fsyncs; with more writers, committers waiting together
 * share one fsync (group commit), so the ratio of commits per second to raw fsyncs per second
 * rises above 1. Device cache flushes per operation ({@code /proc/diskstats}) show how many
 * flushes really reached the disk. After each run the database is reopened and must hold
 * exactly the acknowledged octads, or the harness fails.
 *
 * <pre>
 * java … -cp verisim-bench/target/benchmarks.jar org.verisimdb.bench.durable.DurableCommits [--seconds 10] [--writers 1,8,64] …
 * </pre>
 * Prints a table, then one JSON line with every figure. Not thread-safe; a main.
 */
public final class DurableCommits {
  static final List<String> BACKENDS = List.of("rocksdb", "lmdb", "sqlite", "memory");
  private static final long SAMPLE_SEED = 20260301L;
  private static final int POOL = 1000;

  private DurableCommits() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args("""
        DurableCommits: durable commits per second in wal.sync=fsync mode, against the disk's raw fsync rate.
        Measures raw fsyncs (append 4 KiB + force), then for each writer count creates sample octads from that many
        threads on a fresh database for the given seconds after a warm-up; reopens each database and checks that it
        holds exactly the acknowledged octads. Prints a table and one JSON line.

        usage: DurableCommits [options]""")
        .option("seconds", "10", "measured seconds, for the raw fsync loop and for each writer count")
        .option("warmup", "2", "seconds of warm-up before each measurement, not counted")
        .option("writers", "1,8,64", "comma-separated writer thread counts, one fresh database each")
        .option("backend", "rocksdb", "storage backend: rocksdb, lmdb, sqlite or memory")
        .option("dir", System.getProperty("java.io.tmpdir"), "directory to work in (a subdirectory is created and deleted)");
    Args.run(argv, args, DurableCommits::run);
  }

  private static void run(Args args) throws Exception {
    Duration window = Duration.ofSeconds(args.integer("seconds", 1, 3600));
    Duration warmup = Duration.ofSeconds(args.integer("warmup", 0, 600));
    List<Integer> writerCounts = args.integers("writers", 1, 1024);
    String backend = args.oneOf("backend", BACKENDS);
    Path parent = args.directory("dir");
    DatabaseConfig config = DatabaseConfig.defaults().withBackend(backend).withWalSync(SyncMode.FSYNC);
    List<OctadInput> pool = new SampleGenerator(SAMPLE_SEED, POOL).stream().toList();
    try (WorkDir work = WorkDir.create(parent, "verisim-durable-")) {
      Machine machine = Machine.of(work.root());
      System.err.printf("raw fsync: %d s warm-up, %d s measured in %s%n", warmup.toSeconds(), window.toSeconds(), work.root());
      FsyncProbe.Result fsync = FsyncProbe.run(work.root(), warmup, window, machine);
      List<CommitRun.Result> runs = new ArrayList<>();
      for (int writers : writerCounts) {
        System.err.printf("%d writer(s) on %s, wal.sync=fsync: %d s warm-up, %d s measured%n", writers, backend, warmup.toSeconds(),
            window.toSeconds());
        Path db = work.root().resolve("db-" + writers + "w");
        runs.add(CommitRun.run(db, config, writers, pool, warmup, window, machine));
        WorkDir.delete(db);
      }
      System.out.print(table(machine, backend, fsync, runs));
      System.out.println(JsonLine.of(json(machine, backend, window, warmup, fsync, runs)));
    }
  }

  private static final String ROW = "%-18s %9s %7s %8s %8s %8s %9s %8s %9s %7s %8s%n";

  private static String table(Machine machine, String backend, FsyncProbe.Result fsync, List<CommitRun.Result> runs) {
    StringBuilder out = new StringBuilder();
    out.append("Durable commits, ").append(backend).append(", wal.sync=fsync; ").append(machine.describe()).append('\n');
    out.append(String.format(ROW, "", "ops/s", "÷fsync", "mean µs", "p50 µs", "p99 µs", "max µs", "flush/op", "cpu µs/op", "cs/op",
        "log B/op"));
    out.append(row("raw fsync (4 KiB)", fsync.perSecond(), 1.0, fsync.latency(), fsync.spent(), fsync.fsyncs(), FsyncProbe.BLOCK));
    for (CommitRun.Result r : runs) {
      out.append(row(r.writers() + (r.writers() == 1 ? " writer" : " writers"), r.perSecond(), r.perSecond() / fsync.perSecond(), r.latency(),
          r.spent(), r.windowCommits(), r.logBytesPerCommit()));
    }
    List<String> counts = runs.stream().map(r -> r.writers() + " w: " + r.acknowledged()).toList();
    out.append("verified: each reopened database holds exactly its acknowledged octads, each by id (").append(String.join(", ", counts))
        .append(")\n");
    out.append("""
        ÷fsync: commits/s ÷ raw fsyncs/s; above 1, group commit shares fsyncs. flush/op: cache flushes the device completed per op
        (/proc/diskstats; whole device, all causes). cpu µs/op: this process's CPU time per op. cs/op: context switches of the
        whole machine per op (/proc/stat). log B/op: log bytes per commit.
        """);
    return out.toString();
  }

  private static String row(String name, double perSecond, double ratio, Latencies l, Machine.Counters spent, long ops, double logBytes) {
    return String.format(ROW, name, fixed(perSecond, 1), fixed(ratio, 2), fixed(l.meanMicros(), 0), fixed(l.p50Nanos() / 1e3, 0),
        fixed(l.p99Nanos() / 1e3, 0), fixed(l.maxNanos() / 1e3, 0), fixed(spent.flushesPer(ops), 2), fixed(spent.cpuMicrosPer(ops), 0),
        fixed(spent.contextSwitchesPer(ops), 1), fixed(logBytes, 0));
  }

  private static String fixed(double value, int decimals) {
    return Double.isNaN(value) ? "?" : String.format("%." + decimals + "f", value);
  }

  private static Map<String, Object> json(Machine machine, String backend, Duration window, Duration warmup, FsyncProbe.Result fsync,
      List<CommitRun.Result> runs) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "DurableCommits");
    out.put("machine", machine.json());
    out.put("backend", backend);
    out.put("wal_sync", "fsync");
    out.put("seconds", window.toSeconds());
    out.put("warmup_s", warmup.toSeconds());
    out.put("octads", "SampleGenerator(seed " + SAMPLE_SEED + ", " + POOL + " octads), new ids");
    out.put("raw_fsync", fsync.json());
    List<Object> list = new ArrayList<>();
    for (CommitRun.Result r : runs) {
      list.add(r.json(fsync.perSecond()));
    }
    out.put("runs", list);
    return out;
  }
}
