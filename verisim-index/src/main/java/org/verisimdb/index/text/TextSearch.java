package org.verisimdb.index.text;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Full-text search of one {@link IndexView}: the top k octads of a {@link TextQuery} by BM25 score
 * (ties by id), the number of matches, and the Lucene query itself for use as a filter by other
 * modalities. Scores count live documents only ({@link LiveStatsSearcher}), so they depend on the
 * octads the view holds, not on how the index got there. Regular expressions (VQL
 * {@code FULLTEXT MATCHES}) are checked on the documents themselves: {@link TextRegex}.
 * Thread-safe; valid while its view is open.
 */
public final class TextSearch {
  private final IndexSearcher searcher;

  public TextSearch(IndexView view) {
    this.searcher = LiveStatsSearcher.of(view.searcher());
  }

  /** The Lucene query that matches exactly the octads whose document matches {@code query}, scored by BM25. */
  public static Query query(TextQuery query) {
    return TextQueries.of(query);
  }

  /**
   * The k best matches of {@code query} among the octads that also match {@code filter} (null:
   * no filter): highest score first, equal scores by id ascending. k below 1 is INVALID_SEARCH.
   */
  public List<TextHit> search(TextQuery query, Query filter, int k) {
    if (k < 1) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "k", "a text search returns k >= 1 hits, not " + k + "; ask for at least one");
    }
    try {
      return searcher.search(filtered(query, filter), new TopTextHits(k));
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooMany(e);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** How many octads match {@code query} and {@code filter} (null: no filter). */
  public int count(TextQuery query, Query filter) {
    try {
      return searcher.count(filtered(query, filter));
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooMany(e);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private static Query filtered(TextQuery query, Query filter) {
    Query q = TextQueries.of(query);
    if (filter == null) {
      return q;
    }
    return new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
  }

  private static VeriSimException tooMany(IndexSearcher.TooManyClauses e) {
    return VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "query", "the query expands to more than " + IndexSearcher.getMaxClauseCount()
        + " clauses (terms, fuzzy expansions); use fewer terms or fewer fuzzy terms");
  }

  private static VeriSimException unreadable(IOException e) {
    return new VeriSimException(ErrorCode.INDEX_UNAVAILABLE, "the text search could not read the index: " + e.getMessage()
        + "; the stored data is unaffected: retry, or rebuild the index", e);
  }
}
