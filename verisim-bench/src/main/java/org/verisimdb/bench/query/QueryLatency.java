package org.verisimdb.bench.query;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verisimdb.bench.durable.Args;
import org.verisimdb.bench.durable.JsonLine;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.testkit.sample.SampleGenerator;

/**
 * Query latency on the sample set: loads {@code --size} sample octads into a RocksDB database
 * in {@code --data} (or reopens the directory a previous run loaded with the same size and
 * seed), then measures each kind of VQL query of {@link QueryKind#all()} on one session:
 * {@code --warmup} executions, the EXPLAIN ANALYZE plan of one (printed, so the report shows
 * which access path ran), then {@code --iterations} timed executions, every one with parameters
 * drawn afresh from the sample (existing ids, words of existing texts, city centres, vectors of
 * existing octads). Prints a table of p50, p90, p99 and max in milliseconds and rows per
 * execution, writes the figures as JSON to {@code --out} and prints the same JSON as the last
 * line.
 *
 * <pre>
 * java … -cp verisim-bench/target/benchmarks.jar org.verisimdb.bench.query.QueryLatency [--size 100000] [--iterations 2000] …
 * </pre>
 *
 * A kind whose query fails is reported with its error code and the others still run. Exits
 * with status 2 on a bad option and 1 when a kind other than {@code vqldt} failed or returned
 * no rows at all. Not thread-safe; a main.
 */
public final class QueryLatency {
  static final long DEFAULT_SEED = 20261121L;

  private QueryLatency() {}

  /** The options of one run; {@code data} and {@code out} are resolved already. */
  record Options(int size, long seed, int warmup, int iterations, int batch, Path data, Path out, List<QueryKind> kinds) {}

  /** What a run measured. */
  record Report(Options options, SampleDatabase.Opened database, List<KindResult> kinds, Map<String, Object> json) {
    /** The kinds that count as failures: any error or no rows at all, except for kinds whose failure is expected. */
    List<KindResult> problems() {
      List<KindResult> out = new ArrayList<>();
      for (KindResult k : kinds) {
        boolean mayFail = options.kinds().stream().anyMatch(q -> q.name().equals(k.kind()) && q.mayFail());
        if (!mayFail && (k.failed() || !(k.rowsPerIteration() > 0))) {
          out.add(k);
        }
      }
      return out;
    }
  }

  public static void main(String[] argv) throws Exception {
    Args.run(argv, args(), parsed -> {
      Options options;
      try {
        options = options(parsed);
      } catch (IllegalArgumentException e) {
        System.err.println("error: " + e.getMessage());
        System.err.println("run with --help for the options");
        System.exit(2);
        return;
      }
      Report report;
      try {
        report = run(options, System.err, System.out);
      } catch (IllegalStateException e) {
        System.err.println("error: " + e.getMessage());
        System.exit(1);
        return;
      }
      List<KindResult> problems = report.problems();
      if (!problems.isEmpty()) {
        System.err.println("error: " + String.join(", ", problems.stream().map(KindResult::kind).toList())
            + " failed or returned no rows; see the table");
        System.exit(1);
      }
    });
  }

  /** The command-line options and their defaults. */
  static Args args() {
    return new Args("""
        QueryLatency: latency of VQL queries (lookup by id, full text, vector k-NN, radius, 2-hop graph, 3-modality, VQL-DT)
        on the sample set in a RocksDB database, loaded on the first run and reused afterwards.

        usage: QueryLatency [options]""")
        .option("size", "100000", "sample octads in the database")
        .option("seed", Long.toString(DEFAULT_SEED), "seed of the sample generator")
        .option("iterations", "2000", "measured executions per query kind")
        .option("warmup", "200", "executions per kind before measuring, not counted")
        .option("batch", "1000", "octads per transaction while loading")
        .option("kinds", String.join(",", QueryKind.all().stream().map(QueryKind::name).toList()), "query kinds to measure, comma-separated")
        .option("data", "", "directory of the database and its marker (default: target/query-latency/sample-<size>-seed-<seed>)")
        .option("out", "", "JSON report file (default: target/query-latency/query-latency-<size>.json)");
  }

  /** The options of parsed arguments; an unknown query kind is an IllegalArgumentException. */
  static Options options(Args a) throws Args.UsageException {
    int size = (int) a.integer("size", 20, SampleGenerator.MAX_SIZE);
    long seed = a.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
    int iterations = (int) a.integer("iterations", 1, 10_000_000);
    int warmup = (int) a.integer("warmup", 0, 10_000_000);
    int batch = (int) a.integer("batch", 1, 100_000);
    List<QueryKind> kinds = QueryKind.select(a.string("kinds"));
    Path data = a.string("data").isEmpty() ? Path.of("target", "query-latency", "sample-" + size + "-seed-" + seed) : Path.of(a.string("data"));
    Path out = a.string("out").isEmpty() ? Path.of("target", "query-latency", "query-latency-" + size + ".json") : Path.of(a.string("out"));
    return new Options(size, seed, warmup, iterations, batch, data.toAbsolutePath().normalize(), out.toAbsolutePath().normalize(), kinds);
  }

