package org.verisimdb.bench.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The long crash test: {@code CrashLoop [cycles] [backends…]} (default 1000 cycles, every backend),
 * each cycle a SIGKILL at a random moment up to 1.5 s into the writes and a full check after
 * reopening. Each backend's database lives in a new temporary directory, deleted when its
 * cycles pass and kept for inspection when one fails. Run it with
 * {@code java -cp verisim-bench/target/benchmarks.jar org.verisimdb.bench.crash.CrashLoop}.
 */
public final class CrashLoop {
  private static final List<String> BACKENDS = List.of("rocksdb", "lmdb", "sqlite", "memory");
  private static final String USAGE = """
      usage: CrashLoop [cycles] [backend...]
        cycles    kill-and-check cycles per backend (default 1000)
        backend   rocksdb, lmdb, sqlite or memory (default: all four)
      Each cycle starts a writer process, kills it with SIGKILL at a random moment up to 1.5 s into its
      writes, reopens the database and checks every acknowledged commit. Exits 1 at the first violation,
      keeping that database's directory, and 2 on bad arguments.""";

  private CrashLoop() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(USAGE);
      return;
    }
    int cycles;
    try {
      cycles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    } catch (NumberFormatException e) {
      cycles = -1;
    }
    List<String> backends = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : BACKENDS;
    if (cycles < 1 || !BACKENDS.containsAll(backends)) {
      System.err.println("bad arguments: " + String.join(" ", args) + "\n" + USAGE);
      System.exit(2);
    }
    for (String backend : backends) {
      Path dir = Files.createTempDirectory("verisim-crash-" + backend);
      CrashHarness.Report report;
      try {
        report = new CrashHarness(dir.resolve("db"), backend, 4, System.nanoTime()).run(cycles, Duration.ofMillis(1500));
      } catch (AssertionError e) {
        System.err.println(backend + ": " + e.getMessage() + "\nthe database is kept in " + dir);
        System.exit(1);
        return;
      }
      System.out.printf("%s: %d cycles, %d acknowledged commits checked (%d multi-octad transactions all or nothing), at most %d in flight at"
          + " a kill, %d s%n", report.backend(), report.cycles(), report.acknowledged(), report.groupTransactions(), report.aheadMax(), report.elapsed().toSeconds());
      CrashHarness.deleteContents(dir);
      Files.delete(dir);
    }
  }
}
