package org.verisimdb.index.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.LongHeap;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.model.OctadId;

/**
 * Collects the k best hits by score, descending, then octad id, ascending: an order that does not
 * depend on how the index is laid out in segments. Lucene's own top-score collector breaks ties
 * by document number and skips equal scores; this one tells the scorer that only lower scores may
 * be skipped, so every tie reaches the id comparison.
 *
 * <p>Within a segment the ords of the id doc values follow the ids, so a segment's hits are kept
 * as longs (score bits, then the inverted ord) in a primitive heap, as Lucene's collector keeps
 * (score, doc); ids are looked up only when a segment is done, for its k best, which are merged
 * with the best of the segments before. One collector per index slice, each used by one thread.
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
      all.addAll(top.best);
    }
    all.sort(ORDER);
    return all.subList(0, Math.min(k, all.size())).stream().map(e -> new TextHit(OctadId.of(e.id()), e.score())).toList();
  }

  /** A hit within one segment: higher is better. Scores are never negative, so their bits order like them. */
  static long encode(float score, int ord) {
    return ((long) Float.floatToIntBits(score + 0f) << 32) | (~ord & 0xFFFFFFFFL);
  }

  static float scoreOf(long code) {
    return Float.intBitsToFloat((int) (code >>> 32));
  }

  static int ordOf(long code) {
    return ~(int) code;
  }

  /** The k best hits of one slice so far, best first, and the leaf collector of its current segment. */
  static final class Top implements Collector {
    private final int k;
    private final List<Entry> best = new ArrayList<>();

    Top(int k) {
      this.k = k;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.TOP_SCORES;
    }

    /** The score a hit needs at least to enter, or 0 while fewer than k are kept. */
    private float floor() {
      return best.size() == k ? best.getLast().score() : 0;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedDocValues ids = DocValues.getSorted(context.reader(), IndexFields.ID);
      float floor = floor();
      LongHeap heap = new LongHeap(Math.min(k, Math.max(1, context.reader().maxDoc())));
      return new LeafCollector() {
        private Scorable scorer;
        private float minCompetitive;
        private long worst;

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
            if (score < scoreOf(worst)) {
              return;
            }
            long code = encode(score, idOrd(doc));
            if (code > worst) {
              worst = heap.updateTop(code);
              raiseMinimum();
            }
          } else if (score >= floor) {
            heap.push(encode(score, idOrd(doc)));
            if (heap.size() == k) {
              worst = heap.top();
              raiseMinimum();
            }
          }
        }

        // Ties with the worst kept hit can still win on id, so only lower scores may be skipped.
        private void raiseMinimum() throws IOException {
          float min = heap.size() == k ? Math.max(floor, scoreOf(worst)) : floor;
          if (min > minCompetitive) {
            minCompetitive = min;
            scorer.setMinCompetitiveScore(min);
          }
        }

        private int idOrd(int doc) throws IOException {
          if (!ids.advanceExact(doc)) {
            throw new IllegalStateException("document " + doc + " has no id");
          }
          return ids.ordValue();
        }

        @Override
        public void finish() throws IOException {
          for (int i = heap.size(); i > 0; i--) {
            long code = heap.pop();
            best.add(new Entry(scoreOf(code), ids.lookupOrd(ordOf(code)).utf8ToString()));
          }
          best.sort(ORDER);
          while (best.size() > k) {
            best.removeLast();
          }
        }
      };
    }
  }
}
