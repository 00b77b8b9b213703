package org.verisimdb.index.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexChange;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;

/**
 * Filtered k-NN: whatever share of the octads a filter lets through, the search returns exactly
 * min(k, octads with a vector that pass) hits, ranked as the brute-force reference ranks them.
 * Eight dimensions keep the graph walk exact in practice, so the graph paths are held to the
 * same equality as the exact ones. {@code -Dtests.seed=…} replays a run.
 */
class VectorFilterTest {
  private static final int OCTADS = 10_000;
  private static final int WITHOUT_VECTOR = 200;
  private static final int K = 20;
  private static final int ANCHORS = 15;

  @Test
  void filteredSearchReturnsMinOfKAndMatchesRankedAsBruteForce() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    IndexSettings settings = IndexSettings.defaults().withDimension(8);
    float[][] vectors = VectorData.gaussian(random, OCTADS, 8);
    try (OctadIndex index = VectorData.open(settings, vectors)) {
      // octads without a vector pass the filters too, and must never be counted or returned
      List<IndexChange> plain = new ArrayList<>();
      for (int i = OCTADS; i < OCTADS + WITHOUT_VECTOR; i++) {
        plain.add(IndexChange.of(VectorData.octad(i, null, null)));
      }
      index.apply(index.appliedLsn() + 1, plain);
      float[][] all = java.util.Arrays.copyOf(vectors, OCTADS + WITHOUT_VECTOR);
      try (IndexView view = index.view()) {
        // 150 candidates: exact up to 600 passing octads, so 10% and 100% walk the graph
        VectorSearch search = VectorSearch.on(view).withCandidates(150);
        for (double share : new double[] {0.001, 0.01, 0.1, 1.0}) {
          BitSet pass = new BitSet();
          Query filter = share == 1.0 ? new MatchAllDocsQuery() : subset(random, share, pass);
          if (share == 1.0) {
            pass.set(0, OCTADS + WITHOUT_VECTOR);
          }
          int matching = pass.get(0, OCTADS).cardinality();
          List<VectorResult.Strategy> strategies = new ArrayList<>();
          for (int a = 0; a < ANCHORS; a++) {
            float[] anchor = VectorData.gaussian(random, 1, 8)[0];
            VectorResult result = search.nearest(anchor, K, null, filter, null);
            List<VectorHit> expected = VectorData.bruteForce(all, anchor, K, VectorMetric.COSINE, pass::get);
            assertThat(result.hits()).as("seed=%d share=%s anchor=%d", seed, share, a).hasSize(Math.min(K, matching));
            assertThat(result.hits()).as("seed=%d share=%s anchor=%d", seed, share, a).isEqualTo(expected);
            strategies.add(result.strategy());
          }
          System.out.printf("filter share %.3f: %d octads pass, strategies %s%n", share, matching, strategies.stream().distinct().toList());
          if (matching <= 600) {
            assertThat(strategies).as("seed=%d share=%s", seed, share).containsOnly(VectorResult.Strategy.EXACT);
          } else {
            assertThat(strategies).as("seed=%d share=%s", seed, share).doesNotContain(VectorResult.Strategy.EXACT);
          }
        }
      }
    }
  }

  @Test
  void theExcludedAnchorOctadNeverMatchesItself() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    IndexSettings settings = IndexSettings.defaults().withDimension(8);
    float[][] vectors = VectorData.gaussian(random, 3_000, 8);
    try (OctadIndex index = VectorData.open(settings, vectors); IndexView view = index.view()) {
      for (int candidates : new int[] {50, VectorSearch.DEFAULT_CANDIDATES}) {
        VectorSearch search = VectorSearch.on(view).withCandidates(candidates);
        for (int a = 0; a < 10; a++) {
          int self = random.nextInt(vectors.length);
          VectorResult result = search.nearest(vectors[self], K, null, null, VectorData.id(self));
          List<VectorHit> expected = VectorData.bruteForce(vectors, vectors[self], K, VectorMetric.COSINE, i -> i != self);
          assertThat(result.hits()).as("seed=%d candidates=%d", seed, candidates).isEqualTo(expected);
          // a filter letting through only the anchor octad leaves nothing
          Query onlySelf = new TermInSetQuery(IndexFields.ID, List.of(new BytesRef(VectorData.id(self).value())));
          assertThat(search.nearest(vectors[self], K, null, onlySelf, VectorData.id(self)).hits()).isEmpty();
        }
      }
    }
  }

  /** A filter on the ids of a random share of all octads (with and without vectors), marking them in {@code pass}. */
  private static Query subset(Random random, double share, BitSet pass) {
    int total = OCTADS + WITHOUT_VECTOR;
    int count = Math.max(1, (int) Math.round(share * total));
    List<BytesRef> ids = new ArrayList<>();
    while (pass.cardinality() < count) {
      int i = random.nextInt(total);
      if (!pass.get(i)) {
        pass.set(i);
        ids.add(new BytesRef(VectorData.id(i).value()));
      }
    }
    return new TermInSetQuery(IndexFields.ID, ids);
  }
}
