package org.verisimdb.index.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.Octad;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.value.Value;

class TextSearchTest {
  private static Octad doc(String id, String title, String body) {
    return TextFixture.octad(id, DocumentFacet.of(title, body));
  }

  private static Octad fields(String id, Map<String, Object> fields) {
    return TextFixture.octad(id, DocumentFacet.of(fields));
  }

  private static List<String> ids(IndexView view, TextQuery q) {
    return new TextSearch(view).search(q, null, 100).stream().map(h -> h.id().value()).toList();
  }

  @Test
  void updatesReplaceAndDeletesRemove() {
    try (TextFixture f = new TextFixture()) {
      f.put(doc("a", "Harbour lights", null), doc("b", "Harbour", "fog"));
      try (IndexView v = f.index.view()) {
        assertThat(ids(v, TextQuery.allTerms("harbour"))).containsExactlyInAnyOrder("a", "b");
      }
      f.put(doc("a", "Mountain lights", null));
      try (IndexView v = f.index.view()) {
        assertThat(ids(v, TextQuery.allTerms("harbour"))).containsExactly("b");
        assertThat(ids(v, TextQuery.allTerms("mountain"))).containsExactly("a");
        assertThat(ids(v, TextQuery.parse("title:harbour OR lights"))).containsExactlyInAnyOrder("a", "b");
      }
      f.delete("a");
      f.put(TextFixture.octad("b", null)); // b loses its document
      try (IndexView v = f.index.view()) {
        assertThat(ids(v, TextQuery.allTerms("mountain"))).isEmpty();
        assertThat(ids(v, TextQuery.allTerms("harbour"))).isEmpty();
        assertThat(ids(v, TextQuery.parse("NOT zebra"))).isEmpty();
        assertThat(new TextSearch(v).count(TextQuery.allTerms("lights"), null)).isZero();
      }
    }
  }

