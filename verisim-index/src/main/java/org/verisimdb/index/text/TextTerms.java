package org.verisimdb.index.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Text split into VQL terms once, by {@link VqlAnalyzer}, and replayed to the index as a token
 * stream. Analysing once serves both the field of the value and the combined text field, and
 * gives the exact length of each field (the live statistics of {@link LiveStatsSearcher} need it).
 * Stateless and thread-safe: the shared analyzer keeps its components per thread, and every
 * stream it hands out is consumed before the next one is asked for.
 */
final class TextTerms {
  /** Positions left empty between two values of one field, so that no phrase spans two values. */
  static final int VALUE_GAP = 100;

  private static final Analyzer ANALYZER = new VqlAnalyzer();

  private TextTerms() {}

  /** The analyzer of queries, highlights and indexing; never closed (it lives as long as the class). */
  static Analyzer analyzer() {
    return ANALYZER;
  }

  /** The VQL terms of {@code text}, in order, repeats kept. */
  static List<String> of(String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = ANALYZER.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a string cannot fail", e);
    }
    return terms;
  }

  /** A one-shot token stream of the terms of several values, {@link #VALUE_GAP} positions apart. */
  static TokenStream stream(List<List<String>> values) {
    return new Replay(values);
  }

  /** Replays analysed values; offsets are not indexed, so none are set. */
  private static final class Replay extends TokenStream {
    private final List<List<String>> values;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private int value;
    private int next;
    private boolean started;

    Replay(List<List<String>> values) {
      this.values = values;
    }

    @Override
    public boolean incrementToken() {
      clearAttributes();
      int gap = 0;
      while (value < values.size() && next == values.get(value).size()) {
        value++;
        next = 0;
        gap = VALUE_GAP;
      }
      if (value == values.size()) {
        return false;
      }
      term.setEmpty().append(values.get(value).get(next++));
      increment.setPositionIncrement(started ? 1 + gap : 1);
      started = true;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      value = 0;
      next = 0;
      started = false;
    }
  }
}
