package org.verisimdb.model.error;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?" suggestions: the candidate closest to a misspelt word, by optimal string
 * alignment (Damerau-Levenshtein without repeated edits of one substring), compared
 * case-insensitively. Only candidates at distance 2 or less are suggested; ties go to the
 * alphabetically first, so the hint for a given input never changes.
 */
public final class Hints {
  static final int MAX_DISTANCE = 2;

  private Hints() {}

  /** The closest candidate within distance 2, if any. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = MAX_DISTANCE + 1;
    String lowerWord = word.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      int distance = distance(lowerWord, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= MAX_DISTANCE ? Optional.of(best) : Optional.empty();
  }

  /** "; did you mean X?" or the empty string, ready to append to a message. */
  public static String didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> "; did you mean " + c + "?").orElse("");
  }

  /** Optimal string alignment distance between two strings. */
  static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > MAX_DISTANCE) {
      return MAX_DISTANCE + 1; // cannot be within range; skip the table
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
