package org.verisimdb.index.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;

/**
 * Random documents over a small vocabulary and random queries (terms, phrases, prefixes, AND, OR,
 * NOT, field targets), written as query strings and parsed: the index must find exactly the octads
 * a brute-force scan finds, through updates and deletes, and its top k must be the first k of its
 * full ranking. Replay a failure with {@code -Dtests.seed=<seed>}.
 */
class TextSearchPropertyTest {
  private static final String[] WORDS = {
      "alpha", "alpine", "alps", "beta", "bet", "gamma", "gam", "delta", "epsilon", "zeta", "eta", "theta", "x1", "2026", "Élan", "élite"};
  private static final String[] SEPARATORS = {" ", " ", " ", ", ", "-", ". ", "!\n", " (", ") ", "_", "'"};
  private static final String[] FIELDS = {"title", "body", "tag", "venue.city"};

  private final long seed = Long.getLong("tests.seed", System.nanoTime());
  private final Random random = new Random(seed);

  @Test
  void hitsEqualABruteForceScanThroughUpdatesAndDeletes() {
    Map<String, DocumentFacet> live = new TreeMap<>();
    try (TextFixture fixture = new TextFixture()) {
      for (int round = 0; round < 4; round++) {
        List<Octad> batch = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
          String id = "o" + random.nextInt(150);
          DocumentFacet doc = random.nextInt(8) == 0 ? null : document();
          batch.add(TextFixture.octad(id, doc));
          live.put(id, doc);
        }
        fixture.put(batch.toArray(Octad[]::new));
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          gone.add("o" + random.nextInt(150));
        }
        fixture.delete(gone.toArray(String[]::new));
        gone.forEach(live::remove);
        try (IndexView view = fixture.index.view()) {
          TextSearch search = new TextSearch(view);
          for (int q = 0; q < 150; q++) {
            check(search, live, round, q);
          }
        }
      }
    }
  }

  private void check(TextSearch search, Map<String, DocumentFacet> live, int round, int q) {
    Gen query = query(3);
    String where = "seed=" + seed + " round=" + round + " query#" + q + " '" + query.text() + "'";
    TextQuery parsed = TextQuery.parse(query.text());
    Set<String> expected = new TreeSet<>();
    live.forEach((id, doc) -> {
      if (doc != null && query.reference().matches(doc, null)) {
        expected.add(id);
      }
    });
    List<TextHit> all = search.search(parsed, null, 1000);
    Set<String> found = all.stream().map(h -> h.id().value()).collect(Collectors.toCollection(TreeSet::new));
    assertThat(found).as(where).isEqualTo(expected);
    assertThat(all).as(where).hasSameSizeAs(expected);
    assertThat(search.count(parsed, null)).as(where).isEqualTo(expected.size());
    assertThat(all).as(where).isSortedAccordingTo(Comparator.comparingDouble((TextHit h) -> -h.score()).thenComparing(TextHit::id));
    int k = 1 + random.nextInt(8);
    assertThat(search.search(parsed, null, k)).as(where + " k=" + k).isEqualTo(all.subList(0, Math.min(k, all.size())));
  }

  // ---- random documents

  private DocumentFacet document() {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String name : FIELDS) {
      if (random.nextInt(3) > 0) {
        fields.put(name, text(random.nextInt(name.equals("body") ? 14 : 5)));
      }
    }
    if (fields.isEmpty() || random.nextInt(6) == 0) {
      fields.put("year", 1990L + random.nextInt(40)); // not text: never matched by terms
    }
    return DocumentFacet.of(fields);
  }

  private String text(int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = WORDS[random.nextInt(WORDS.length)];
      s.append(random.nextInt(4) == 0 ? w.toUpperCase(java.util.Locale.ROOT) : w);
      s.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
    }
    return s.toString();
  }

  // ---- random queries: the text to parse and the reference that evaluates it

  /** A query as text and as the reference predicate it must mean. */
  private record Gen(String text, Ref reference) {}

  /** The meaning of a query on one document, by brute force; field null means every string field. */
  private interface Ref {
    boolean matches(DocumentFacet doc, String field);
  }

  private Gen query(int depth) {
    int pick = random.nextInt(depth == 0 ? 4 : 8);
    return switch (pick) {
      case 0, 1 -> {
        String w = word();
        yield new Gen(w, (doc, field) -> values(doc, field).stream().anyMatch(v -> Reference.terms(v).contains(w.toLowerCase(java.util.Locale.ROOT))));
      }
      case 2 -> {
        List<String> phrase = List.of(word(), word());
        yield new Gen("\"" + String.join(" ", phrase) + "\"", (doc, field) -> values(doc, field).stream()
            .anyMatch(v -> Reference.containsRun(Reference.terms(v), phrase.stream().map(p -> p.toLowerCase(java.util.Locale.ROOT)).toList())));
      }
      case 3 -> {
        String w = word().toLowerCase(java.util.Locale.ROOT);
        String prefix = w.substring(0, Math.min(w.length(), 1 + random.nextInt(3)));
        yield new Gen(prefix + "*", (doc, field) -> values(doc, field).stream()
            .anyMatch(v -> Reference.terms(v).stream().anyMatch(t -> t.startsWith(prefix))));
      }
      case 4 -> {
        Gen a = query(depth - 1);
        Gen b = query(depth - 1);
        yield new Gen("(" + a.text() + ") AND (" + b.text() + ")", (doc, field) -> a.reference().matches(doc, field) && b.reference().matches(doc, field));
      }
      case 5 -> {
        Gen a = query(depth - 1);
        Gen b = query(depth - 1);
        yield new Gen("(" + a.text() + ") OR (" + b.text() + ")", (doc, field) -> a.reference().matches(doc, field) || b.reference().matches(doc, field));
      }
      case 6 -> {
        Gen a = query(depth - 1);
        yield new Gen("NOT (" + a.text() + ")", (doc, field) -> !a.reference().matches(doc, field));
      }
      default -> {
        // A field around a group: every term inside searches that field only.
        String name = FIELDS[random.nextInt(FIELDS.length)];
        Gen a = query(0);
        yield new Gen(name + ":(" + a.text() + ")", (doc, field) -> a.reference().matches(doc, name));
      }
    };
  }

  private String word() {
    String w = WORDS[random.nextInt(WORDS.length)];
    return random.nextBoolean() ? w : w.toUpperCase(java.util.Locale.ROOT);
  }

  private static List<String> values(DocumentFacet doc, String field) {
    List<String> out = new ArrayList<>();
    doc.fields().forEach((name, value) -> {
      if ((field == null || field.equals(name)) && value instanceof org.verisimdb.model.value.Value.Str(String s)) {
        out.add(s);
      }
    });
    return out;
  }

  @Test
  void theReferenceSplitsAsVqlSays() {
    assertThat(Reference.terms("Élan, x1-ALPHA!beta 2026")).containsExactly("élan", "x1", "alpha", "beta", "2026");
    assertThat(Reference.containsRun(List.of("a", "b", "c"), List.of("b", "c"))).isTrue();
    assertThat(Reference.containsRun(List.of("a", "b", "c"), List.of("a", "c"))).isFalse();
    assertThat(TextTerms.of("Élan, x1-ALPHA!beta 2026")).isEqualTo(Reference.terms("Élan, x1-ALPHA!beta 2026"));
    assertThat(OctadId.of("o1")).isNotNull();
  }

  /** VQL §6.2 terms written out directly, independent of Lucene. */
  static final class Reference {
    static List<String> terms(String text) {
      List<String> out = new ArrayList<>();
      StringBuilder term = new StringBuilder();
      text.codePoints().forEach(cp -> {
        if (Character.isLetterOrDigit(cp)) {
          term.appendCodePoint(Character.toLowerCase(cp));
        } else if (!term.isEmpty()) {
          out.add(term.toString());
          term.setLength(0);
        }
      });
      if (!term.isEmpty()) {
        out.add(term.toString());
      }
      return out;
    }

    static boolean containsRun(List<String> terms, List<String> run) {
      for (int i = 0; i + run.size() <= terms.size(); i++) {
        if (terms.subList(i, i + run.size()).equals(run)) {
          return true;
        }
      }
      return false;
    }
  }
}
