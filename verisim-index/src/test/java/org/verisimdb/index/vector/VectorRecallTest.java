package org.verisimdb.index.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;

/**
 * Recall of the approximate k-NN search against the brute-force reference, at default settings
 * (384 dimensions, cosine, M 16, beam 100, {@link VectorSearch#DEFAULT_CANDIDATES}) on 10,000
 * vectors. Prints the measured recall. {@code -Dtests.seed=…} replays a run.
 */
class VectorRecallTest {
  private static final int OCTADS = 10_000;
  private static final int QUERIES = 100;
  private static final int K = 10;

  @Test
  void recallAtTenOnRandomVectorsIsAtLeastNinetyFivePercent() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    double recall = recall(IndexSettings.defaults(), VectorData.gaussian(random, OCTADS, 384), VectorData.gaussian(random, QUERIES, 384));
    System.out.printf("recall@10 random (gaussian) %d x 384, candidates %d: %.4f (seed %d)%n", OCTADS,
        VectorSearch.DEFAULT_CANDIDATES, recall, seed);
    assertThat(recall).as("seed=%d", seed).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void recallAtTenOnClusteredVectorsIsAtLeastNinetyFivePercent() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    float[][] data = VectorData.clustered(random, OCTADS + QUERIES, 384, 50, 0.5);
    double recall = recall(IndexSettings.defaults(), Arrays.copyOf(data, OCTADS),
        Arrays.copyOfRange(data, OCTADS, OCTADS + QUERIES));
    System.out.printf("recall@10 clustered (50 clusters) %d x 384, candidates %d: %.4f (seed %d)%n", OCTADS,
        VectorSearch.DEFAULT_CANDIDATES, recall, seed);
    assertThat(recall).as("seed=%d", seed).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void quantizedRecallIsReported() {
    // random vectors, the hard case, but fewer of them: an int8 build is slower than a float one
    int octads = 4_000;
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    float[][] data = VectorData.gaussian(random, octads, 384);
    float[][] queries = VectorData.gaussian(random, QUERIES, 384);
    try (OctadIndex index = VectorData.open(IndexSettings.defaults().withQuantized(true), data); IndexView view = index.view()) {
      System.out.printf("%d vectors in %d segments%n", data.length, view.searcher().getIndexReader().leaves().size());
      double fewer = recall(VectorSearch.on(view).withCandidates(100), data, queries, VectorMetric.COSINE);
      double standard = recall(VectorSearch.on(view), data, queries, VectorMetric.COSINE);
      System.out.printf("recall@10 quantized (int8) random (gaussian) %d x 384: %.4f with 100 candidates, %.4f with %d (seed %d)%n",
          octads, fewer, standard, VectorSearch.DEFAULT_CANDIDATES, seed);
      // int8 only steers the graph walk: hits are re-ranked from the raw floats, so recall stays high
      assertThat(standard).as("seed=%d", seed).isGreaterThanOrEqualTo(0.9);
    }
  }

  private static double recall(IndexSettings settings, float[][] data, float[][] queries) {
    try (OctadIndex index = VectorData.open(settings, data); IndexView view = index.view()) {
      // each segment's graph is searched with all the candidates, so recall rises with the segment count
      System.out.printf("%d vectors in %d segments%n", data.length, view.searcher().getIndexReader().leaves().size());
      return recall(VectorSearch.on(view), data, queries, settings.metric());
    }
  }

  private static double recall(VectorSearch search, float[][] data, float[][] queries, VectorMetric metric) {
    double sum = 0;
    for (float[] q : queries) {
      List<VectorHit> exact = VectorData.bruteForce(data, q, K, metric, i -> true);
      VectorResult found = search.nearest(q, K, null, null, null);
      assertThat(found.strategy()).isEqualTo(VectorResult.Strategy.HNSW);
      assertThat(found.hits()).hasSize(K);
      sum += VectorData.recall(exact, found.hits());
    }
    return sum / queries.length;
  }
}
