package org.verisimdb.index.geo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.model.OctadId;

/**
 * Decides on Lucene's candidates with the exact stored point: each candidate's {@link GeoFields#LAT}
 * and {@link GeoFields#LON} go through a {@link Check}, which rejects it or gives its sort key
 * (a distance, or 0 to sort by id alone), and the {@code limit} smallest by key, then id, are
 * kept. Within a segment the ords of the id doc values follow the ids, so a segment keeps its
 * best by (key, ord) and ids are looked up only at the end, for the hits returned and those tying
 * with the last. One collector per index slice, each used by one thread.
 */
final class ExactHits implements CollectorManager<ExactHits.Top, List<GeoHit>> {
  /** The exact test of a candidate point. */
  @FunctionalInterface
  interface Check {
    /** The sort key (non-negative) of a point that passes, NaN for one that does not. */
    double key(double lat, double lon);
  }

  /** A kept hit: its key and its id as an ord of its segment's id doc values. */
  private record Hit(double key, SortedDocValues ids, int ord) {
    String id() {
      try {
        return ids.lookupOrd(ord).utf8ToString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private record Resolved(double key, String id) {}

  /** Worst first: larger key, then larger ord (within one segment). */
  private static final Comparator<Hit> WORST_FIRST = Comparator.comparingDouble(Hit::key).thenComparingInt(Hit::ord).reversed();

  private final Check check;
  private final int limit;

  ExactHits(Check check, int limit) {
    this.check = check;
    this.limit = limit;
  }

  @Override
  public Top newCollector() {
    return new Top();
  }

  @Override
  public List<GeoHit> reduce(Collection<Top> collectors) {
    List<Hit> all = new ArrayList<>();
    for (Top top : collectors) {
      all.addAll(top.kept);
    }
    all.sort(Comparator.comparingDouble(Hit::key));
    // Every hit below the limit-th key is returned; of those tying with it, the smallest ids.
    int end = all.size();
    if (end > limit) {
      double last = all.get(limit - 1).key();
      end = limit;
      while (end < all.size() && all.get(end).key() == last) {
        end++;
      }
    }
    List<Resolved> chosen = new ArrayList<>(end);
    for (Hit h : all.subList(0, end)) {
      chosen.add(new Resolved(h.key(), h.id()));
    }
    chosen.sort(Comparator.comparingDouble(Resolved::key).thenComparing(Resolved::id));
    List<GeoHit> hits = new ArrayList<>(Math.min(limit, chosen.size()));
    for (Resolved r : chosen.subList(0, Math.min(limit, chosen.size()))) {
      hits.add(new GeoHit(OctadId.of(r.id()), r.key()));
    }
    return hits;
  }

  /** The best hits of each segment of one slice, and the largest key a later segment's hit may have. */
  final class Top implements Collector {
    private final List<Hit> kept = new ArrayList<>();
    /** The smallest keys kept so far, largest at the head; its head bounds later hits once it holds limit. */
    private final PriorityQueue<Double> best = new PriorityQueue<>(Comparator.reverseOrder());

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      NumericDocValues lats = DocValues.getNumeric(context.reader(), GeoFields.LAT);
      NumericDocValues lons = DocValues.getNumeric(context.reader(), GeoFields.LON);
      SortedDocValues ids = DocValues.getSorted(context.reader(), IndexFields.ID);
      double ceiling = best.size() == limit ? best.peek() : Double.POSITIVE_INFINITY;
      PriorityQueue<Hit> heap = new PriorityQueue<>(Math.min(limit, 1024), WORST_FIRST);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {
          // positions decide, not scores
        }

        @Override
        public void collect(int doc) throws IOException {
          if (!lats.advanceExact(doc) || !lons.advanceExact(doc)) {
            return; // no spatial modality: a filter let it through, the point decides it out
          }
          double key = check.key(Double.longBitsToDouble(lats.longValue()), Double.longBitsToDouble(lons.longValue()));
          if (Double.isNaN(key) || key > ceiling) {
            return;
          }
          if (heap.size() == limit && key > heap.peek().key()) {
            return;
          }
          if (!ids.advanceExact(doc)) {
            throw new IllegalStateException("document " + doc + " has no id");
          }
          Hit hit = new Hit(key, ids, ids.ordValue());
          if (heap.size() < limit) {
            heap.add(hit);
          } else if (WORST_FIRST.compare(hit, heap.peek()) > 0) {
            heap.poll();
            heap.add(hit);
          }
        }

        @Override
        public void finish() {
          for (Hit h : heap) {
            kept.add(h);
            if (best.size() < limit) {
              best.add(h.key());
            } else if (h.key() < best.peek()) {
              best.poll();
              best.add(h.key());
            }
          }
        }
      };
    }
  }
}
