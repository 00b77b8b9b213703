package org.verisimdb.vql;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fuzz target: {@code vql.fuzz.tries} random inputs (token soups, mutants of valid statements,
 * valid statements) through parser, checker and formatter; any exception fails. Skipped in the
 * default build (tries = 0); {@code ./mvnw -pl verisim-vql -Pfuzz test} runs a million. The seed
 * is printed and can be fixed with {@code -Dtests.seed=…}.
 */
class VqlFuzzTest {
  @Test
  void millionsOfInputsOnlyEverYieldDiagnostics() {
    long tries = Long.getLong("vql.fuzz.tries", 0);
    assumeThat(tries).as("fuzzing runs with -Pfuzz").isPositive();
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    QueryGen gen = new QueryGen(random);
    long started = System.nanoTime();
    long chars = 0;
    for (long i = 0; i < tries; i++) {
      String input = switch ((int) (i % 3)) {
        case 0 -> gen.soup();
        case 1 -> gen.mutant();
        default -> gen.statement();
      };
      chars += input.length();
      try {
        VqlPropertyTest.Robustness.survive(input);
      } catch (RuntimeException | AssertionError | StackOverflowError e) {
        throw new AssertionError("seed=" + seed + " input " + i + ": " + input, e);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("vql fuzz: %d inputs (%d characters) in %.1f s, seed %d, no exception%n", tries, chars, seconds, seed);
  }
}
