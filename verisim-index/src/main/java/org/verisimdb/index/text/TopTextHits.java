package org.verisimdb.index.text;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * (score, doc). Ids are looked up once, at the end, and only for the hits that are returned or
 * tie with the last of them. One collector per index slice, each used by one thread.
 */
final class TopTextHits implements CollectorManager<TopTextHits.Top, List<TextHit>> {
  /** A kept hit: its score, and its id as an ord of its segment's id doc values. */
  private record Hit(float score, SortedDocValues ids, int ord) {
    String id() {
      try {
        return ids.lookupOrd(ord).utf8ToString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private record Resolved(float score, String id) {}

  private static final Comparator<Resolved> ORDER = Comparator.comparingDouble((Resolved r) -> -r.score()).thenComparing(Resolved::id);

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
    List<Hit> all = new ArrayList<>();
    for (Top top : collectors) {
      all.addAll(top.kept);
    }
    all.sort(Comparator.comparingDouble((Hit h) -> -h.score()));
    // Every hit scoring above the k-th is returned; of those tying with it, the smallest ids.
    int end = all.size();
    if (end > k) {
      float last = all.get(k - 1).score();
      end = k;
      while (end < all.size() && all.get(end).score() == last) {
        end++;
      }
    }
    List<Resolved> chosen = new ArrayList<>(end);
    for (Hit h : all.subList(0, end)) {
      chosen.add(new Resolved(h.score(), h.id()));
    }
    chosen.sort(ORDER);
    return chosen.subList(0, Math.min(k, chosen.size())).stream().map(r -> new TextHit(OctadId.of(r.id()), r.score())).toList();
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

  /** The k best hits of each segment of one slice, and the score the next segment's hits must reach. */
  static final class Top implements Collector {
    private final int k;
    private final List<Hit> kept = new ArrayList<>();
    /** The k best scores kept so far, lowest at the head; its head is the floor once it holds k. */
    private final LongHeap best;

    Top(int k) {
      this.k = k;
      this.best = new LongHeap(Math.min(k, 1024));
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.TOP_SCORES;
    }

    /** The score a hit needs at least to enter, or 0 while fewer than k are kept. */
    private float floor() {
      return best.size() == k ? scoreOf(best.top()) : 0;
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
        public void finish() {
          for (int i = heap.size(); i > 0; i--) {
            long code = heap.pop();
            kept.add(new Hit(scoreOf(code), ids, ordOf(code)));
            if (best.size() < k) {
              best.push(code);
            } else if (scoreOf(code) > scoreOf(best.top())) {
              best.updateTop(code);
            }
          }
        }
      };
    }
  }
}
