package org.verisimdb.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.model.OctadId;

/**
 * A point-in-time view of the index: exactly the octads as they stood at {@link #lsn()}. Searches
 * on one view agree with each other; the octads they return should be read at the same LSN.
 * Views hold index files open: close each one.
 */
public final class IndexView implements AutoCloseable {
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final long lsn;
  private final IndexSettings settings;
  private boolean closed;

  IndexView(DirectoryReader reader, IndexSearcher searcher, long lsn, IndexSettings settings) {
    this.reader = reader;
    this.searcher = searcher;
    this.lsn = lsn;
    this.settings = settings;
  }

  /** The LSN of the last commit this view holds. */
  public long lsn() {
    return lsn;
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  public IndexSettings settings() {
    return settings;
  }

  /** Number of live octads indexed. */
  public int octads() {
    return reader.numDocs();
  }

  /** The id of the octad in document {@code doc} (a top-level doc id of this view's searcher). */
  public OctadId idOf(int doc) {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    try {
      SortedDocValues ids = leaf.reader().getSortedDocValues(IndexFields.ID);
      if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
        throw new IllegalStateException("document " + doc + " has no id");
      }
      return OctadId.of(ids.lookupOrd(ids.ordValue()).utf8ToString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The top-level doc id of the live octad {@code id}, or -1 when it is not indexed. */
  public int docOf(OctadId id) {
    BytesRef term = new BytesRef(id.value());
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        Terms terms = r.terms(IndexFields.ID);
        if (terms == null) {
          continue;
        }
        TermsEnum te = terms.iterator();
        if (!te.seekExact(term)) {
          continue;
        }
        Bits live = r.getLiveDocs();
        PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
          if (live == null || live.get(d)) {
            return leaf.docBase + d;
          }
        }
      }
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      reader.decRef();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
