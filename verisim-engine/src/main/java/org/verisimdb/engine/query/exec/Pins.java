package org.verisimdb.engine.query.exec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.vql.ast.CmpOp;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Value;

/**
 * The graph variables that conjuncts pin to one octad ({@code x.id = 'paper-7'}, either way
 * round): within their AND, a binding of x to any other octad makes the AND FALSE. A value that
 * is not an octad id pins nothing (no octad's id equals it, which the conjunct itself answers).
 */
final class Pins {
  private Pins() {}

  /** Each pinned variable and its octad, the first pin of a variable winning, in conjunct order. */
  static Map<String, OctadId> of(List<Cond> conjuncts, Params params) {
    Map<String, OctadId> out = new LinkedHashMap<>();
    for (Cond c : conjuncts) {
      if (!(c instanceof Cond.Compare cmp) || cmp.op() != CmpOp.EQ) {
        continue;
      }
      Expr.VarRef ref = cmp.left() instanceof Expr.VarRef r ? r : cmp.right() instanceof Expr.VarRef r ? r : null;
      Expr other = ref == cmp.left() ? cmp.right() : cmp.left();
      if (ref == null || !ref.path().equals(List.of("id")) || out.containsKey(ref.variable()) || !(other instanceof Expr.Term t)
          || !(params.value(t) instanceof Value.Str id)) {
        continue;
      }
      try {
        out.put(ref.variable(), OctadId.of(id.value()));
      } catch (VeriSimException notAnId) {
        // pins nothing
      }
    }
    return out;
  }
}
