package org.verisimdb.index.vector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntFunction;
import org.verisimdb.model.OctadId;

/**
 * The best hits offered so far, at most {@code capacity} of them at or above a similarity
 * threshold, ranked by similarity (highest first) and then by id (smallest first). Ids are
 * looked up only when two similarities tie, so a search without ties reads no ids here.
 * Not thread-safe: one per collecting thread, merged with {@link #addAll}.
 */
final class TopHits {
  /** A scored document: a top-level doc id of the view, its exact similarity, and its id once needed. */
  static final class Entry {
    final int doc;
    final double similarity;
    private OctadId id;

    Entry(int doc, double similarity) {
      this.doc = doc;
      this.similarity = similarity;
    }

    OctadId id(IntFunction<OctadId> ids) {
      if (id == null) {
        id = ids.apply(doc);
      }
      return id;
    }
  }

  private final int capacity;
  private final double threshold;
  private final IntFunction<OctadId> ids;
  private final Comparator<Entry> worstFirst;
  private final PriorityQueue<Entry> heap;

  /**
   * @param capacity how many hits to keep
   * @param threshold the lowest similarity kept; {@code Double.NEGATIVE_INFINITY} keeps any
   * @param ids the octad id of a top-level doc id
   */
  TopHits(int capacity, double threshold, IntFunction<OctadId> ids) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity);
    }
    this.capacity = capacity;
    this.threshold = threshold;
    this.ids = ids;
    this.worstFirst = (a, b) -> {
      int bySimilarity = Double.compare(a.similarity, b.similarity);
      return bySimilarity != 0 ? bySimilarity : b.id(ids).compareTo(a.id(ids));
    };
    this.heap = new PriorityQueue<>(Math.min(capacity, 1024) + 1, worstFirst);
  }

  /** Offers a scored document; false when it ranks below every kept hit or under the threshold. */
  boolean offer(int doc, double similarity) {
    if (!(similarity >= threshold)) {
      return false;
    }
    if (heap.size() < capacity) {
      heap.add(new Entry(doc, similarity));
      return true;
    }
    Entry worst = heap.peek();
    if (similarity < worst.similarity) {
      return false;
    }
    Entry entry = new Entry(doc, similarity);
    if (worstFirst.compare(entry, worst) <= 0) {
      return false;
    }
    heap.poll();
    heap.add(entry);
    return true;
  }

  void addAll(TopHits other) {
    for (Entry e : other.heap) {
      if (heap.size() < capacity) {
        heap.add(e);
      } else if (worstFirst.compare(e, heap.peek()) > 0) {
        heap.poll();
        heap.add(e);
      }
    }
  }

  int size() {
    return heap.size();
  }

  int capacity() {
    return capacity;
  }

  /** The kept hits in rank order, each with its octad id. */
  List<VectorHit> ranked() {
    List<Entry> entries = new ArrayList<>(heap);
    entries.sort(worstFirst.reversed());
    List<VectorHit> hits = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      hits.add(new VectorHit(e.id(ids), e.similarity));
    }
    return hits;
  }
}
