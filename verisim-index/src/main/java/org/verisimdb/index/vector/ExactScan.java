package org.verisimdb.index.vector;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Brute-force vector search: every live document a query matches has its vector read from the
 * index and its exact similarity to the anchor computed; the best are kept. Each collector owns
 * its hits, so a searcher with an executor may run segments in parallel.
 */
final class ExactScan implements CollectorManager<ExactScan.Scan, ExactScan.Outcome> {
  /** The best hits and how many vectors were scored. */
  record Outcome(TopHits hits, long scored) {}

  private final float[] anchor;
  private final VectorMetric metric;
  private final int capacity;
  private final double threshold;
  private final int skipDoc;
  private final IndexReader reader;

  /**
   * @param capacity hits to keep
   * @param threshold lowest similarity kept, {@code Double.NEGATIVE_INFINITY} for any
   * @param skipDoc a top-level doc id never to score (the anchor octad's), or -1
   */
  ExactScan(float[] anchor, VectorMetric metric, int capacity, double threshold, int skipDoc, IndexReader reader) {
    this.anchor = anchor;
    this.metric = metric;
    this.capacity = capacity;
    this.threshold = threshold;
    this.skipDoc = skipDoc;
    this.reader = reader;
  }

  static Outcome run(IndexSearcher searcher, Query matches, ExactScan scan) throws IOException {
    return searcher.search(matches, scan);
  }

  @Override
  public Scan newCollector() {
    return new Scan(new TopHits(capacity, threshold, reader));
  }

  @Override
  public Outcome reduce(Collection<Scan> scans) {
    TopHits all = new TopHits(capacity, threshold, reader);
    long scored = 0;
    for (Scan s : scans) {
      all.addAll(s.hits);
      scored += s.scored;
    }
    return new Outcome(all, scored);
  }

  /** Scores the matches of the segments it is given. */
  final class Scan implements Collector {
    private final TopHits hits;
    private long scored;

    Scan(TopHits hits) {
      this.hits = hits;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafVectors vectors = LeafVectors.of(context.reader());
      int base = context.docBase;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {
          // similarities are computed here; the query's scores are not needed
        }

        @Override
        public void collect(int doc) throws IOException {
          if (base + doc == skipDoc) {
            return;
          }
          float[] vector = vectors.vector(doc);
          if (vector != null) {
            scored++;
            hits.offer(base + doc, metric.similarity(anchor, vector));
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
