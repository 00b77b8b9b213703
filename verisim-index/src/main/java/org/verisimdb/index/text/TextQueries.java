package org.verisimdb.index.text;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.model.Modality;
import org.verisimdb.model.value.Value;

/**
 * Translates a {@link TextQuery} to the Lucene query over {@link TextFields}. Text clauses score
 * by BM25 (prefixes by a constant 1, fuzzy terms by their blended BM25); field comparisons only
 * filter and add nothing to the score. A negation matches octads that have a document and do not
 * match the negated query. Stateless.
 */
final class TextQueries {
  /** Most terms a fuzzy term expands to: the closest ones, as Lucene ranks them. */
  static final int FUZZY_EXPANSIONS = 64;

  private static final Query HAS_DOCUMENT = new TermQuery(new Term(IndexFields.MODALITIES, Modality.DOCUMENT.wireName()));

  private TextQueries() {}

  static Query of(TextQuery q) {
    return switch (q) {
      case TextQuery.Term t -> new TermQuery(new Term(TextFields.textField(t.field()), t.term()));
      case TextQuery.Phrase p -> new PhraseQuery(TextFields.textField(p.field()), p.terms().toArray(String[]::new));
      case TextQuery.Prefix p -> new PrefixQuery(new Term(TextFields.textField(p.field()), p.prefix()));
      case TextQuery.Fuzzy f -> new FuzzyQuery(new Term(TextFields.textField(f.field()), f.term()), f.maxEdits(), 0, FUZZY_EXPANSIONS, true);
      case TextQuery.And a -> and(a);
      case TextQuery.Or o -> or(o);
      case TextQuery.Not n -> new BooleanQuery.Builder()
          .add(HAS_DOCUMENT, BooleanClause.Occur.FILTER)
          .add(of(n.clause()), BooleanClause.Occur.MUST_NOT)
          .build();
      case TextQuery.FieldEquals e -> unscored(equal(e.field(), e.value()));
      case TextQuery.FieldRange r -> unscored(range(r));
    };
  }

  private static Query and(TextQuery.And and) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean positive = false;
    for (TextQuery clause : and.clauses()) {
      switch (clause) {
        case TextQuery.Not n -> b.add(of(n.clause()), BooleanClause.Occur.MUST_NOT);
        case TextQuery.FieldEquals e -> {
          b.add(equal(e.field(), e.value()), BooleanClause.Occur.FILTER);
          positive = true;
        }
        case TextQuery.FieldRange r -> {
          b.add(range(r), BooleanClause.Occur.FILTER);
          positive = true;
        }
        default -> {
          b.add(of(clause), BooleanClause.Occur.MUST);
          positive = true;
        }
      }
    }
    if (!positive) {
      b.add(HAS_DOCUMENT, BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private static Query or(TextQuery.Or or) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (TextQuery clause : or.clauses()) {
      b.add(of(clause), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  private static Query equal(String field, Value value) {
    return switch (value) {
      case Value.Str(String s) -> new TermQuery(new Term(TextFields.KEYWORD + field, TextFields.keyword(s)));
      case Value.Bool(boolean v) -> new TermQuery(new Term(TextFields.BOOL + field, Boolean.toString(v)));
      case Value.Int i -> NumberRanges.equal(field, i);
      case Value.Real r -> NumberRanges.equal(field, r);
      default -> throw new IllegalArgumentException("FieldEquals admits scalars only: " + value);
    };
  }

  private static Query range(TextQuery.FieldRange r) {
    if (r.numeric()) {
      return NumberRanges.range(r.field(), r.min(), r.minInclusive(), r.max(), r.maxInclusive());
    }
    return new TermRangeQuery(TextFields.KEYWORD + r.field(), r.min() instanceof Value.Str(String s) ? TextFields.keyword(s) : null,
        r.max() instanceof Value.Str(String s) ? TextFields.keyword(s) : null, r.minInclusive(), r.maxInclusive());
  }

  // Comparisons select, they do not rank: a zero boost keeps them out of the BM25 score.
  private static Query unscored(Query q) {
    return new BoostQuery(new ConstantScoreQuery(q), 0f);
  }
}
