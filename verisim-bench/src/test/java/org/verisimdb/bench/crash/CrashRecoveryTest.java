package org.verisimdb.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance crash test in its short form: 20 SIGKILLs per backend, each followed by a full
 * check ({@link CrashHarness}); {@link CrashLoop} runs 1000.
 */
class CrashRecoveryTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"rocksdb", "lmdb", "sqlite", "memory"})
  void everyAcknowledgedCommitSurvivesSigkill(String backend) throws Exception {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    CrashHarness.Report report = new CrashHarness(dir.resolve("db"), backend, 4, seed).run(20, Duration.ofMillis(900));
    assertThat(report.acknowledged()).as("seed=%d: the writer must have committed something to check", seed).isGreaterThan(20);
    assertThat(report.groupTransactions()).as("seed=%d: multi-octad transactions must have been checked", seed).isPositive();
  }
}
