package org.verisimdb.engine.query.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.verisimdb.vql.ast.Value;

/**
 * Random run-time values of every kind for property tests, drawn from small pools so that equal
 * and near-equal values (2 and 2.0, a string and the UUID of the same text, -0.0 and 0.0, large
 * longs next to the doubles they round to, surrogate pairs next to U+FFFF) meet often.
 */
final class RandomValues {
  private static final long[] LONGS = {0, 1, -1, 2, 3, 1L << 53, (1L << 53) + 1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1};
  private static final double[] DOUBLES = {0.0, -0.0, 1.0, 2.0, 2.5, -1.5, 0x1p53, 0x1p63, -0x1p63, 1e300, -1e300, 0.1};
  private static final String[] STRINGS = {"", "a", "b", "ab", "B", "\uFFFF", "\uD83D\uDE00", "a\uD83D\uDE00", "\uE000", "é"};

  private final Random random;

  RandomValues(Random random) {
    this.random = random;
  }

  Value any() {
    return value(2);
  }

  Value scalar() {
    return value(0);
  }

  private Value value(int depth) {
    int kinds = depth > 0 ? 10 : 8;
    return switch (random.nextInt(kinds)) {
      case 0 -> Value.NULL;
      case 1 -> random.nextBoolean() ? Value.TRUE : Value.FALSE;
      case 2 -> new Value.Int(random.nextInt(3) == 0 ? random.nextLong() : LONGS[random.nextInt(LONGS.length)]);
      case 3 -> new Value.Flt(random.nextInt(3) == 0 ? random.nextDouble() * 4 - 2 : DOUBLES[random.nextInt(DOUBLES.length)]);
      case 4 -> new Value.Str(STRINGS[random.nextInt(STRINGS.length)]);
      case 5 -> new Value.Uuid(STRINGS[random.nextInt(STRINGS.length)]);
      case 6 -> new Value.Time(1_700_000_000L + random.nextInt(3), random.nextInt(3));
      case 7 -> new Value.Str("2023-11-14T22:13:2" + random.nextInt(3) + "Z");
      case 8 -> {
        List<Value> elements = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          elements.add(value(depth - 1));
        }
        yield new Value.Arr(elements);
      }
      default -> {
        Map<String, Value> members = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of("a", "b", "c"));
        Collections.shuffle(names, random);
        for (int i = random.nextInt(names.size() + 1) - 1; i >= 0; i--) {
          members.put(names.get(i), value(depth - 1));
        }
        yield new Value.Obj(members);
      }
    };
  }
}
