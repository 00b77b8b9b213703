package org.verisimdb.index.vector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.verisimdb.model.OctadId;

/**
 * The best hits offered so far, at most {@code capacity} of them at or above a similarity
 * threshold, ranked by similarity (highest first) and then by id (smallest first). Ids are
 * read while collecting only when two similarities tie; the kept hits' ids are read at the end,
 * together.
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

    OctadId id(IndexReader reader) {
      if (id == null) {
        id = DocIds.of(reader, doc);
      }
      return id;
    }
  }

  private final int capacity;
  private final double threshold;
  private final IndexReader reader;
  private final Comparator<Entry> worstFirst;
  private final PriorityQueue<Entry> heap;

  /**
   * @param capacity how many hits to keep
   * @param threshold the lowest similarity kept; {@code Double.NEGATIVE_INFINITY} keeps any
   * @param reader the reader whose top-level doc ids are offered, for their octad ids
   */
  TopHits(int capacity, double threshold, IndexReader reader) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity);
    }
    this.capacity = capacity;
    this.threshold = threshold;
    this.reader = reader;
    this.worstFirst = (a, b) -> {
      int bySimilarity = Double.compare(a.similarity, b.similarity);
      return bySimilarity != 0 ? bySimilarity : b.id(reader).compareTo(a.id(reader));
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
    // ids not yet read (no tie needed them) are read in doc order, segment by segment
    List<Entry> unresolved = new ArrayList<>();
    for (Entry e : entries) {
      if (e.id == null) {
        unresolved.add(e);
      }
    }
    unresolved.sort(Comparator.comparingInt(e -> e.doc));
    int[] docs = new int[unresolved.size()];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = unresolved.get(i).doc;
    }
    OctadId[] ids = DocIds.of(reader, docs);
    for (int i = 0; i < docs.length; i++) {
      unresolved.get(i).id = ids[i];
    }
    entries.sort(worstFirst.reversed());
    List<VectorHit> hits = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      hits.add(new VectorHit(e.id, e.similarity));
    }
    return hits;
  }
}
