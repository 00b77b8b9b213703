package org.verisimdb.index.geo;

import java.io.IOException;
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
 * kept. One collector per index slice, each used by one thread.
 */
final class ExactHits implements CollectorManager<ExactHits.Top, List<GeoHit>> {
  /** The exact test of a candidate point. */
  @FunctionalInterface
  interface Check {
    /** The sort key (non-negative) of a point that passes, NaN for one that does not. */
    double key(double lat, double lon);
  }

  private record Entry(double key, String id) {}

  /** Best first: smaller key, then smaller id. */
  private static final Comparator<Entry> ORDER = Comparator.comparingDouble(Entry::key).thenComparing(Entry::id);

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
    List<Entry> all = new ArrayList<>();
    for (Top top : collectors) {
      all.addAll(top.heap);
    }
    all.sort(ORDER);
    return all.subList(0, Math.min(limit, all.size())).stream().map(e -> new GeoHit(OctadId.of(e.id()), e.key())).toList();
  }

  /** The best hits of one slice, worst at the head. */
  final class Top implements Collector {
    private final PriorityQueue<Entry> heap = new PriorityQueue<>(Math.min(limit, 1024), ORDER.reversed());

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      NumericDocValues lats = DocValues.getNumeric(context.reader(), GeoFields.LAT);
      NumericDocValues lons = DocValues.getNumeric(context.reader(), GeoFields.LON);
      SortedDocValues ids = DocValues.getSorted(context.reader(), IndexFields.ID);
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
          if (Double.isNaN(key)) {
            return;
          }
          if (heap.size() == limit) {
            Entry worst = heap.peek();
            if (key > worst.key()) {
              return;
            }
            String id = id(doc);
            if (key == worst.key() && id.compareTo(worst.id()) >= 0) {
              return;
            }
            heap.poll();
            heap.add(new Entry(key, id));
          } else {
            heap.add(new Entry(key, id(doc)));
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
