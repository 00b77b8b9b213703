package org.verisimdb.index.text;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.Bits;

/**
 * A searcher whose BM25 statistics count live documents only. Lucene's statistics include
 * documents deleted (or replaced) but not yet merged away, so the same octads would score
 * differently depending on their update history; VQL §6.2 wants the score fixed by the database
 * state. Segments without deletions use Lucene's figures as they are; in the others, term
 * statistics walk the term's postings, and field statistics sum the exact field lengths
 * ({@link TextFields#LENGTH} doc values) of live documents, cached per segment reader.
 * Thread-safe, like {@link IndexSearcher}.
 */
final class LiveStatsSearcher extends IndexSearcher {
  /** Per segment reader (a new one after every new deletion), per field: {docCount, sumTotalTermFreq}. */
  private static final Map<IndexReader.CacheKey, Map<String, long[]>> FIELD_STATS = new ConcurrentHashMap<>();

  private LiveStatsSearcher(IndexSearcher base) {
    super(base.getIndexReader());
    setSimilarity(base.getSimilarity());
    setQueryCache(base.getQueryCache());
    setQueryCachingPolicy(base.getQueryCachingPolicy());
  }

  /** {@code searcher} itself when its reader has no deletions, else one with live statistics. */
  static IndexSearcher of(IndexSearcher searcher) {
    return searcher.getIndexReader().hasDeletions() ? new LiveStatsSearcher(searcher) : searcher;
  }

  @Override
  public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
    long df = 0;
    long tf = 0;
    for (LeafReaderContext leaf : getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(term.field());
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term.bytes())) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      if (live == null) {
        df += te.docFreq();
        tf += te.totalTermFreq();
        continue;
      }
      PostingsEnum postings = te.postings(null, PostingsEnum.FREQS);
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
        if (live.get(d)) {
          df++;
          tf += postings.freq();
        }
      }
    }
    // A term only deleted documents hold matches nothing live; any valid figures will do.
    return df == 0 ? new TermStatistics(term.bytes(), 1, 1) : new TermStatistics(term.bytes(), df, Math.max(df, tf));
  }

  @Override
  public CollectionStatistics collectionStatistics(String field) throws IOException {
    long docCount = 0;
    long sumTotalTermFreq = 0;
    long sumDocFreq = 0;
    for (LeafReaderContext leaf : getIndexReader().leaves()) {
      LeafReader reader = leaf.reader();
      Terms terms = reader.terms(field);
      if (terms == null) {
        continue;
      }
      long[] live = reader.getLiveDocs() == null ? null : liveFieldStats(reader, field);
      if (live == null) {
        docCount += terms.getDocCount();
        sumTotalTermFreq += terms.getSumTotalTermFreq();
        sumDocFreq += terms.getSumDocFreq();
      } else {
        docCount += live[0];
        sumTotalTermFreq += live[1];
        sumDocFreq += live[0]; // BM25 does not read it; it only has to lie between the other two
      }
    }
    return docCount == 0 ? null : new CollectionStatistics(field, getIndexReader().maxDoc(), docCount, sumTotalTermFreq, sumDocFreq);
  }

  /** {docCount, sumTotalTermFreq} of the live documents of one segment, or null when the field has no lengths. */
  private static long[] liveFieldStats(LeafReader reader, String field) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return computeLive(reader, field);
    }
    Map<String, long[]> fields = FIELD_STATS.get(helper.getKey());
    if (fields == null) {
      Map<String, long[]> fresh = new ConcurrentHashMap<>();
      fields = FIELD_STATS.putIfAbsent(helper.getKey(), fresh);
      if (fields == null) {
        fields = fresh;
        helper.addClosedListener(FIELD_STATS::remove);
      }
    }
    long[] stats = fields.get(field);
    if (stats == null) {
      stats = computeLive(reader, field);
      fields.put(field, stats == null ? new long[0] : stats);
    }
    return stats == null || stats.length == 0 ? null : stats;
  }

  private static long[] computeLive(LeafReader reader, String field) throws IOException {
    NumericDocValues lengths = reader.getNumericDocValues(field + TextFields.LENGTH);
    if (lengths == null) {
      return null;
    }
    Bits live = reader.getLiveDocs();
    long count = 0;
    long sum = 0;
    for (int d = lengths.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = lengths.nextDoc()) {
      if (live == null || live.get(d)) {
        count++;
        sum += lengths.longValue();
      }
    }
    return new long[] {count, sum};
  }
}
