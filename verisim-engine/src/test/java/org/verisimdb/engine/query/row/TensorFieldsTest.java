package org.verisimdb.engine.query.row;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Value;

class TensorFieldsTest {

  private static Value field(TensorFacet tensor, String name) {
    return Station.row(Station.with(tensor)).field(Modality.TENSOR, List.of(name));
  }

  private static String text(TensorFacet tensor, String name) {
    return ValueText.of(field(tensor, name));
  }

  @Test
  void shapeRankSizeAndDtype() {
    TensorFacet tensor = TensorFacet.ofInts(new int[] {2, 3}, new int[] {1, 2, 3, 4, 5, 6});
    assertThat(text(tensor, "shape")).isEqualTo("[2,3]");
    assertThat(field(tensor, "rank")).isEqualTo(new Value.Int(2));
    assertThat(field(tensor, "size")).isEqualTo(new Value.Int(6));
    assertThat(field(tensor, "dtype")).isEqualTo(new Value.Str("int32"));
  }

  @Test
  void statisticsMatchAHandComputation() {
    // 1..6: mean 21/6 = 3.5; squared deviations 6.25+2.25+0.25+0.25+2.25+6.25 = 17.5; population variance 17.5/6.
    TensorFacet tensor = TensorFacet.ofInts(new int[] {2, 3}, new int[] {1, 2, 3, 4, 5, 6});
    assertThat(field(tensor, "mean")).isEqualTo(new Value.Flt(3.5));
    assertThat(field(tensor, "std")).isEqualTo(new Value.Flt(Math.sqrt(17.5 / 6)));
    assertThat(((Value.Flt) field(tensor, "std")).value()).isBetween(1.7078, 1.7079);
    assertThat(field(tensor, "min")).isEqualTo(new Value.Flt(1.0));
    assertThat(field(tensor, "max")).isEqualTo(new Value.Flt(6.0));
  }

  @Test
  void statisticsOfFloatsAndNegatives() {
    // -2, 0, 1, 5: mean 1; deviations 9+1+0+16 = 26; variance 6.5.
    TensorFacet tensor = TensorFacet.ofDoubles(new int[] {4}, new double[] {-2, 0, 1, 5});
    assertThat(field(tensor, "mean")).isEqualTo(new Value.Flt(1.0));
    assertThat(field(tensor, "std")).isEqualTo(new Value.Flt(Math.sqrt(6.5)));
    assertThat(field(tensor, "min")).isEqualTo(new Value.Flt(-2.0));
    assertThat(field(tensor, "max")).isEqualTo(new Value.Flt(5.0));
  }

  @Test
  void dataIsRowMajorWithTheDtypesKindOfValue() {
    assertThat(text(TensorFacet.ofInts(new int[] {2, 2}, new int[] {1, -2, 3, 4}), "data")).isEqualTo("[1,-2,3,4]");
    assertThat(text(TensorFacet.ofLongs(new int[] {2}, new long[] {Long.MAX_VALUE, Long.MIN_VALUE}), "data"))
        .isEqualTo("[9223372036854775807,-9223372036854775808]");
    assertThat(text(TensorFacet.ofDoubles(new int[] {2}, new double[] {0.1, -2.5}), "data")).isEqualTo("[0.1,-2.5]");
    assertThat(text(TensorFacet.ofBooleans(new int[] {3}, new boolean[] {true, false, true}), "data")).isEqualTo("[true,false,true]");
  }

  @Test
  void float32ElementsAndTheirStatisticsUseTheShortestDecimals() {
    TensorFacet tensor = TensorFacet.ofFloats(new int[] {3}, new float[] {0.1f, 0.2f, 0.7f});
    assertThat(text(tensor, "data")).isEqualTo("[0.1,0.2,0.7]");
    assertThat(field(tensor, "min")).isEqualTo(new Value.Flt(0.1));
    assertThat(field(tensor, "max")).isEqualTo(new Value.Flt(0.7));
    assertThat(field(tensor, "dtype")).isEqualTo(new Value.Str("float32"));
  }

  @Test
  void everyDtypeHasItsLowerCaseName() {
    assertThat(field(TensorFacet.ofFloats(new int[] {1}, new float[] {1}), "dtype")).isEqualTo(new Value.Str("float32"));
    assertThat(field(TensorFacet.ofDoubles(new int[] {1}, new double[] {1}), "dtype")).isEqualTo(new Value.Str("float64"));
    assertThat(field(TensorFacet.ofInts(new int[] {1}, new int[] {1}), "dtype")).isEqualTo(new Value.Str("int32"));
    assertThat(field(TensorFacet.ofLongs(new int[] {1}, new long[] {1}), "dtype")).isEqualTo(new Value.Str("int64"));
    assertThat(field(TensorFacet.ofBooleans(new int[] {1}, new boolean[] {true}), "dtype")).isEqualTo(new Value.Str("bool"));
  }

  @Test
  void boolStatisticsCountTrueAsOne() {
    TensorFacet tensor = TensorFacet.ofBooleans(new int[] {4}, new boolean[] {true, false, true, true});
    assertThat(field(tensor, "mean")).isEqualTo(new Value.Flt(0.75));
    assertThat(field(tensor, "min")).isEqualTo(new Value.Flt(0.0));
    assertThat(field(tensor, "max")).isEqualTo(new Value.Flt(1.0));
  }

  @Test
  void anEmptyTensorHasNoStatistics() {
    TensorFacet tensor = TensorFacet.ofFloats(new int[] {0, 3}, new float[0]);
    assertThat(text(tensor, "shape")).isEqualTo("[0,3]");
    assertThat(field(tensor, "size")).isEqualTo(new Value.Int(0));
    assertThat(text(tensor, "data")).isEqualTo("[]");
    for (String statistic : List.of("mean", "std", "min", "max")) {
      assertThat(field(tensor, statistic)).as(statistic).isEqualTo(Value.NULL);
    }
  }

  @Test
  void aScalarHasRankZeroAndOneElement() {
    TensorFacet tensor = TensorFacet.ofDoubles(new int[0], new double[] {2.5});
    assertThat(text(tensor, "shape")).isEqualTo("[]");
    assertThat(field(tensor, "rank")).isEqualTo(new Value.Int(0));
    assertThat(field(tensor, "size")).isEqualTo(new Value.Int(1));
    assertThat(field(tensor, "std")).isEqualTo(new Value.Flt(0.0));
  }
}
