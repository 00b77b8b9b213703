package org.verisimdb.bench.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The long crash test: {@code CrashLoop [cycles] [backends…]} (default 1000 cycles, every backend),
 * each cycle a SIGKILL at a random moment up to 1.5 s into the writes and a full check after
 * reopening. Run it with {@code java -cp verisim-bench/target/benchmarks.jar org.verisimdb.bench.crash.CrashLoop}.
 */
public final class CrashLoop {
  private CrashLoop() {}

  public static void main(String[] args) throws Exception {
    int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    String[] backends = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length) : new String[] {"rocksdb", "lmdb", "sqlite", "memory"};
    for (String backend : backends) {
      Path dir = Files.createTempDirectory("verisim-crash-" + backend);
      CrashHarness.Report report = new CrashHarness(dir.resolve("db"), backend, 4, System.nanoTime()).run(cycles, Duration.ofMillis(1500));
      System.out.printf("%s: %d cycles, %d acknowledged commits checked, at most %d in flight at a kill, %d s%n", report.backend(),
          report.cycles(), report.acknowledged(), report.aheadMax(), report.elapsed().toSeconds());
    }
  }
}
