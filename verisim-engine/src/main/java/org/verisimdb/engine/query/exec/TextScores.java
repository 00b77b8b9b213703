package org.verisimdb.engine.query.exec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.verisimdb.engine.query.row.OctadRow;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.index.text.TextHit;
import org.verisimdb.index.text.TextQuery;
import org.verisimdb.index.text.TextSearch;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.Cond;

/**
 * The {@code score} pseudo-column (VQL.md §6.2): the BM25 relevance the index gives the row's
 * document for the defining FULLTEXT CONTAINS, 0 when the document does not match, null when the
 * octad has no document. Scores a text search already returned are reused; others are asked of
 * the index one id at a time.
 */
final class TextScores {
  private final IndexAccess index;
  private final Params params;
  private final Map<OctadId, Double> known = new HashMap<>();

  TextScores(IndexAccess index, Params params) {
    this.index = index;
    this.params = params;
  }

  /** Scores of a text search over the defining predicate. */
  void remember(List<TextHit> hits) {
    for (TextHit h : hits) {
      known.put(h.id(), (double) h.score());
    }
  }

  Double score(OctadRow row, Cond.FullText by) {
    if (row.octad() == null || row.octad().document().isEmpty()) {
      return null;
    }
    Double s = known.get(row.id());
    if (s != null) {
      return s;
    }
    TextQuery q = TextQuery.allTerms(params.string(by.query()));
    List<TextHit> hit = new TextSearch(index.view()).search(q, new TermQuery(new Term(IndexFields.ID, row.id().value())), 1);
    double score = hit.isEmpty() ? 0.0 : hit.getFirst().score();
    if (known.size() < 100_000) {
      known.put(row.id(), score);
    }
    return score;
  }
}
