package org.verisimdb.testkit.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Small pieces of English the sample texts are assembled from. Stateless and thread-safe. */
final class Prose {
  private Prose() {}

  /** "A", "A and B", "A, B and C". */
  static String list(List<String> items) {
    return switch (items.size()) {
      case 0 -> "";
      case 1 -> items.getFirst();
      default -> String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    };
  }

  /** "a" or "an" before {@code word}, by its first letter. */
  static String article(String word) {
    return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " + word : "a " + word;
  }

  /** A number with thousands separators: 285,900. */
  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** "60.39° N, 5.32° E". */
  static String position(double lat, double lon) {
    return String.format(Locale.ROOT, "%.2f° %s, %.2f° %s", Math.abs(lat), lat < 0 ? "S" : "N", Math.abs(lon), lon < 0 ? "W" : "E");
  }

  static LocalDate date(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  /** {@code want} distinct terms of a topic, in a random order. */
  static List<String> terms(Words.Topic topic, int want, SplittableRandom random) {
    List<String> pool = new ArrayList<>(topic.terms());
    List<String> chosen = new ArrayList<>(want);
    for (int i = 0; i < want && !pool.isEmpty(); i++) {
      chosen.add(pool.remove(random.nextInt(pool.size())));
    }
    return chosen;
  }

  /** The first letter in upper case, for words that start a sentence. */
  static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
