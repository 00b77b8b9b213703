package org.verisimdb.engine.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.verisimdb.engine.Progress;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.temporal.TemporalFields;
import org.verisimdb.model.OctadId;

/**
 * Checks that an index view holds exactly the live octads of the store at the view's LSN, each
 * at its stored version: walks the index's id terms (live documents only) and the store's live
 * headers side by side, both in byte order.
 */
public final class IndexCheck {
  private IndexCheck() {}

  /** What the check found: octads compared, and each disagreement (the first {@code max} listed). */
  public record Result(long octads, long problemCount, List<String> problems) {}

  public static Result check(IndexView view, OctadStore store, int max, Progress progress) {
    OctadStore at = store.at(view.lsn());
    List<String> problems = new ArrayList<>();
    long[] count = {0, 0};
    java.util.function.Consumer<String> problem = text -> {
      count[1]++;
      if (problems.size() < max) {
        problems.add("index at LSN " + view.lsn() + ": " + text);
      }
    };
    try {
      Terms terms = MultiTerms.getTerms(view.searcher().getIndexReader(), IndexFields.ID);
      TermsEnum indexed = terms == null ? TermsEnum.EMPTY : terms.iterator();
      Indexed term = nextLive(view, indexed);
      for (var live = at.live(null); live.hasNext(); ) {
        Map.Entry<OctadId, OctadHeader> e = live.next();
        BytesRef stored = new BytesRef(e.getKey().value());
        while (term != null && term.id().compareTo(stored) < 0) {
          problem.accept("octad " + term.id().utf8ToString() + " is indexed but not live in the store");
          term = nextLive(view, indexed);
        }
        if (term == null || !term.id().bytesEquals(stored)) {
          problem.accept("live octad " + e.getKey() + " is missing from the index");
        } else {
          long version = indexedVersion(view, term.doc());
          if (version != e.getValue().version()) {
            problem.accept("octad " + e.getKey() + " is indexed at version " + version + " but stored at " + e.getValue().version());
          }
          term = nextLive(view, indexed);
        }
        if (++count[0] % 100_000 == 0) {
          progress.update("checking the index", count[0], -1);
        }
      }
      while (term != null) {
        problem.accept("octad " + term.id().utf8ToString() + " is indexed but not live in the store");
        term = nextLive(view, indexed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(count[0], count[1], problems);
  }

  /** An indexed id and the live document that holds it. */
  private record Indexed(BytesRef id, int doc) {}

  /** The next id term with a live document, or null. */
  private static Indexed nextLive(IndexView view, TermsEnum terms) throws IOException {
    for (BytesRef t = terms.next(); t != null; t = terms.next()) {
      int doc = view.docOf(OctadId.of(t.utf8ToString()));
      if (doc >= 0) {
        return new Indexed(BytesRef.deepCopyOf(t), doc);
      }
    }
    return null;
  }

  private static long indexedVersion(IndexView view, int doc) throws IOException {
    List<LeafReaderContext> leaves = view.searcher().getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    SortedNumericDocValues values = leaf.reader().getSortedNumericDocValues(TemporalFields.VERSION);
    if (values == null || !values.advanceExact(doc - leaf.docBase)) {
      return -1;
    }
    return values.nextValue();
  }
}