  @Test
  void bm25RanksTheDenserMatchFirstAndEqualScoresById() {
    try (TextFixture f = new TextFixture()) {
      f.put(doc("long", "notes", "harbour and a great many other words about ships, weather, tides and the town"),
          doc("short", "harbour", "harbour master"),
          doc("c", "same text", null), doc("a", "same text", null), doc("b", "same text", null),
          doc("none", "mountain", null));
      try (IndexView v = f.index.view()) {
        List<TextHit> hits = new TextSearch(v).search(TextQuery.allTerms("harbour"), null, 10);
        assertThat(hits).extracting(h -> h.id().value()).containsExactly("short", "long");
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score()).isPositive();
        List<TextHit> ties = new TextSearch(v).search(TextQuery.allTerms("same"), null, 10);
        assertThat(ties).extracting(h -> h.id().value()).containsExactly("a", "b", "c");
        assertThat(ties).extracting(TextHit::score).containsOnly(ties.getFirst().score());
        // The tie at the cut is decided by id too, not by which document Lucene saw first.
        assertThat(new TextSearch(v).search(TextQuery.allTerms("same"), null, 2)).isEqualTo(ties.subList(0, 2));
      }
    }
  }

  @Test
  void scoresDependOnTheLiveOctadsNotOnHowTheIndexGotThere() {
    Random random = new Random(42);
    String[] words = {"harbour", "lights", "fog", "ship", "tide", "town", "bell", "rope"};
    List<Octad> finals = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      StringBuilder body = new StringBuilder();
      for (int w = 0, n = 1 + random.nextInt(12); w < n; w++) {
        body.append(words[random.nextInt(words.length)]).append(' ');
      }
      finals.add(doc("d" + i, words[random.nextInt(words.length)], body.toString()));
    }
    try (TextFixture direct = new TextFixture(); TextFixture winding = new TextFixture()) {
      direct.put(finals.toArray(Octad[]::new));
      // The same final octads, reached through other versions, deletions and several segments.
      List<Octad> shuffled = new ArrayList<>(finals);
      Collections.shuffle(shuffled, random);
      for (int i = 0; i < shuffled.size(); i += 15) {
        // Each segment gets final octads beside drafts and temporaries that are later replaced or deleted.
        List<Octad> done = shuffled.subList(i, i + 5);
        List<Octad> later = shuffled.subList(i + 5, Math.min(shuffled.size(), i + 15));
        winding.put(done.toArray(Octad[]::new));
        winding.put(later.stream().map(o -> doc(o.id().value(), "draft harbour harbour", "old text fog fog fog")).toArray(Octad[]::new));
        winding.put(doc("tmp" + i, "harbour lights", "to be deleted"), doc("tmp" + (i + 1), "fog", "gone"));
        winding.index.view().close(); // flush a segment
        winding.put(later.toArray(Octad[]::new));
        winding.delete("tmp" + i, "tmp" + (i + 1));
        winding.index.view().close();
      }
      try (IndexView a = direct.index.view(); IndexView b = winding.index.view()) {
        assertThat(b.searcher().getIndexReader().hasDeletions()).as("the winding index keeps deleted documents").isTrue();
        for (String q : List.of("harbour", "fog", "lights ship", "title:tide", "\"harbour lights\"", "fog OR bell", "rop*", "harbor~1")) {
          List<TextHit> expected = new TextSearch(a).search(TextQuery.parse(q), null, 100);
          assertThat(expected).as(q).isNotEmpty();
          assertThat(new TextSearch(b).search(TextQuery.parse(q), null, 100)).as(q).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void typedFieldsCompareAsVqlDoes() {
    try (TextFixture f = new TextFixture()) {
      f.put(fields("i2020", Map.of("year", 2020L, "city", "Oslo", "open", true)),
          fields("r2020", Map.of("year", 2020.0, "city", "oslo", "open", false)),
          fields("r2020h", Map.of("year", 2020.5, "city", "Bergen")),
          fields("i1999", Map.of("year", 1999L, "city", "Oslo harbour")),
          fields("zero", Map.of("year", -0.0)),
          fields("big", Map.of("year", (1L << 53) + 1)),
          fields("text", Map.of("year", "2020")));
      try (IndexView v = f.index.view()) {
        assertThat(ids(v, TextQuery.fieldEquals("year", Value.of(2020)))).containsExactly("i2020", "r2020");
        assertThat(ids(v, TextQuery.fieldEquals("year", Value.of(2020.0)))).containsExactly("i2020", "r2020");
        assertThat(ids(v, TextQuery.fieldEquals("year", Value.of("2020")))).containsExactly("text");
        assertThat(ids(v, TextQuery.fieldEquals("year", Value.of(0.0)))).containsExactly("zero");
        assertThat(ids(v, TextQuery.fieldRange("year", Value.of(2000), Value.of(2020), true, false))).isEmpty();
        assertThat(ids(v, TextQuery.fieldRange("year", Value.of(2000), Value.of(2020), true, true))).containsExactly("i2020", "r2020");
        assertThat(ids(v, TextQuery.fieldRange("year", Value.of(2019.5), null, false, false))).containsExactly("big", "i2020", "r2020", "r2020h");
        assertThat(ids(v, TextQuery.fieldRange("year", Value.of(2020), null, false, true))).containsExactly("big", "r2020h");
        assertThat(ids(v, TextQuery.fieldRange("year", null, Value.of(-0.0), true, true))).containsExactly("zero");
        assertThat(ids(v, TextQuery.fieldRange("year", null, Value.of(0), true, false))).isEmpty();
        // 2^53 + 1 widens to 2^53: equal to the number 2^53, but not to the integer 2^53.
        assertThat(ids(v, TextQuery.fieldEquals("year", Value.of((double) (1L << 53))))).containsExactly("big");
        assertThat(ids(v, TextQuery.fieldEquals("year", Value.of(1L << 53)))).isEmpty();
        assertThat(ids(v, TextQuery.fieldEquals("city", Value.of("Oslo")))).containsExactly("i2020");
        assertThat(ids(v, TextQuery.fieldRange("city", Value.of("O"), Value.of("Oz"), true, true))).containsExactly("i1999", "i2020");
        assertThat(ids(v, TextQuery.fieldEquals("open", Value.of(false)))).containsExactly("r2020");
        assertThat(ids(v, TextQuery.parse("city:oslo"))).containsExactlyInAnyOrder("i2020", "r2020", "i1999");
        // A comparison filters without changing the text score.
        TextQuery text = TextQuery.allTerms("oslo");
        TextQuery both = new TextQuery.And(List.of(text, TextQuery.fieldRange("year", Value.of(2000), null, true, true)));
        List<TextHit> alone = new TextSearch(v).search(text, null, 10);
        assertThat(new TextSearch(v).search(both, null, 10))
            .isEqualTo(alone.stream().filter(h -> !h.id().value().equals("i1999")).toList());
      }
    }
  }

  @Test
  void longStringsKeepExactEquality() {
    String huge = "é".repeat(20_000); // 40,000 UTF-8 bytes: longer than a Lucene term
    try (TextFixture f = new TextFixture()) {
      f.put(fields("huge", Map.of("note", huge)), fields("other", Map.of("note", huge + "x")));
      try (IndexView v = f.index.view()) {
        assertThat(ids(v, TextQuery.fieldEquals("note", Value.of(huge)))).containsExactly("huge");
      }
    }
  }

  @Test
  void phrasesStayWithinOneValueAndFieldsTargetTheirOwnText() {
    try (TextFixture f = new TextFixture()) {
      f.put(doc("split", "New", "York harbour"), doc("whole", "Old town", "a new york harbour"),
          fields("tagged", Map.of("title", "plain", "tag", "new york")));
      try (IndexView v = f.index.view()) {
        assertThat(ids(v, TextQuery.parse("\"new york\""))).containsExactlyInAnyOrder("whole", "tagged");
        assertThat(ids(v, TextQuery.allTerms("new york"))).containsExactlyInAnyOrder("split", "whole", "tagged");
        assertThat(ids(v, TextQuery.parse("title:new"))).containsExactly("split");
        assertThat(ids(v, TextQuery.parse("tag:\"new york\""))).containsExactly("tagged");
        assertThat(ids(v, TextQuery.parse("body:new"))).containsExactly("whole");
        assertThat(ids(v, TextQuery.parse("harbour NOT title:new"))).containsExactly("whole");
      }
    }
  }

  @Test
  void fuzzyTermsAllowTheirEdits() {
    try (TextFixture f = new TextFixture()) {
      f.put(doc("a", "harbour", null), doc("b", "harbor", null), doc("c", "arbor", null));
      try (IndexView v = f.index.view()) {
        assertThat(ids(v, TextQuery.parse("harbour~0"))).containsExactly("a");
        assertThat(ids(v, TextQuery.parse("harbour~1"))).containsExactlyInAnyOrder("a", "b");
        assertThat(ids(v, TextQuery.parse("harbour~"))).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(ids(v, TextQuery.parse("hrabour~1"))).containsExactly("a"); // a transposition is one edit
      }
    }
  }

  @Test
  void aFilterFromAnotherModalityNarrowsTheHits() throws Exception {
    try (TextFixture f = new TextFixture()) {
      f.put(doc("a", "harbour", null), doc("b", "harbour", null));
      try (IndexView v = f.index.view()) {
        TermQuery onlyB = new TermQuery(new Term(IndexFields.ID, "b"));
        assertThat(new TextSearch(v).search(TextQuery.allTerms("harbour"), onlyB, 5)).extracting(h -> h.id().value()).containsExactly("b");
        assertThat(new TextSearch(v).count(TextQuery.allTerms("harbour"), onlyB)).isOne();
        assertThat(v.searcher().count(TextSearch.query(TextQuery.allTerms("harbour")))).isEqualTo(2);
      }
    }
  }

  @Test
  void kBelowOneIsInvalid() {
    try (TextFixture f = new TextFixture(); IndexView v = f.index.view()) {
      assertThatThrownBy(() -> new TextSearch(v).search(TextQuery.allTerms("x"), null, 0))
          .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEARCH));
    }
  }

  @Test
  void regexMatchesTitleBodyAndStringFieldsWithFlags() {
    DocumentFacet d = DocumentFacet.of(Map.of("title", "Old Harbour", "body", "first line\nsecond LINE", "code", "AB-123", "n", 5L));
    assertThat(TextRegex.compile("Harb", null).matches(d)).isTrue();
    assertThat(TextRegex.compile("harb", "").matches(d)).isFalse();
    assertThat(TextRegex.compile("harb", "i").matches(d)).isTrue();
    assertThat(TextRegex.compile("^second", null).matches(d)).isFalse();
    assertThat(TextRegex.compile("^second", "m").matches(d)).isTrue();
    assertThat(TextRegex.compile("line.second", null).matches(d)).isFalse();
    assertThat(TextRegex.compile("line.second", "s").matches(d)).isTrue();
    assertThat(TextRegex.compile("[A-Z]{2}-\\d+", null).matches(d)).isTrue();
    assertThat(TextRegex.compile("^5$", null).matches(d)).isFalse(); // numbers are not text
    assertThatThrownBy(() -> TextRegex.compile("ab(c", null)).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEARCH);
      assertThat(e.getMessage()).contains("at character 5"); // where the group should have closed
    });
    assertThatThrownBy(() -> TextRegex.compile("a", "x")).isInstanceOf(VeriSimException.class).hasMessageContaining("unknown regex flag 'x'");
    assertThatThrownBy(() -> TextRegex.compile("a", "ii")).isInstanceOf(VeriSimException.class).hasMessageContaining("twice");
  }
}
