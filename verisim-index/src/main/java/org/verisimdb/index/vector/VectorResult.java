package org.verisimdb.index.vector;

import java.util.List;

/**
 * What a vector search found: hits ordered by similarity, highest first, ties by smaller id first;
 * and how it searched, for EXPLAIN ANALYZE and tests.
 *
 * @param hits the hits, in rank order
 * @param strategy how the hits were found
 * @param scored how many vectors had their exact similarity computed
 */
public record VectorResult(List<VectorHit> hits, Strategy strategy, long scored) {
  /** How a vector search found its hits. */
  public enum Strategy {
    /** Every vector that passes the filter was scored: the filter was selective, the index small, or the metric not the index's. */
    EXACT,
    /** The HNSW graph proposed candidates, which were re-ranked by exact similarity. */
    HNSW,
    /** The HNSW graph proposed fewer candidates than the filter lets through, so every vector that passes was scored. */
    HNSW_THEN_EXACT
  }

  public VectorResult {
    hits = List.copyOf(hits);
  }

  public int size() {
    return hits.size();
  }
}
