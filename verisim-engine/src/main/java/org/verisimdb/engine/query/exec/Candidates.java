package org.verisimdb.engine.query.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.Cond;

/**
 * The candidate set of a statement (VQL.md §5.1 step 3), as the plan chose to form it: one id,
 * every octad of the view, or the octads an index query over the pushable top-level conjuncts
 * returns, plus those the index may hold differently from the snapshot. Every candidate is then
 * evaluated exactly, so an index need only return a superset.
 */
final class Candidates {
  private Candidates() {}

  /** The ids matching {@code query} in the view plus {@code changed}, in id order. */
  static Iterator<OctadId> indexed(IndexAccess index, Query query) {
    IndexView view = index.view();
    TreeSet<String> ids = new TreeSet<>();
    try {
      IndexSearcher searcher = view.searcher();
      int n = Math.max(1, searcher.count(query));
      TopDocs top = searcher.search(query, n);
      for (ScoreDoc d : top.scoreDocs) {
        ids.add(view.idOf(d.doc).value());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!index.exact()) {
      index.changed().forEach(id -> ids.add(id.value()));
    }
    Iterator<String> it = ids.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public OctadId next() {
        return OctadId.of(it.next());
      }
    };
  }
}
