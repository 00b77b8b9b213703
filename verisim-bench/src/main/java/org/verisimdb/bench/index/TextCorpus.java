package org.verisimdb.bench.index;

import java.util.Arrays;
import java.util.Random;

/**
 * Generated text for the text benchmark: a vocabulary of made-up words of two to four syllables,
 * drawn with Zipf's law (the word of rank r with weight 1/(r+1)), so a few words are in most
 * documents and most words in few, as in natural text. Deterministic for a seed. Not thread-safe.
 */
final class TextCorpus {
  private static final String[] SYLLABLES = {
      "ka", "ri", "to", "ne", "sa", "mu", "lo", "vi", "de", "ha", "po", "ze", "gu", "fi", "ba", "xo",
      "ly", "qua", "tre", "sno", "pla", "dri", "wen", "mor"};

  private final String[] words;
  private final double[] cumulative;
  private final Random random;

  TextCorpus(int vocabulary, long seed) {
    this.random = new Random(seed);
    java.util.LinkedHashSet<String> unique = new java.util.LinkedHashSet<>();
    while (unique.size() < vocabulary) {
      StringBuilder w = new StringBuilder();
      for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) {
        w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      unique.add(w.toString());
    }
    words = unique.toArray(String[]::new);
    cumulative = new double[vocabulary];
    double sum = 0;
    for (int r = 0; r < vocabulary; r++) {
      sum += 1.0 / (r + 1);
      cumulative[r] = sum;
    }
    for (int r = 0; r < vocabulary; r++) {
      cumulative[r] /= sum;
    }
  }

  /** A word drawn by frequency. */
  String word() {
    int i = Arrays.binarySearch(cumulative, random.nextDouble());
    return words[Math.min(words.length - 1, i < 0 ? -i - 1 : i)];
  }

  /** The word of frequency rank {@code rank} (0: the most frequent). */
  String rank(int rank) {
    return words[rank];
  }

  /** {@code n} words drawn by frequency, separated by spaces, with a full stop now and then. */
  String text(int n) {
    StringBuilder s = new StringBuilder(n * 8);
    for (int i = 0; i < n; i++) {
      s.append(word()).append(random.nextInt(12) == 0 ? ". " : " ");
    }
    return s.toString();
  }

  int size() {
    return words.length;
  }

  Random random() {
    return random;
  }
}
