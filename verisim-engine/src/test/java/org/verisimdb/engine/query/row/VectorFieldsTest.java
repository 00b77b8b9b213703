package org.verisimdb.engine.query.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Value;

class VectorFieldsTest {

  private static Value field(VectorFacet vector, String name) {
    return Station.row(Station.with(vector)).field(Modality.VECTOR, List.of(name));
  }

  @Test
  void embeddingElementsAreTheShortestDecimalsOfTheFloats() {
    VectorFacet vector = new VectorFacet(new float[] {0.1f, -0.37f, 1f, 3.4028235e38f, 1.0e-7f}, "all-MiniLM-L6-v2");
    assertThat(field(vector, "embedding")).isEqualTo(new Value.Arr(List.of(
        new Value.Flt(0.1), new Value.Flt(-0.37), new Value.Flt(1.0), new Value.Flt(3.4028235e38), new Value.Flt(1.0e-7))));
  }

  @Test
  void modelDimensionAndNorm() {
    VectorFacet vector = new VectorFacet(new float[] {3f, 4f}, "all-MiniLM-L6-v2");
    assertThat(field(vector, "model")).isEqualTo(new Value.Str("all-MiniLM-L6-v2"));
    assertThat(field(vector, "dimension")).isEqualTo(new Value.Int(2));
    assertThat(field(vector, "norm")).isEqualTo(new Value.Flt(5.0));
  }

  @Test
  void anUnknownModelIsNull() {
    assertThat(field(new VectorFacet(new float[] {1f}, null), "model")).isEqualTo(Value.NULL);
  }

  @Test
  void theNormIsTakenOverTheStoredFloats() {
    Value.Flt norm = (Value.Flt) field(new VectorFacet(new float[] {0.02f, 0.11f, -0.37f, 0.9f}, null), "norm");
    assertThat(norm.value()).isCloseTo(Math.sqrt(0.02 * 0.02 + 0.11 * 0.11 + 0.37 * 0.37 + 0.9 * 0.9), within(1e-7));
  }
}
