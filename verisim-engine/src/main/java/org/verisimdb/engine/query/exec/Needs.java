package org.verisimdb.engine.query.exec;

import java.util.EnumSet;
import java.util.Set;
import org.verisimdb.model.Modality;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.SelectItem;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Trees;

/**
 * The modalities a SELECT looks at, so its reader decodes only those: every modality its fields,
 * selected modalities and predicates name. Null when it may look at any (SELECT *, proofs,
 * drift_score, SATISFIES), and then whole octads are read.
 */
final class Needs {
  private Needs() {}

  static Set<Modality> of(Statement.Select s) {
    if (!s.proofs().isEmpty()) {
      return null;
    }
    EnumSet<Modality> out = EnumSet.noneOf(Modality.class);
    for (SelectItem item : s.items()) {
      switch (item) {
        case SelectItem.Star star -> {
          return null;
        }
        case SelectItem.Whole w -> out.add(model(w.modality()));
        case SelectItem.Column c -> { }
      }
    }
    for (Expr.Field f : Trees.collect(s, Expr.Field.class)) {
      out.add(model(f.modality()));
    }
    if (!Trees.collect(s, Expr.VarRef.class).isEmpty()) {
      out.add(Modality.DOCUMENT);
    }
    for (Expr.Drift d : Trees.collect(s, Expr.Drift.class)) {
      out.add(model(d.first()));
      out.add(model(d.second()));
    }
    for (Expr.Pseudo p : Trees.collect(s, Expr.Pseudo.class)) {
      switch (p.column()) {
        case DRIFT_SCORE -> {
          return null;
        }
        case SIMILARITY -> out.add(Modality.VECTOR);
        case DISTANCE_KM -> out.add(Modality.SPATIAL);
        case SCORE -> out.add(Modality.DOCUMENT);
        default -> { }
      }
    }
    for (Cond c : Trees.collect(s, Cond.class)) {
      switch (c) {
        case Cond.Satisfies sat -> {
          return null;
        }
        case Cond.Consistent k -> {
          out.add(model(k.first()));
          out.add(model(k.second()));
        }
        case Cond.HasProof h -> out.add(Modality.SEMANTIC);
        case Cond.VerifiedBy v -> out.add(Modality.SEMANTIC);
        case Cond.ModifiedBy m -> {
          out.add(Modality.TEMPORAL);
          out.add(Modality.PROVENANCE);
        }
        case Cond.And a -> { }
        case Cond.Or o -> { }
        case Cond.Not n -> { }
        default -> {
          String m = Conjuncts.modality(c);
          if (m != null) {
            out.add(Modality.valueOf(m));
          }
        }
      }
    }
    return out;
  }

  private static Modality model(org.verisimdb.vql.ast.Modality m) {
    return Modality.valueOf(m.name());
  }
}
