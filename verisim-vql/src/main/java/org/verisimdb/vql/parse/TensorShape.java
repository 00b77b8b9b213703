package org.verisimdb.vql.parse;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.ast.Clauses.Assign;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.ast.ModData;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Span;

/**
 * {@code TENSOR([[…]])} means {@code TENSOR(shape = […], data = […])} when the nested array is
 * rectangular (VQL.md §5.9, §11.2). A ragged array or a parameter stays as written; the checker
 * rejects a ragged one (VQL-TYPE-010).
 */
public final class TensorShape {
  private TensorShape() {}

  static ModData canonical(Span span, Term array) {
    if (!(array instanceof Expr.Lit lit) || !(lit.value() instanceof Value.Arr arr)) {
      return new ModData.TensorArray(span, array);
    }
    List<Value> shape = shapeOf(arr);
    if (shape == null) {
      return new ModData.TensorArray(span, array);
    }
    List<Value> data = new ArrayList<>();
    flatten(arr, data);
    Span at = array.span();
    return new ModData.Fields(span, Modality.TENSOR, List.of(
        new Assign(at, new Name(at, "shape"), new Expr.Lit(at, new Value.Arr(shape))),
        new Assign(at, new Name(at, "data"), new Expr.Lit(at, new Value.Arr(data)))));
  }

  /** The shape of a rectangular nested array whose leaves are not arrays, or null. */
  public static List<Value> shapeOf(Value.Arr arr) {
    List<Value> shape = new ArrayList<>();
    Value level = arr;
    while (level instanceof Value.Arr a) {
      shape.add(new Value.Int(a.elements().size()));
      if (a.elements().isEmpty()) {
        break;
      }
      level = a.elements().getFirst();
    }
    return conforms(arr, shape, 0) ? shape : null;
  }

  private static boolean conforms(Value v, List<Value> shape, int depth) {
    if (depth == shape.size()) {
      return !(v instanceof Value.Arr);
    }
    if (!(v instanceof Value.Arr a) || a.elements().size() != ((Value.Int) shape.get(depth)).value()) {
      return false;
    }
    for (Value e : a.elements()) {
      if (!conforms(e, shape, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  private static void flatten(Value v, List<Value> into) {
    if (v instanceof Value.Arr a) {
      for (Value e : a.elements()) {
        flatten(e, into);
      }
    } else {
      into.add(v);
    }
  }
}
