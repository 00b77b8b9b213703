package org.verisimdb.index.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.model.OctadId;

/**
 * Collects the k best hits by score, descending, then octad id, ascending: an order that does
 * not depend on how the index is laid out in segments. Lucene's own top-score collector breaks
 * ties by document number and prunes equal scores; this one tells the scorer that only lower
 * scores can be skipped, so every tie reaches the id comparison. One collector per index slice;
 * each is used by one thread.
 */
final class TopTextHits implements CollectorManager<TopTextHits.Top, List<TextHit>> {
  private record Entry(float score, String id) {}

  /** Best first: higher score, then smaller id. */
  private static final Comparator<Entry> ORDER = Comparator.comparingDouble((Entry e) -> -e.score()).thenComparing(Entry::id);

  private final int k;

  TopTextHits(int k) {
    this.k = k;
  }

  @Override
  public Top newCollector() {
    return new Top(k);
  }

  @Override
  public List<TextHit> reduce(Collection<Top> collectors) {
    List<Entry> all = new ArrayList<>();
    for (Top top : collectors) {
      all.addAll(top.heap);
    }
    all.sort(ORDER);
    return all.subList(0, Math.min(k, all.size())).stream().map(e -> new TextHit(OctadId.of(e.id()), e.score())).toList();
  }

  /** The k best hits of one slice, worst at the head of the heap. */
  static final class Top implements Collector {
    private final int k;
    private final PriorityQueue<Entry> heap;

    Top(int k) {
      this.k = k;
      this.heap = new PriorityQueue<>(Math.min(k, 1024), ORDER.reversed());
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedDocValues ids = DocValues.getSorted(context.reader(), IndexFields.ID);
      return new LeafCollector() {
        private Scorable scorer;
        private float minCompetitive;

        @Override
        public void setScorer(Scorable s) throws IOException {
          scorer = s;
          minCompetitive = 0;
          raiseMinimum();
        }

        @Override
        public void collect(int doc) throws IOException {
          float score = scorer.score();
          if (heap.size() == k) {
            Entry worst = heap.peek();
            if (score < worst.score()) {
              return;
            }
            String id = id(doc);
            if (score == worst.score() && id.compareTo(worst.id()) >= 0) {
              return;
            }
            heap.poll();
            heap.add(new Entry(score, id));
          } else {
            heap.add(new Entry(score, id(doc)));
          }
          raiseMinimum();
        }

        // Ties with the worst kept hit can still win on id, so only lower scores may be skipped.
        private void raiseMinimum() throws IOException {
          if (heap.size() == k && heap.peek().score() > minCompetitive) {
            minCompetitive = heap.peek().score();
            scorer.setMinCompetitiveScore(minCompetitive);
          }
        }

        private String id(int doc) throws IOException {
          if (!ids.advanceExact(doc)) {
            throw new IllegalStateException("document " + doc + " has no id");
          }
          return ids.lookupOrd(ids.ordValue()).utf8ToString();
        }
      };
    }
  }
}
