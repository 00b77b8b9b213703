package org.verisimdb.vql.diag;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean …?" suggestions (VQL.md §4.5): the candidate closest to a word by
 * Damerau-Levenshtein distance (optimal string alignment) of at most 2, compared
 * case-insensitively; ties go to the alphabetically first. verisim-model has the same rule, but
 * this module depends on nothing, so it keeps its own copy.
 */
public final class Hints {
  static final int MAX_DISTANCE = 2;

  private Hints() {}

  /** The closest candidate within distance 2, or null. */
  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = MAX_DISTANCE + 1;
    String lower = word.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= MAX_DISTANCE ? best : null;
  }

  /** "did you mean X?" or null. */
  public static String didYouMean(String word, Collection<String> candidates) {
    String best = closest(word, candidates);
    return best == null ? null : "did you mean " + best + "?";
  }

  /** Optimal string alignment distance; anything above 2 is reported as 3. */
  static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > MAX_DISTANCE) {
      return MAX_DISTANCE + 1;
    }
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, d[i - 2][j - 2] + 1);
        }
        d[i][j] = value;
      }
    }
    return d[n][m];
  }
}