  /** Loads or reopens the database, measures every kind, prints the table to {@code out} and writes the JSON file. */
  static Report run(Options o, PrintStream log, PrintStream out) throws IOException, InterruptedException {
    SampleGenerator generator = new SampleGenerator(o.seed(), o.size());
    SampleParams params = new SampleParams(generator, o.seed() ^ 0x5eed_0f_9a7a_3e7L);
    List<KindResult> results = new ArrayList<>();
    String loadBefore = loadAverage();
    SampleDatabase.Opened opened = SampleDatabase.open(o.data(), generator, o.batch(), log);
    try (Database db = opened.db(); VqlSession session = db.vql()) {
      KindRunner runner = new KindRunner(session, params, log);
      for (QueryKind kind : o.kinds()) {
        results.add(runner.run(kind, o.warmup(), o.iterations()));
      }
    }
    String loadAfter = loadAverage();
    Map<String, Object> json = json(o, opened, results);
    @SuppressWarnings("unchecked")
    Map<String, Object> machine = (Map<String, Object>) json.get("machine");
    machine.put("load_average_before", loadBefore);
    machine.put("load_average_after", loadAfter);
    printTable(out, o, opened, results);
    out.printf("load average (1, 5, 15 min) %s before, %s after: other processes share the cores%n", loadBefore, loadAfter);
    Files.createDirectories(o.out().getParent());
    String line = JsonLine.of(json);
    Files.writeString(o.out(), line + "\n", StandardCharsets.UTF_8);
    out.println("JSON report: " + o.out());
    out.println(line);
    return new Report(o, opened, List.copyOf(results), json);
  }

  private static void printTable(PrintStream out, Options o, SampleDatabase.Opened db, List<KindResult> results) {
    Runtime rt = Runtime.getRuntime();
    out.printf(Locale.ROOT, "%nQuery latency: %,d sample octads (seed %d) in %s%n", o.size(), o.seed(), db.directory());
    out.printf(Locale.ROOT, "%s; %d warm-up and %d measured executions per kind, one session, one thread%n",
        db.loadedNow() ? String.format(Locale.ROOT, "loaded in %.1f s", db.loadSeconds())
            : String.format(Locale.ROOT, "reopened in %.1f s (loaded earlier in %.1f s)", db.openSeconds(), db.loadSeconds()),
        o.warmup(), o.iterations());
    out.printf(Locale.ROOT, "%d cores, max heap %,d MiB, JDK %s%n%n", rt.availableProcessors(), rt.maxMemory() >> 20,
        System.getProperty("java.vm.version"));
    out.printf(Locale.ROOT, "%-7s %9s %9s %9s %9s %11s %9s %10s %6s%n", "kind", "p50 ms", "p90 ms", "p99 ms", "max ms", "cpu p50 ms",
        "rows/it", "target p50", "met");
    for (KindResult r : results) {
      String target = r.targetP50Ms() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.targetP50Ms());
      if (r.failed()) {
        out.printf(Locale.ROOT, "%-7s error %s after %d executions: %s%n", r.kind(), r.errorCode(), r.iterations(), oneLine(r.errorMessage()));
        continue;
      }
      out.printf(Locale.ROOT, "%-7s %9.3f %9.3f %9.3f %9.3f %11.3f %9.2f %10s %6s%n", r.kind(), r.p50Ms(), r.p90Ms(), r.p99Ms(), r.maxMs(),
          r.cpuP50Ms(), r.rowsPerIteration(), target, r.meetsTarget());
      if (r.proved()) {
        out.printf(Locale.ROOT, "%-7s certificates %d of %d executions, verified %d%s%n", "", r.certificates(), r.iterations(), r.verified(),
            r.certificates() == 0 ? ": the answers carried no certificate, so no proof ran"
                : r.certificateNote() == null ? "" : " (first unverified: " + r.certificateNote() + ")");
      }
    }
    out.println();
  }

  /** The first three fields of /proc/loadavg, or "unknown". */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String oneLine(String s) {
    String flat = s == null ? "" : s.replaceAll("\\s+", " ");
    return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
  }

  private static Map<String, Object> json(Options o, SampleDatabase.Opened db, List<KindResult> results) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("benchmark", "query_latency");
    m.put("size", o.size());
    m.put("seed", o.seed());
    m.put("warmup", o.warmup());
    m.put("iterations", o.iterations());
    m.put("data", db.directory().toString());
    m.put("octads", db.octads());
    m.put("loaded_now", db.loadedNow());
    m.put("load_seconds", db.loadSeconds());
    m.put("open_seconds", db.openSeconds());
    Runtime rt = Runtime.getRuntime();
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", rt.availableProcessors());
    machine.put("max_heap_mib", rt.maxMemory() >> 20);
    machine.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    m.put("machine", machine);
    m.put("kinds", results.stream().map(KindResult::json).toList());
    return m;
  }
}
