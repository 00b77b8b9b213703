package org.verisimdb.index.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexChange;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;

/**
 * Random creates, vector updates, removals of the vector modality and deletes, applied to the
 * index and to an array model, with commits in between so that deletions span segments; after
 * every round, searches see exactly the model's live vectors: no deleted octad, no old vector.
 * {@code -Dtests.seed=…} replays a run.
 */
class VectorUpdatePropertyTest {
  private static final int DIMENSION = 6;
  private static final int IDS = 400;

  @Test
  void updatesAndDeletesLeaveNoStaleHits() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    float[][] model = new float[IDS][];     // null: no octad, or an octad without a vector
    boolean[] exists = new boolean[IDS];
    try (OctadIndex index = OctadIndex.open(null, IndexSettings.defaults().withDimension(DIMENSION))) {
      long lsn = 0;
      for (int round = 0; round < 30; round++) {
        List<IndexChange> changes = new ArrayList<>();
        for (int op = 0; op < 60; op++) {
          int i = random.nextInt(IDS);
          int kind = random.nextInt(10);
          if (kind < 6) {         // create or update the vector
            model[i] = VectorData.gaussian(random, 1, DIMENSION)[0];
            exists[i] = true;
            changes.add(IndexChange.of(VectorData.octad(i, model[i], "m" + round)));
          } else if (kind < 8) {  // the octad stays, its vector goes
            model[i] = null;
            exists[i] = true;
            changes.add(IndexChange.of(VectorData.octad(i, null, null)));
          } else {
            model[i] = null;
            exists[i] = false;
            changes.add(IndexChange.deleted(VectorData.id(i)));
          }
        }
        index.apply(++lsn, changes);
        if (random.nextInt(3) == 0) {
          index.commit();
        }
        check(index, model, random, seed, round);
      }
    }
  }

  private static void check(OctadIndex index, float[][] model, Random random, long seed, int round) {
    int live = 0;
    for (float[] v : model) {
      live += v == null ? 0 : 1;
    }
    try (IndexView view = index.view()) {
      // the bounded count that chooses between exact and graph search sees live octads only
      var hasVector = new org.apache.lucene.search.TermQuery(
          new org.apache.lucene.index.Term(org.verisimdb.index.lucene.IndexFields.MODALITIES, "vector"));
      try {
        assertThat(VectorSearch.countUpTo(view.searcher(), hasVector, IDS)).as("seed=%d round=%d", seed, round).isEqualTo(live);
        long upToNine = VectorSearch.countUpTo(view.searcher(), hasVector, 9);
        if (live <= 9) {
          assertThat(upToNine).as("seed=%d round=%d", seed, round).isEqualTo(live);
        } else {
          assertThat(upToNine).as("seed=%d round=%d", seed, round).isGreaterThan(9).isLessThanOrEqualTo(live);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      for (int a = 0; a < 5; a++) {
        float[] anchor = VectorData.gaussian(random, 1, DIMENSION)[0];
        for (VectorMetric metric : VectorMetric.values()) {
          // the index's metric walks the graph (20 candidates: exact below 80 vectors); the others scan
          VectorResult result = VectorSearch.on(view).withCandidates(20).nearest(anchor, 10, metric, null, null);
          assertThat(result.hits()).as("seed=%d round=%d metric=%s", seed, round, metric).hasSize(Math.min(10, live));
          for (VectorHit hit : result.hits()) {
            int i = Integer.parseInt(hit.id().value().substring(1));
            assertThat(model[i]).as("seed=%d round=%d: %s is deleted or has no vector", seed, round, hit.id()).isNotNull();
            assertThat(hit.similarity()).as("seed=%d round=%d: %s scored with an old vector", seed, round, hit.id())
                .isEqualTo(metric.similarity(anchor, model[i]));
          }
          if (result.strategy() == VectorResult.Strategy.EXACT) {
            assertThat(result.hits()).as("seed=%d round=%d metric=%s", seed, round, metric)
                .isEqualTo(VectorData.bruteForce(model, anchor, 10, metric, i -> true));
          }
        }
      }
    }
  }
}
