package org.verisimdb.model.facet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TensorStatisticsTest {

  @Test
  void statisticsArePopulationStatistics() {
    TensorStatistics stats = TensorStatistics.of(TensorFacet.ofFloats(new int[] {4}, new float[] {1, 2, 3, 4}));
    assertThat(stats).isEqualTo(new TensorStatistics(2.5, Math.sqrt(1.25), 1, 4));
  }

  @Test
  void anEmptyTensorHasNoStatistics() {
    assertThat(TensorStatistics.of(TensorFacet.ofInts(new int[] {0, 3}, new int[0]))).isNull();
  }

  @Test
  void hugeElementsDoNotOverflow() {
    TensorStatistics stats = TensorStatistics.of(TensorFacet.ofDoubles(new int[] {2}, new double[] {Double.MAX_VALUE, Double.MAX_VALUE}));
    assertThat(stats.mean()).isEqualTo(Double.MAX_VALUE);
    assertThat(stats.std()).isZero();
  }

  @Test
  void elementsMayComeFromAFunction() {
    double[] elements = {2, 4, 4, 4, 5, 5, 7, 9};
    assertThat(TensorStatistics.of(elements.length, i -> elements[i])).isEqualTo(new TensorStatistics(5, 2, 2, 9));
  }
}
