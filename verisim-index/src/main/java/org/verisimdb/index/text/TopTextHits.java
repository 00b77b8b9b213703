package org.verisimdb.index.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>A segment's hits are kept as (score, document) longs in a primitive heap, as Lucene's
 * collector keeps them, plus the later hits that tie with the k-th score; when the segment is
 * done, the ords of the id doc values (which follow the ids within a segment) pick its k best.
 * Ids are looked up once, at the end, and only for the hits that are returned or tie with the
 * last of them. One collector per index slice, each used by one thread.
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
    List<TextHit> hits = new ArrayList<>(Math.min(k, chosen.size()));
    for (Resolved r : chosen.subList(0, Math.min(k, chosen.size()))) {
      hits.add(new TextHit(OctadId.of(r.id()), r.score()));
    }
    return hits;
  }

  /**
   * A hit within one segment as a long, higher is better: score bits (scores are never negative, so
   * their bits order like them), then the inverted document number (the earlier document first),
   * as Lucene's collector codes (score, doc).
   */
  static long encode(float score, int doc) {
    return ((long) Float.floatToIntBits(score + 0f) << 32) | (~doc & 0xFFFFFFFFL);
  }

  static float scoreOf(long code) {
    return Float.intBitsToFloat((int) (code >>> 32));
  }

  /** The document, or the ord when the code was made from one. */
  static int docOf(long code) {
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
      return new Segment(context, floor());
    }

    /**
     * One segment's k best by (score, document), and every hit that ties with the k-th score but
     * came later: ids decide ties, so those are kept until a higher k-th score drops them. At the
     * end the segment's k best by (score, id) go to {@link #kept}.
     */
    private final class Segment implements LeafCollector {
      private final LeafReaderContext context;
      private final float floor;
      private final LongHeap heap;
      private int[] ties = new int[8];
      private int tieCount;
      private Scorable scorer;
      private float minCompetitive;
      private long worst;

      Segment(LeafReaderContext context, float floor) {
        this.context = context;
        this.floor = floor;
        this.heap = new LongHeap(Math.min(k, Math.max(1, context.reader().maxDoc())));
      }

      @Override
      public void setScorer(Scorable s) throws IOException {
        scorer = s;
        minCompetitive = 0;
        raiseMinimum();
      }

      @Override
      public void collect(int doc) throws IOException {
        float score = scorer.score();
        if (heap.size() < k) {
          if (score >= floor) {
            heap.push(encode(score, doc));
            if (heap.size() == k) {
              worst = heap.top();
              raiseMinimum();
            }
          }
          return;
        }
        float last = scoreOf(worst);
        if (score < last) {
          return;
        }
        if (score == last) {
          tie(doc); // a later document: it loses to the kept one on document order, maybe not on id
          return;
        }
        long evicted = worst;
        worst = heap.updateTop(encode(score, doc));
        if (scoreOf(worst) == last) {
          tie(docOf(evicted));
        } else {
          tieCount = 0;
          raiseMinimum();
        }
      }

      private void tie(int doc) {
        if (tieCount == ties.length) {
          ties = Arrays.copyOf(ties, tieCount * 2);
        }
        ties[tieCount++] = doc;
      }

      // Ties with the worst kept hit can still win on id, so only lower scores may be skipped.
      private void raiseMinimum() throws IOException {
        float min = heap.size() == k ? Math.max(floor, scoreOf(worst)) : floor;
        if (min > minCompetitive) {
          minCompetitive = min;
          scorer.setMinCompetitiveScore(min);
        }
      }

      @Override
      public void finish() throws IOException {
        int n = heap.size() + tieCount;
        long[] hits = new long[n];
        for (int i = 0; i < heap.size(); i++) {
          hits[i] = heap.get(i + 1);
        }
        float last = heap.size() == k ? scoreOf(worst) : 0;
        for (int i = 0; i < tieCount; i++) {
          hits[heap.size() + i] = encode(last, ties[i]);
        }
        // Ords follow ids within a segment; doc values are read forward, so visit the hits in document order.
        long[] byDoc = new long[n];
        for (int i = 0; i < n; i++) {
          byDoc[i] = ((long) docOf(hits[i]) << 32) | i;
        }
        Arrays.sort(byDoc);
        SortedDocValues ids = DocValues.getSorted(context.reader(), IndexFields.ID);
        long[] byOrd = new long[n]; // (score, ord) codes: higher is better, as encode(score, doc) but by ord
        for (long entry : byDoc) {
          int doc = (int) (entry >>> 32);
          if (!ids.advanceExact(doc)) {
            throw new IllegalStateException("document " + doc + " has no id");
          }
          byOrd[(int) entry] = encode(scoreOf(hits[(int) entry]), ids.ordValue());
        }
        Arrays.sort(byOrd);
        List<Hit> segment = new ArrayList<>(Math.min(k, n));
        for (int i = n - 1; i >= Math.max(0, n - k); i--) {
          segment.add(new Hit(scoreOf(byOrd[i]), ids, docOf(byOrd[i])));
        }
        for (Hit h : segment) {
          kept.add(h);
          long code = encode(h.score(), 0);
          if (best.size() < k) {
            best.push(code);
          } else if (h.score() > scoreOf(best.top())) {
            best.updateTop(code);
          }
        }
      }
    }
  }
}
