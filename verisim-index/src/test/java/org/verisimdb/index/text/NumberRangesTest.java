package org.verisimdb.index.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.value.Value;

class NumberRangesTest {
  @Test
  void firstAboveIsTheFirstLongWhoseDoubleClearsTheBound() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    double[] fixed = {0.0, -0.0, 0.5, -0.5, 2.5, 1e300, -1e300, 9.2e18, -9.3e18, 0x1p53, 0x1p53 + 2, -0x1p53, 0x1p63, -0x1p63, 0x1p62 + 1024};
    for (double b : fixed) {
      check(b, seed);
    }
    for (int i = 0; i < 2000; i++) {
      long near = switch (random.nextInt(4)) {
        case 0 -> (1L << 53) + random.nextInt(64) - 32;
        case 1 -> Long.MAX_VALUE - random.nextInt(5000);
        case 2 -> Long.MIN_VALUE + random.nextInt(5000);
        default -> random.nextLong();
      };
      check((double) near, seed);
      check(Math.nextUp((double) near), seed);
      check(Math.nextDown((double) near), seed);
    }
  }

  private static void check(double b, long seed) {
    for (boolean strict : new boolean[] {false, true}) {
      String where = "seed=" + seed + " b=" + b + " strict=" + strict;
      if (!NumberRanges.exists(b, strict)) {
        assertThat(strict ? (double) Long.MAX_VALUE > b : (double) Long.MAX_VALUE >= b).as(where).isFalse();
        continue;
      }
      long first = NumberRanges.firstAbove(b, strict);
      assertThat(strict ? (double) first > b : (double) first >= b).as(where).isTrue();
      if (first != Long.MIN_VALUE) {
        assertThat(strict ? (double) (first - 1) > b : (double) (first - 1) >= b).as(where).isFalse();
      }
    }
  }

  @Test
  void longBoundsFollowIntegerAndWidenedComparisons() {
    assertThat(NumberRanges.longBounds(Value.of(3), true, Value.of(5), false)).containsExactly(3, 4);
    assertThat(NumberRanges.longBounds(Value.of(2.5), true, Value.of(5.0), true)).containsExactly(3, 5);
    assertThat(NumberRanges.longBounds(Value.of(2.0), false, null, true)).containsExactly(3, Long.MAX_VALUE);
    assertThat(NumberRanges.longBounds(Value.of(Long.MAX_VALUE), false, null, true)).isNull();
    assertThat(NumberRanges.longBounds(null, true, Value.of(Long.MIN_VALUE), false)).isNull();
    assertThat(NumberRanges.longBounds(Value.of(1e300), true, null, true)).isNull();
    assertThat(NumberRanges.longBounds(null, true, Value.of(-1e300), true)).isNull();
    assertThat(NumberRanges.longBounds(Value.of(0.5), true, Value.of(0.6), true)).isNull();
  }
}
