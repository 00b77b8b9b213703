package org.verisimdb.index.vector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexChange;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.VectorFacet;

/** Seeded vector data sets, octads that carry them, and the brute-force reference search the index is checked against. */
final class VectorData {

  private VectorData() {}

  /** The id of the i-th octad: zero-padded so that id order is index order. */
  static OctadId id(int i) {
    return OctadId.of("o%06d".formatted(i));
  }

  static Octad octad(int i, float[] vector, String model) {
    return org.verisimdb.index.TestOctads.of(id(i).value(), vector == null ? null : new VectorFacet(vector, model));
  }

  /** Independent standard normal components. */
  static float[][] gaussian(Random random, int n, int dimension) {
    float[][] out = new float[n][dimension];
    for (float[] v : out) {
      for (int j = 0; j < dimension; j++) {
        v[j] = (float) random.nextGaussian();
      }
    }
    return out;
  }

  /** Points around {@code clusters} random centres, with per-component noise {@code spread} relative to the centres' scale. */
  static float[][] clustered(Random random, int n, int dimension, int clusters, double spread) {
    float[][] centres = gaussian(random, clusters, dimension);
    float[][] out = new float[n][dimension];
    for (float[] v : out) {
      float[] c = centres[random.nextInt(clusters)];
      for (int j = 0; j < dimension; j++) {
        v[j] = (float) (c[j] + spread * random.nextGaussian());
      }
    }
    return out;
  }

  /** Applies every vector as octad i, {@code batch} octads per commit. */
  static void load(OctadIndex index, float[][] vectors, int batch) {
    long lsn = index.appliedLsn();
    List<IndexChange> changes = new ArrayList<>();
    for (int i = 0; i < vectors.length; i++) {
      changes.add(IndexChange.of(octad(i, vectors[i], "test-model")));
      if (changes.size() == batch || i == vectors.length - 1) {
        index.apply(++lsn, changes);
        changes = new ArrayList<>();
      }
    }
  }

  static OctadIndex open(IndexSettings settings, float[][] vectors) {
    OctadIndex index = OctadIndex.open(null, settings);
    load(index, vectors, 1000);
    return index;
  }

  /** The exact answer: the k octads passing {@code allowed} with the highest similarity, ties by smaller id. */
  static List<VectorHit> bruteForce(float[][] vectors, float[] anchor, int k, VectorMetric metric, IntPredicate allowed) {
    List<VectorHit> all = new ArrayList<>();
    for (int i = 0; i < vectors.length; i++) {
      if (vectors[i] != null && allowed.test(i)) {
        all.add(new VectorHit(id(i), metric.similarity(anchor, vectors[i])));
      }
    }
    all.sort(Comparator.comparingDouble(VectorHit::similarity).reversed().thenComparing(VectorHit::id));
    return all.subList(0, Math.min(k, all.size()));
  }

  /** The share of the exact answer's ids that the found hits contain. */
  static double recall(List<VectorHit> exact, List<VectorHit> found) {
    if (exact.isEmpty()) {
      return 1;
    }
    long common = found.stream().map(VectorHit::id).filter(id -> exact.stream().anyMatch(e -> e.id().equals(id))).count();
    return (double) common / exact.size();
  }
}
