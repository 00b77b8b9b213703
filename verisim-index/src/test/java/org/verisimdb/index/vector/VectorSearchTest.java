package org.verisimdb.index.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Every metric, on an index built for each metric, against the brute-force reference; zero and
 * extreme vectors; threshold search; input checks. Eight dimensions keep the graph walk exact in
 * practice. {@code -Dtests.seed=…} replays a run.
 */
class VectorSearchTest {
  private static final int DIMENSION = 8;

  @Test
  void everyMetricMatchesBruteForceOnAnIndexBuiltForEachMetric() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    float[][] vectors = mixedNorms(random, 3_000);
    for (VectorMetric built : VectorMetric.values()) {
      try (OctadIndex index = VectorData.open(IndexSettings.defaults().withDimension(DIMENSION).withMetric(built), vectors);
          IndexView view = index.view()) {
        // 400 candidates still walk the graph (exact up to 1,600 vectors) and, on 3,000 vectors whose
        // norms span three orders of magnitude, find the true neighbours
        VectorSearch search = VectorSearch.on(view).withCandidates(400);
        for (VectorMetric asked : VectorMetric.values()) {
          for (int a = 0; a < 8; a++) {
            float[] anchor = scaled(random, VectorData.gaussian(random, 1, DIMENSION)[0]);
            VectorResult result = search.nearest(anchor, 15, asked, null, null);
            assertThat(result.hits()).as("seed=%d built=%s asked=%s", seed, built, asked)
                .isEqualTo(VectorData.bruteForce(vectors, anchor, 15, asked, i -> true));
            assertThat(result.strategy()).as("seed=%d built=%s asked=%s", seed, built, asked)
                .isEqualTo(asked == built ? VectorResult.Strategy.HNSW : VectorResult.Strategy.EXACT);
          }
        }
        // null means the index's metric
        float[] anchor = VectorData.gaussian(random, 1, DIMENSION)[0];
        assertThat(search.nearest(anchor, 5, null, null, null).hits()).isEqualTo(VectorData.bruteForce(vectors, anchor, 5, built, i -> true));
      }
    }
  }

  @Test
  void zeroTinyAndHugeVectorsAreIndexedAndScoredAsVqlSays() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    // every non-zero vector points away from the anchor, so the zero vectors (cosine 0) rank first
    float[][] vectors = VectorData.gaussian(random, 1_000, DIMENSION);
    for (float[] v : vectors) {
      v[0] = Math.abs(v[0]) + 3;
    }
    for (int i = 100; i < 1_000; i += 100) {
      vectors[i] = new float[DIMENSION];
    }
    vectors[5] = new float[] {1e-25f, 0, 0, 0, 0, 0, 0, -1e-25f};   // its float squared norm underflows
    vectors[6] = new float[] {3e18f, 1, 0, 0, 0, 0, 0, 0};          // its float squared norm overflows
    float[] anchor = {-1, 0, 0, 0, 0, 0, 0, 0};
    for (VectorMetric metric : VectorMetric.values()) {
      try (OctadIndex index = VectorData.open(IndexSettings.defaults().withDimension(DIMENSION).withMetric(metric), vectors);
          IndexView view = index.view()) {
        // 200 candidates walk the graph and merge the vectors kept beside it; the default scans 1,000 vectors exactly
        for (int candidates : new int[] {200, VectorSearch.DEFAULT_CANDIDATES}) {
          VectorSearch search = VectorSearch.on(view).withCandidates(candidates);
          VectorResult result = search.nearest(anchor, 15, null, null, null);
          assertThat(result.strategy()).isEqualTo(candidates == 200 ? VectorResult.Strategy.HNSW : VectorResult.Strategy.EXACT);
          assertThat(result.hits()).as("seed=%d metric=%s candidates=%d", seed, metric, candidates)
              .isEqualTo(VectorData.bruteForce(vectors, anchor, 15, metric, i -> true));
          assertThat(search.within(anchor, -0.5, null, null, 50).hits()).as("seed=%d metric=%s", seed, metric)
              .isEqualTo(VectorData.bruteForce(vectors, anchor, 50, metric, i -> true).stream().filter(h -> h.similarity() >= -0.5).toList());
        }
        // a zero anchor: cosine 0 with everything, so the smallest ids win
        VectorResult zero = VectorSearch.on(view).nearest(new float[DIMENSION], 3, null, null, null);
        assertThat(zero.hits()).isEqualTo(VectorData.bruteForce(vectors, new float[DIMENSION], 3, metric, i -> true));
      }
    }
    assertThat(VectorData.bruteForce(vectors, anchor, 9, VectorMetric.COSINE, i -> true))
        .extracting(VectorHit::similarity).containsOnly(0.0);
  }

  @Test
  void withinReturnsTheOctadsAtOrAboveTheThresholdBestFirst() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    float[][] vectors = VectorData.gaussian(random, 3_000, DIMENSION);
    try (OctadIndex index = VectorData.open(IndexSettings.defaults().withDimension(DIMENSION), vectors); IndexView view = index.view()) {
      VectorSearch search = VectorSearch.on(view).withCandidates(100);
      for (int a = 0; a < 10; a++) {
        float[] anchor = VectorData.gaussian(random, 1, DIMENSION)[0];
        for (double threshold : new double[] {0.99, 0.95, 0.8}) {
          for (VectorMetric metric : List.of(VectorMetric.COSINE, VectorMetric.EUCLIDEAN)) {
            double t = metric == VectorMetric.COSINE ? threshold : threshold / 3;
            List<VectorHit> expected = VectorData.bruteForce(vectors, anchor, 40, metric, i -> true).stream()
                .filter(h -> h.similarity() >= t).toList();
            assertThat(search.within(anchor, t, metric, null, 40).hits()).as("seed=%d t=%s metric=%s", seed, t, metric).isEqualTo(expected);
          }
        }
      }
      // a threshold nothing reaches
      assertThat(search.within(vectors[0], 1.5, null, null, 10).hits()).isEmpty();
      // the limit keeps the most similar
      assertThat(search.within(vectors[0], -1, null, null, 7).hits()).isEqualTo(VectorData.bruteForce(vectors, vectors[0], 7,
          VectorMetric.COSINE, i -> true));
    }
  }

  @Test
  void modelAndNormAreIndexed() {
    float[][] vectors = {{3, 4, 0, 0, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0, 0, 0}};
    try (OctadIndex index = VectorData.open(IndexSettings.defaults().withDimension(DIMENSION), vectors); IndexView view = index.view()) {
      var searcher = view.searcher();
      try {
        assertThat(searcher.count(new TermQuery(new Term(VectorFields.MODEL, "test-model")))).isEqualTo(2);
        assertThat(searcher.count(org.apache.lucene.document.DoubleField.newExactQuery(VectorFields.NORM, 5.0))).isEqualTo(1);
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void badInputsAreRejectedWithWhatToDo() {
    try (OctadIndex index = VectorData.open(IndexSettings.defaults().withDimension(DIMENSION), new float[][] {{1, 2, 3, 4, 5, 6, 7, 8}});
        IndexView view = index.view()) {
      VectorSearch search = VectorSearch.on(view);
      float[] good = new float[DIMENSION];
      assertCode(() -> search.nearest(new float[3], 1, null, null, null), ErrorCode.VECTOR_DIMENSION_MISMATCH, "has 3 elements");
      float[] nan = good.clone();
      nan[2] = Float.NaN;
      assertCode(() -> search.nearest(nan, 1, null, null, null), ErrorCode.INVALID_VECTOR, "element 2 is NaN");
      float[] inf = good.clone();
      inf[0] = Float.POSITIVE_INFINITY;
      assertCode(() -> search.within(inf, 0.5, null, null, 1), ErrorCode.INVALID_VECTOR, "finite");
      assertCode(() -> search.nearest(null, 1, null, null, null), ErrorCode.INVALID_SEARCH, "anchor");
      assertCode(() -> search.nearest(good, 0, null, null, null), ErrorCode.INVALID_SEARCH, "at least 1");
      assertCode(() -> search.within(good, Double.NaN, null, null, 5), ErrorCode.INVALID_SEARCH, "finite number");
      assertCode(() -> search.within(good, 0.5, null, null, 0), ErrorCode.INVALID_SEARCH, "at least 1");
      assertCode(() -> search.withCandidates(0), ErrorCode.INVALID_SEARCH, "use 1 to");
    }
  }

  @Test
  void anEmptyIndexFindsNothing() {
    try (OctadIndex index = OctadIndex.open(null, IndexSettings.defaults().withDimension(DIMENSION)); IndexView view = index.view()) {
      assertThat(VectorSearch.on(view).nearest(new float[DIMENSION], 10, null, null, null).hits()).isEmpty();
      assertThat(VectorSearch.on(view).within(new float[DIMENSION], 0, null, null, 10).hits()).isEmpty();
    }
  }

  private static void assertCode(Runnable call, ErrorCode code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.getMessage()).contains(message);
    });
  }

  /** Gaussian vectors with norms spread over three orders of magnitude, so that dot product and cosine disagree. */
  private static float[][] mixedNorms(Random random, int n) {
    float[][] out = VectorData.gaussian(random, n, DIMENSION);
    for (int i = 0; i < n; i++) {
      out[i] = scaled(random, out[i]);
    }
    return out;
  }

  private static float[] scaled(Random random, float[] v) {
    float scale = (float) Math.pow(10, random.nextDouble() * 3 - 1.5);
    float[] out = Arrays.copyOf(v, v.length);
    for (int j = 0; j < out.length; j++) {
      out[j] *= scale;
    }
    return out;
  }
}
