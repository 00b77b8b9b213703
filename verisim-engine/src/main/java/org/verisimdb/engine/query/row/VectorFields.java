package org.verisimdb.engine.query.row;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.vql.ast.Value;

/**
 * VECTOR fields (VQL.md §4.3): {@code embedding} (each float32 as its shortest decimal, see
 * {@link RowValues#decimal}), {@code model}, {@code dimension} and {@code norm} (the Euclidean
 * norm of the stored floats, in double precision). Thread-safe.
 */
final class VectorFields implements ModalityFields {
  private final VectorFacet vector;

  VectorFields(VectorFacet vector) {
    this.vector = vector;
  }

  @Override
  public Value field(String name) {
    return switch (name) {
      case "embedding" -> embedding();
      case "model" -> RowValues.text(vector.model());
      case "dimension" -> new Value.Int(vector.dimension());
      case "norm" -> new Value.Flt(vector.norm());
      default -> Value.NULL;
    };
  }

  private Value embedding() {
    List<Value> elements = new ArrayList<>(vector.dimension());
    for (int i = 0; i < vector.dimension(); i++) {
      elements.add(new Value.Flt(RowValues.decimal(vector.get(i))));
    }
    return new Value.Arr(elements);
  }
}
