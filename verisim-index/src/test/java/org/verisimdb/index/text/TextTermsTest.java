package org.verisimdb.index.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class TextTermsTest {
  private static final String[] PIECES = {
      "a", "Z", "é", "É", "ß", "İ", "ı", "Σ", "ς", "ǅ", "Ⅻ", "٣", "x1", " ", ",", "-", "'", "\n", "\t", "_", "😀", "𝔸", "𐐀", "\u00AD", "ﬁ"};

  private static List<String> analyser(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void splittingHereAgreesWithTheAnalyzer() throws IOException {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    try (Analyzer analyzer = new VqlAnalyzer()) {
      for (int i = 0; i < 3000; i++) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(30); n > 0; n--) {
          s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        if (random.nextInt(20) == 0) {
          s.append("q".repeat(VqlAnalyzer.MAX_TERM_LENGTH - 2 + random.nextInt(5))); // around the longest term
        }
        String text = s.toString();
        assertThat(TextTerms.of(text)).as("seed=%d text=%s", seed, text).isEqualTo(analyser(analyzer, text));
      }
    }
  }

  @Test
  void quickTermTestNeverAcceptsANonTerm() throws IOException {
    try (Analyzer analyzer = new VqlAnalyzer()) {
      for (String s : List.of("abc", "ÉLAN", "élan", "x1", "a b", "", "ß", "ı", "İ", "😀a")) {
        if (TextTerms.isTerm(s)) {
          assertThat(analyser(analyzer, s)).as(s).containsExactly(s);
        }
      }
    }
  }
}
