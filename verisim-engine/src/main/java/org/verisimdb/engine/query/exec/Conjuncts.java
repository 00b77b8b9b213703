package org.verisimdb.engine.query.exec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.verisimdb.engine.query.plan.Operator;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Trees;

/**
 * What the planner needs to know of one WHERE conjunct: the index operator that can answer it,
 * the modality it reads, whether it compares modalities (evaluated last), and the fraction of
 * octads it is assumed to keep when no index can count it.
 */
final class Conjuncts {
  private Conjuncts() {}

  /** The operator of an index that narrows {@code c}. */
  static Operator operator(Cond c) {
    return switch (c) {
      case Cond.FullText f -> Operator.TEXT_SEARCH;
      case Cond.TextMatches m -> Operator.TEXT_SEARCH;
      case Cond.WithinRadius r -> Operator.SPATIAL_SEARCH;
      case Cond.WithinBounds b -> Operator.SPATIAL_SEARCH;
      case Cond.WithinPolygon p -> Operator.SPATIAL_SEARCH;
      case Cond.SpatialNearest n -> Operator.SPATIAL_SEARCH;
      case Cond.VectorSimilar v -> Operator.VECTOR_SEARCH;
      case Cond.VectorNearest v -> Operator.VECTOR_SEARCH;
      case Cond.TemporalBetween t -> Operator.TEMPORAL_FILTER;
      case Cond.ModifiedBy m -> Operator.TEMPORAL_FILTER;
      case Cond.Pattern p -> Operator.GRAPH_TRAVERSE;
      default -> Operator.FIELD_INDEX_SCAN;
    };
  }

  /** The wire name of the modality {@code c} reads, or null when it reads several or none. */
  static String modality(Cond c) {
    org.verisimdb.vql.ast.Modality m = switch (c) {
      case Cond.FullText f -> org.verisimdb.vql.ast.Modality.DOCUMENT;
      case Cond.TextMatches t -> org.verisimdb.vql.ast.Modality.DOCUMENT;
      case Cond.WithinRadius r -> org.verisimdb.vql.ast.Modality.SPATIAL;
      case Cond.WithinBounds b -> org.verisimdb.vql.ast.Modality.SPATIAL;
      case Cond.WithinPolygon p -> org.verisimdb.vql.ast.Modality.SPATIAL;
      case Cond.SpatialNearest n -> org.verisimdb.vql.ast.Modality.SPATIAL;
      case Cond.VectorSimilar v -> org.verisimdb.vql.ast.Modality.VECTOR;
      case Cond.VectorNearest v -> org.verisimdb.vql.ast.Modality.VECTOR;
      case Cond.TemporalBetween t -> org.verisimdb.vql.ast.Modality.TEMPORAL;
      case Cond.ModifiedBy mb -> org.verisimdb.vql.ast.Modality.TEMPORAL;
      case Cond.Pattern p -> org.verisimdb.vql.ast.Modality.GRAPH;
      case Cond.Exists e -> e.modality();
      case Cond.Satisfies s -> org.verisimdb.vql.ast.Modality.SEMANTIC;
      default -> {
        Set<org.verisimdb.vql.ast.Modality> fields = fieldModalities(c);
        yield fields.size() == 1 ? fields.iterator().next() : null;
      }
    };
    return m == null ? null : m.name();
  }

  /** True when {@code c} relates modalities to one another: DRIFT, CONSISTENT, drift_score, or fields of two modalities. */
  static boolean crossModal(Cond c) {
    if (!Trees.collect(c, Cond.Consistent.class).isEmpty() || !Trees.collect(c, Expr.Drift.class).isEmpty()) {
      return true;
    }
    for (Expr.Pseudo p : Trees.collect(c, Expr.Pseudo.class)) {
      if (p.column() == Expr.PseudoColumn.DRIFT_SCORE) {
        return true;
      }
    }
    return fieldModalities(c).size() > 1 && Trees.collect(c, Cond.Pattern.class).isEmpty();
  }

  private static Set<org.verisimdb.vql.ast.Modality> fieldModalities(Cond c) {
    Set<org.verisimdb.vql.ast.Modality> out = new HashSet<>();
    for (Expr.Field f : Trees.collect(c, Expr.Field.class)) {
      out.add(f.modality());
    }
    return out;
  }

  /** The fraction of octads {@code c} is assumed to keep when the index cannot count it. */
  static double defaultSelectivity(Cond c) {
    return switch (c) {
      case Cond.Compare cmp -> switch (cmp.op()) {
        case EQ -> 0.05;
        case NE -> 0.9;
        default -> 0.33;
      };
      case Cond.In in -> in.negated() ? 0.8 : Math.min(0.5, 0.05 * in.values().size());
      case Cond.Between b -> b.negated() ? 0.75 : 0.25;
      case Cond.IsNull n -> n.negated() ? 0.8 : 0.2;
      case Cond.Match m -> m.negated() ? 0.8 : 0.2;
      case Cond.Not n -> 1 - defaultSelectivity(n.operand());
      case Cond.And a -> a.operands().stream().mapToDouble(Conjuncts::defaultSelectivity).reduce(1.0, (x, y) -> x * y);
      case Cond.Or o -> Math.min(1.0, o.operands().stream().mapToDouble(Conjuncts::defaultSelectivity).sum());
      case Cond.Exists e -> e.negated() ? 0.3 : 0.7;
      case Cond.Pattern p -> 0.3;
      case Cond.HasProof h -> 0.1;
      case Cond.VerifiedBy v -> 0.1;
      case Cond.Satisfies s -> 0.3;
      case Cond.Consistent k -> 0.5;
      case Cond.VectorNearest n -> 1.0;
      case Cond.SpatialNearest n -> 1.0;
      default -> 0.1;
    };
  }

  /** The conjuncts of a top-level AND (or the one condition), NEAREST excluded (it ranks, it does not filter). */
  static List<Cond> filtering(List<Cond> conjuncts) {
    return conjuncts.stream().filter(c -> !(c instanceof Cond.VectorNearest) && !(c instanceof Cond.SpatialNearest)).toList();
  }
}
