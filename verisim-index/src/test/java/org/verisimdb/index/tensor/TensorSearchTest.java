package org.verisimdb.index.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexChange;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.index.tensor.TensorSearch.Comparison;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.TensorFacet;

/** Random tensors in the index; every query against a scan of the tensors themselves. */
class TensorSearchTest {

  @Test
  void queriesMatchAScan() throws IOException {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    Map<String, TensorFacet> tensors = new java.util.TreeMap<>();
    List<IndexChange> changes = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      TensorFacet t = null;
      if (i % 10 != 0) { // some octads have no tensor at all
        int[] shape = new int[random.nextInt(4)];
        for (int a = 0; a < shape.length; a++) {
          shape[a] = random.nextInt(4);
        }
        DType dtype = DType.values()[random.nextInt(5)];
        t = new TensorFacet(dtype, shape, new byte[(int) TensorFacet.elementCount(shape) * dtype.bytes()]);
        tensors.put("t" + i, t);
      }
      changes.add(IndexChange.of(org.verisimdb.index.TestOctads.of("t" + i, t)));
    }
    try (OctadIndex index = OctadIndex.open(null, IndexSettings.defaults())) {
      index.apply(1, changes);
      try (IndexView view = index.view()) {
        for (int q = 0; q < 60; q++) {
          Comparison op = Comparison.values()[random.nextInt(6)];
          int n = random.nextInt(5) - 1;
          int axis = random.nextInt(3);
          int[] shape = tensors.values().stream().skip(random.nextInt(tensors.size())).findFirst().orElseThrow().shape();
          DType dtype = DType.values()[random.nextInt(5)];
          long lo = random.nextInt(10);
          long hi = lo + random.nextInt(10);
          String ctx = "seed=" + seed + " q=" + q;
          check(view, tensors, TensorSearch.rank(op, n), t -> compare(op, t.rank(), n), ctx + " rank " + op + " " + n);
          check(view, tensors, TensorSearch.size(op, n), t -> compare(op, t.size(), n), ctx + " size " + op + " " + n);
          check(view, tensors, TensorSearch.dimension(axis, op, n), t -> axis < t.rank() && compare(op, t.dimension(axis), n),
              ctx + " dim " + axis + " " + op + " " + n);
          check(view, tensors, TensorSearch.shapeEquals(shape), t -> Arrays.equals(t.shape(), shape), ctx + " shape " + Arrays.toString(shape));
          check(view, tensors, TensorSearch.dtype(dtype), t -> t.dtype() == dtype, ctx + " dtype " + dtype);
          check(view, tensors, TensorSearch.sizeBetween(lo, hi), t -> t.size() >= lo && t.size() <= hi, ctx + " size " + lo + ".." + hi);
        }
        check(view, tensors, TensorSearch.present(), t -> true, "present");
        check(view, tensors, TensorSearch.rank(Comparison.NE, Integer.MIN_VALUE), t -> true, "rank != min");
        check(view, tensors, TensorSearch.rank(Comparison.LT, Integer.MIN_VALUE), t -> false, "rank < min");
        check(view, tensors, TensorSearch.size(Comparison.GT, Long.MAX_VALUE), t -> false, "size > max");
      }
    }
  }

  private static boolean compare(Comparison op, long a, long b) {
    return switch (op) {
      case EQ -> a == b;
      case NE -> a != b;
      case LT -> a < b;
      case LE -> a <= b;
      case GT -> a > b;
      case GE -> a >= b;
    };
  }

  private static void check(IndexView view, Map<String, TensorFacet> tensors, Query q, Predicate<TensorFacet> want, String what) {
    try {
      List<String> got = Arrays.stream(view.searcher().search(q, 1000).scoreDocs).map(d -> view.idOf(d.doc).value()).sorted().toList();
      List<String> expected = tensors.entrySet().stream().filter(e -> want.test(e.getValue())).map(Map.Entry::getKey).sorted().toList();
      assertThat(got).as(what).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void shapeKeys() {
    assertThat(TensorFields.shapeKey(new int[] {3, 224, 224})).isEqualTo("3x224x224");
    assertThat(TensorFields.shapeKey(new int[0])).isEqualTo("scalar");
  }
}
