package org.verisimdb.engine.query.row;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.TensorStatistics;
import org.verisimdb.vql.ast.Value;

/**
 * TENSOR fields (VQL.md §4.3): {@code shape}, {@code rank}, {@code size}, {@code dtype},
 * {@code data} in row-major order, and {@code mean}, {@code std} (population), {@code min},
 * {@code max} over {@code data}, null for an empty tensor.
 *
 * <p>Integer elements are integers and bool elements booleans. Float32 elements are shown as their
 * shortest decimal ({@link RowValues#decimal}), as VECTOR embeddings are, and the statistics are
 * taken over exactly the numbers {@code data} shows, so {@code TENSOR.max} equals an element of
 * {@code TENSOR.data}. Bool statistics count true as 1. Not thread-safe: the statistics are
 * computed once, on first use.
 */
final class TensorFields implements ModalityFields {
  private final TensorFacet tensor;
  private TensorStatistics statistics;

  TensorFields(TensorFacet tensor) {
    this.tensor = tensor;
  }

  @Override
  public Value field(String name) {
    return switch (name) {
      case "shape" -> shape();
      case "rank" -> new Value.Int(tensor.rank());
      case "size" -> new Value.Int(tensor.size());
      case "dtype" -> new Value.Str(tensor.dtype().wireName());
      case "data" -> data();
      case "mean", "std", "min", "max" -> statistic(name);
      default -> Value.NULL;
    };
  }

  private Value shape() {
    List<Value> dimensions = new ArrayList<>(tensor.rank());
    for (int axis = 0; axis < tensor.rank(); axis++) {
      dimensions.add(new Value.Int(tensor.dimension(axis)));
    }
    return new Value.Arr(dimensions);
  }

  private Value data() {
    List<Value> elements = new ArrayList<>(tensor.size());
    for (int i = 0; i < tensor.size(); i++) {
      elements.add(switch (tensor.dtype()) {
        case FLOAT32, FLOAT64 -> new Value.Flt(element(i));
        case INT32, INT64 -> new Value.Int(tensor.longAt(i));
        case BOOL -> tensor.longAt(i) == 1 ? Value.TRUE : Value.FALSE;
      });
    }
    return new Value.Arr(elements);
  }

  /** Element {@code i} as {@code data} shows it, as a number. */
  private double element(int i) {
    return tensor.dtype() == DType.FLOAT32 ? RowValues.decimal((float) tensor.doubleAt(i)) : tensor.doubleAt(i);
  }

  private TensorStatistics statistics() {
    if (statistics == null && tensor.size() > 0) {
      statistics = TensorStatistics.of(tensor.size(), this::element);
    }
    return statistics;
  }

  private Value statistic(String name) {
    TensorStatistics s = statistics();
    if (s == null) {
      return Value.NULL;
    }
    return new Value.Flt(switch (name) {
      case "mean" -> s.mean();
      case "std" -> s.std();
      case "min" -> s.min();
      default -> s.max();
    });
  }
}
