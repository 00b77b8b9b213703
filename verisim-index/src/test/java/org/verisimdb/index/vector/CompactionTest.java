package org.verisimdb.index.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;

/** Compaction merges the index into one segment; searches answer the same, and the merged index is what reopens. */
class CompactionTest {

  @Test
  void compactionLeavesOneSegmentThatSearchesTheSame(@TempDir Path dir) {
    IndexSettings settings = IndexSettings.defaults().withDimension(8);
    float[][] vectors = VectorData.gaussian(new Random(11), 600, 8);
    float[] anchor = vectors[42];
    try (OctadIndex index = OctadIndex.open(dir, settings)) {
      // Five committed batches: the merge policy may merge such small segments on its own, so how
      // many remain is Lucene's business; after compaction exactly one must.
      for (int from = 0; from < vectors.length; from += 120) {
        java.util.List<org.verisimdb.index.lucene.IndexChange> batch = new java.util.ArrayList<>();
        for (int i = from; i < from + 120; i++) {
          batch.add(org.verisimdb.index.lucene.IndexChange.of(VectorData.octad(i, vectors[i], "test-model")));
        }
        index.apply(from / 120 + 1, batch);
        index.commit();
        index.view().close();
      }
      assertThat(index.segments()).isPositive();
      java.util.List<VectorHit> before;
      try (IndexView view = index.view()) {
        before = VectorSearch.on(view).withCandidates(600).nearest(anchor, 10, null, null, null).hits();
      }
      index.compact(1);
      assertThat(index.segments()).isEqualTo(1);
      try (IndexView view = index.view()) {
        assertThat(view.octads()).isEqualTo(600);
        assertThat(VectorSearch.on(view).withCandidates(600).nearest(anchor, 10, null, null, null).hits()).isEqualTo(before);
      }
    }
    try (OctadIndex index = OctadIndex.open(dir, settings)) {
      assertThat(index.segments()).isEqualTo(1);
      assertThat(index.appliedLsn()).isEqualTo(5);
    }
  }
}
