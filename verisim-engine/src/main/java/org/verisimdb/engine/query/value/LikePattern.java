package org.verisimdb.engine.query.value;

import java.util.Arrays;

/**
 * A LIKE pattern (VQL.md §6.1): it must match the whole string; {@code %} matches any sequence of
 * code points, {@code _} exactly one, {@code \} makes the next character literal (a trailing
 * {@code \} is itself literal); everything else matches itself, case-sensitively. Immutable.
 */
final class LikePattern {
  private static final int ANY_SEQUENCE = -1;
  private static final int ANY_ONE = -2;

  /** Code points to match literally, or ANY_SEQUENCE or ANY_ONE. */
  private final int[] tokens;

  private LikePattern(int[] tokens) {
    this.tokens = tokens;
  }

  static LikePattern compile(String pattern) {
    int[] points = pattern.codePoints().toArray();
    int[] tokens = new int[points.length];
    int n = 0;
    for (int i = 0; i < points.length; i++) {
      int c = points[i];
      if (c == '\\' && i + 1 < points.length) {
        tokens[n++] = points[++i];
      } else if (c == '%') {
        if (n == 0 || tokens[n - 1] != ANY_SEQUENCE) { // %% is %, and keeps backtracking linear
          tokens[n++] = ANY_SEQUENCE;
        }
      } else {
        tokens[n++] = c == '_' ? ANY_ONE : c;
      }
    }
    return new LikePattern(Arrays.copyOf(tokens, n));
  }

  /**
   * Whether the whole of {@code text} matches. Greedy with backtracking to the last {@code %}
   * only, which is enough for {@code %} and {@code _}: O(text × pattern) at worst.
   */
  boolean matches(String text) {
    int[] s = text.codePoints().toArray();
    int i = 0;
    int p = 0;
    int starP = -1;
    int starI = 0;
    while (i < s.length) {
      if (p < tokens.length && (tokens[p] == ANY_ONE || tokens[p] == s[i])) {
        i++;
        p++;
      } else if (p < tokens.length && tokens[p] == ANY_SEQUENCE) {
        starP = p++;
        starI = i;
      } else if (starP >= 0) {
        p = starP + 1;
        i = ++starI;
      } else {
        return false;
      }
    }
    while (p < tokens.length && tokens[p] == ANY_SEQUENCE) {
      p++;
    }
    return p == tokens.length;
  }
}
