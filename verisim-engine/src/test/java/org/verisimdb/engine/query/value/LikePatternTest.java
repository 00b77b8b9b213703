package org.verisimdb.engine.query.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** LIKE matching against the same pattern translated to a regular expression, on random input. */
class LikePatternTest {
  private static final String ALPHABET = "ab%_\\";

  @Test
  void agreesWithTheEquivalentRegularExpression() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      String pattern = word(random, 6);
      String text = word(random, 8);
      boolean expected = Pattern.compile(regex(pattern), Pattern.DOTALL).matcher(text).matches();
      assertThat(LikePattern.compile(pattern).matches(text)).as("seed=%d '%s' LIKE '%s'", seed, text, pattern).isEqualTo(expected);
    }
  }

  @Test
  void underscoreIsOneCodePointAndLineBreaksAreOrdinary() {
    assertThat(LikePattern.compile("a_c").matches("a\uD83D\uDE00c")).isTrue();
    assertThat(LikePattern.compile("a__c").matches("a\uD83D\uDE00c")).isFalse();
    assertThat(LikePattern.compile("a%c").matches("a\nb\nc")).isTrue();
    assertThat(LikePattern.compile("%%").matches("")).isTrue();
  }

  private static String word(Random random, int maxLength) {
    StringBuilder s = new StringBuilder();
    for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  // The reference translation: % is .*, _ is ., \ quotes the next character, a trailing \ itself.
  private static String regex(String like) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        out.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        out.append(".*");
      } else if (c == '_') {
        out.append('.');
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }
}
