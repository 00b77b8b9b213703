package org.verisimdb.index.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.value.Value;

/**
 * Highlighted passages of a document for a {@link TextQuery}, made by Lucene's unified highlighter
 * from the document itself (the index stores no text): each string field the query searches is
 * analysed again and cut into sentences (root locale rules), and the sentences holding matches
 * are returned as passages with every match between two marks (a phrase as one match).
 * Terms under NOT and field comparisons mark nothing; only the first {@value #MAX_CHARS}
 * characters of a value are searched for matches. Immutable and thread-safe.
 */
public final class Snippets {
  /** Marks matches with {@code <b>} and {@code </b>}, the rest of the text HTML-escaped. */
  public static final Snippets HTML = new Snippets("<b>", "</b>", true);

  static final int MAX_CHARS = 1 << 20;
  // The field name under which a value is highlighted; any constant will do, as the query is rewritten onto it.
  private static final String FIELD = "h";

  private final String open;
  private final String close;
  private final boolean escapeHtml;
  private final UnifiedHighlighter highlighter;

  private Snippets(String open, String close, boolean escapeHtml) {
    this.open = open;
    this.close = close;
    this.escapeHtml = escapeHtml;
    this.highlighter = UnifiedHighlighter.builderWithoutSearcher(TextTerms.analyzer())
        .withMaxNoHighlightPassages(0)
        .withHandleMultiTermQuery(true)
        .withHighlightPhrasesStrictly(true)
        .withMaxLength(MAX_CHARS)
        .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ROOT))
        .withFormatter(new Marker())
        .build();
  }

  /** Snippets that put {@code open} before and {@code close} after every match, HTML-escaping the text or not. */
  public static Snippets marking(String open, String close, boolean escapeHtml) {
    if (open == null || close == null) {
      throw new IllegalArgumentException("marks must not be null");
    }
    return new Snippets(open, close, escapeHtml);
  }

  /** Up to {@code maxPassages} passages of {@code document} matching {@code query}, marked as {@link #HTML} does. */
  public static List<Snippet> highlight(TextQuery query, DocumentFacet document, int maxPassages) {
    return HTML.passages(query, document, maxPassages);
  }

  /**
   * Up to {@code maxPassages} passages of {@code document} with the matches of {@code query}
   * marked: the title's first, then the body's, then other string fields' by name; within a
   * field, in text order. Empty when nothing in the document matches.
   */
  public List<Snippet> passages(TextQuery query, DocumentFacet document, int maxPassages) {
    if (maxPassages < 1) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "max_passages", "ask for at least one passage, not " + maxPassages);
    }
    List<String> names = new ArrayList<>();
    for (String fixed : List.of(DocumentFacet.TITLE, DocumentFacet.BODY)) {
      if (document.field(fixed) != null) {
        names.add(fixed);
      }
    }
    for (Map.Entry<String, Value> e : document.fields().entrySet()) {
      if (e.getValue() instanceof Value.Str && !names.contains(e.getKey())) {
        names.add(e.getKey());
      }
    }
    List<Snippet> out = new ArrayList<>();
    for (String name : names) {
      Query q = onField(query, name);
      if (q == null || out.size() == maxPassages) {
        continue;
      }
      String text = ((Value.Str) document.field(name)).value();
      for (String passage : highlight(q, text, maxPassages - out.size())) {
        out.add(new Snippet(name, passage));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<String> highlight(Query q, String text, int max) {
    try {
      Object passages = highlighter.highlightWithoutSearcher(FIELD, q, text, max);
      return passages == null ? List.of() : (List<String>) passages;
    } catch (IOException e) {
      throw new UncheckedIOException("highlighting a string cannot fail", e);
    }
  }

  /** The positive text clauses of {@code q} that search field {@code name}, moved onto {@link #FIELD}; null when none. */
  static Query onField(TextQuery q, String name) {
    return switch (q) {
      case TextQuery.Term t -> applies(t.field(), name) ? new TermQuery(new Term(FIELD, t.term())) : null;
      case TextQuery.Phrase p -> applies(p.field(), name) ? new PhraseQuery(FIELD, p.terms().toArray(String[]::new)) : null;
      case TextQuery.Prefix p -> applies(p.field(), name) ? new PrefixQuery(new Term(FIELD, p.prefix())) : null;
      case TextQuery.Fuzzy f -> applies(f.field(), name)
          ? new FuzzyQuery(new Term(FIELD, f.term()), f.maxEdits(), 0, TextQueries.FUZZY_EXPANSIONS, true) : null;
      case TextQuery.And a -> any(a.clauses(), name);
      case TextQuery.Or o -> any(o.clauses(), name);
      case TextQuery.Not n -> null;
      case TextQuery.FieldEquals e -> null;
      case TextQuery.FieldRange r -> null;
    };
  }

  private static boolean applies(String field, String name) {
    return field == null || field.equals(name);
  }

  private static Query any(List<TextQuery> clauses, String name) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    for (TextQuery clause : clauses) {
      Query q = onField(clause, name);
      if (q != null) {
        b.add(q, BooleanClause.Occur.SHOULD);
        n++;
      }
    }
    return n == 0 ? null : b.build();
  }

  /** Formats each passage on its own, matches between the marks. */
  private final class Marker extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<String> out = new ArrayList<>(passages.length);
      for (Passage p : passages) {
        StringBuilder s = new StringBuilder();
        int pos = p.getStartOffset();
        for (int i = 0; i < p.getNumMatches(); i++) {
          int start = p.getMatchStarts()[i];
          int end = p.getMatchEnds()[i];
          if (start > pos) {
            append(s, content, pos, start);
          }
          if (end > pos) {
            s.append(open);
            append(s, content, Math.max(pos, start), end);
            s.append(close);
            pos = end;
          }
        }
        append(s, content, pos, Math.max(pos, p.getEndOffset()));
        out.add(s.toString().strip());
      }
      return out;
    }

    private void append(StringBuilder s, String content, int from, int to) {
      if (!escapeHtml) {
        s.append(content, from, to);
        return;
      }
      for (int i = from; i < to; i++) {
        char c = content.charAt(i);
        switch (c) {
          case '<' -> s.append("&lt;");
          case '>' -> s.append("&gt;");
          case '&' -> s.append("&amp;");
          case '"' -> s.append("&quot;");
          case '\'' -> s.append("&#x27;");
          default -> s.append(c);
        }
      }
    }
  }
}
