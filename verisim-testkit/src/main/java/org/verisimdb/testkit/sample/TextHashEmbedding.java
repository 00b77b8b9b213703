package org.verisimdb.testkit.sample;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic text embedding by feature hashing: the text is lower-cased and split into
 * tokens of letters and digits; each token (weight 1) and each pair of adjacent tokens (weight
 * ½) is hashed with 64-bit FNV-1a over its UTF-8 bytes to one dimension and a sign, and the sum
 * is scaled to unit length. Texts that share words share dimensions, so cosine similarity tracks
 * word overlap; it knows nothing of meaning. It stands in for a real model where the sample set
 * must be reproducible bit for bit without one.
 *
 * <p>The result is always a finite unit vector: a text without tokens (or whose tokens cancel
 * out) gets the fixed vector with every element {@code 1/√dimension}. Stateless and thread-safe.
 */
public final class TextHashEmbedding {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final double BIGRAM_WEIGHT = 0.5;

  private TextHashEmbedding() {}

  /** The model name stored with vectors of this dimension, e.g. {@code verisim-text-hash-384}. */
  public static String modelName(int dimension) {
    return "verisim-text-hash-" + dimension;
  }

  /** The unit-length embedding of {@code text} with {@code dimension} elements. */
  public static float[] embed(String text, int dimension) {
    if (text == null) {
      throw new IllegalArgumentException("text to embed must not be null; embed \"\" for no text");
    }
    if (dimension < 1) {
      throw new IllegalArgumentException("embedding dimension must be at least 1, got " + dimension);
    }
    double[] sum = new double[dimension];
    List<String> tokens = tokens(text);
    for (int i = 0; i < tokens.size(); i++) {
      add(sum, tokens.get(i), 1);
      if (i + 1 < tokens.size()) {
        add(sum, tokens.get(i) + ' ' + tokens.get(i + 1), BIGRAM_WEIGHT);
      }
    }
    double norm = 0;
    for (double v : sum) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    float[] out = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      out[i] = norm == 0 ? (float) (1 / Math.sqrt(dimension)) : (float) (sum[i] / norm);
    }
    return out;
  }

  /** The lower-cased runs of letters and digits of {@code text}, in order. */
  static List<String> tokens(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      boolean word = Character.isLetterOrDigit(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        tokens.add(lower.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      tokens.add(lower.substring(start));
    }
    return tokens;
  }

  private static void add(double[] sum, String feature, double weight) {
    long h = mix(fnv1a(feature.getBytes(StandardCharsets.UTF_8)));
    // The lowest bit chooses the sign and the other 63 the dimension, so the two are independent.
    int dimension = (int) Long.remainderUnsigned(h >>> 1, sum.length);
    sum[dimension] += (h & 1) == 0 ? weight : -weight;
  }

  static long fnv1a(byte[] bytes) {
    long h = FNV_OFFSET;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return h;
  }

  // FNV-1a's low bits mix poorly for short inputs; a SplitMix64 finaliser spreads every input bit.
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
