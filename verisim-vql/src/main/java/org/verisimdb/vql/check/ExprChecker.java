package org.verisimdb.vql.check;

import java.util.Arrays;
import java.util.List;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Expr.AggregateFn;
import org.verisimdb.vql.ast.Expr.PseudoColumn;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Trees;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Scope.Position;
import org.verisimdb.vql.check.VqlType.Kind;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Hints;

/** Static types of expressions, and the name and grouping rules of VQL.md §4.5 and §5.6 by position. */
final class ExprChecker {
  private static final List<String> MODALITY_NAMES = Arrays.stream(Modality.values()).map(Enum::name).toList();
  private final Context ctx;
  private final Scope scope;

  ExprChecker(Context ctx, Scope scope) {
    this.ctx = ctx;
    this.scope = scope;
  }

  VqlType type(Expr e, Position pos) {
    return switch (e) {
      case Expr.Field f -> field(f);
      case Expr.VarRef v -> variable(v, pos);
      case Expr.Pseudo p -> {
        scope.used.putIfAbsent(p.column(), p);
        yield p.column() == PseudoColumn.ID ? VqlType.STRING : VqlType.FLOAT;
      }
      case Expr.AliasRef a -> alias(a, pos);
      case Expr.Aggregate a -> aggregate(a, pos);
      case Expr.Drift d -> {
        if (d.first() == d.second()) {
          ctx.error(DiagnosticCode.TYPE_012, d.span(), "DRIFT of " + d.first() + " with itself; name two different modalities");
        }
        yield VqlType.FLOAT;
      }
      case Expr.Term t -> valueType(ctx.value(t));
    };
  }

  static VqlType valueType(Value v) {
    if (v == null) {
      return VqlType.ANY;
    }
    return switch (v) {
      case Value.Str s -> VqlType.STRING;
      case Value.Uuid u -> VqlType.STRING;
      case Value.Int i -> VqlType.INTEGER;
      case Value.Flt f -> VqlType.FLOAT;
      case Value.Bool b -> VqlType.BOOLEAN;
      case Value.Null n -> VqlType.NULL;
      case Value.Time t -> VqlType.TIMESTAMP;
      case Value.Obj o -> VqlType.OBJECT;
      case Value.Arr a -> VqlType.arrayOf(a.elements().isEmpty() ? Kind.ANY : valueType(a.elements().getFirst()).kind(), false);
    };
  }

  private VqlType field(Expr.Field f) {
    FieldCatalog.FieldInfo info = FieldCatalog.field(f.modality(), f.path());
    if (info == null) {
      ctx.error(DiagnosticCode.NAME_002, f.span(), "unknown field '" + f.name() + "' of " + f.modality(),
          Hints.didYouMean(f.name(), FieldCatalog.names(f.modality())));
      return VqlType.ANY;
    }
    return info.type();
  }

  private VqlType variable(Expr.VarRef v, Position pos) {
    if (pos == Position.WHERE && scope.graphVariables.contains(v.variable())) {
      String name = String.join(".", v.path());
      return name.equals("id") || name.equals("title") || name.equals("body") ? VqlType.STRING : VqlType.ANY;
    }
    String hint = Hints.didYouMean(v.variable(), MODALITY_NAMES);
    if (hint != null) {
      ctx.error(DiagnosticCode.NAME_001, v.span(), "unknown modality '" + v.variable() + "'", hint);
    } else if (scope.graphVariables.contains(v.variable())) {
      ctx.error(DiagnosticCode.NAME_003, v.span(), "graph variable '" + v.variable() + "' may appear only in WHERE");
    } else {
      ctx.error(DiagnosticCode.NAME_003, v.span(), "unknown variable '" + v.variable() + "': no graph pattern introduces it");
    }
    return VqlType.ANY;
  }

  private VqlType alias(Expr.AliasRef a, Position pos) {
    if (pos == Position.ORDER_BY || pos == Position.HAVING) {
      Expr target = scope.aliases.get(a.name());
      if (target != null) {
        return target instanceof Expr.AliasRef ? VqlType.ANY : type(target, Position.SELECT);
      }
    }
    String hint = Hints.didYouMean(a.name(), scope.aliases.keySet());
    ctx.error(DiagnosticCode.NAME_003, a.span(), "unknown column or alias '" + a.name() + "'", hint);
    return VqlType.ANY;
  }

  private VqlType aggregate(Expr.Aggregate a, Position pos) {
    if (pos == Position.WHERE || pos == Position.GROUP_BY || pos == Position.RETURNING || pos == Position.MUTATION) {
      ctx.error(DiagnosticCode.TYPE_004, a.span(), "aggregate " + a.function() + "(…) is not allowed in " + where(pos));
    } else if (pos == Position.ORDER_BY && !scope.aggregateQuery) {
      ctx.error(DiagnosticCode.TYPE_004, a.span(), "aggregate in ORDER BY of a query that is not an aggregate query");
    }
    if (a.argument() == null) {
      return VqlType.INTEGER;
    }
    VqlType arg = type(a.argument(), pos == Position.ORDER_BY || pos == Position.HAVING ? Position.SELECT : pos);
    if (a.function() == AggregateFn.COUNT) {
      return VqlType.INTEGER;
    }
    if (arg.isArray()) {
      ctx.error(DiagnosticCode.TYPE_003, a.span(), a.function() + " of an array column");
      return VqlType.ANY;
    }
    boolean numericOnly = a.function() == AggregateFn.SUM || a.function() == AggregateFn.AVG;
    if (numericOnly && !arg.isNumeric() && !arg.isOpen()) {
      ctx.error(DiagnosticCode.TYPE_003, a.span(), a.function() + " of a " + arg + " column; " + a.function() + " needs numbers");
    }
    return switch (a.function()) {
      case SUM -> arg.kind() == Kind.INTEGER ? VqlType.INTEGER : VqlType.FLOAT;
      case AVG -> VqlType.FLOAT;
      default -> arg;
    };
  }

  private static String where(Position pos) {
    return switch (pos) {
      case WHERE -> "WHERE";
      case GROUP_BY -> "GROUP BY";
      case RETURNING -> "RETURNING";
      default -> "this position";
    };
  }

  /** True if {@code e} is one of the GROUP BY keys (up to spans). */
  boolean isGroupKey(Expr e) {
    for (Expr key : scope.groupKeys) {
      if (Trees.same(key, e)) {
        return true;
      }
    }
    return false;
  }

  /** Columns outside aggregates in {@code e} must be group keys or aliases in an aggregate query (§5.6). */
  void requireGrouped(Expr e, String clause) {
    switch (e) {
      case Expr.Aggregate a -> { }
      case Expr.AliasRef a -> { }
      case Expr.Term t -> { }
      default -> {
        if (!isGroupKey(e)) {
          ctx.error(DiagnosticCode.TYPE_004, e.span(),
              org.verisimdb.vql.format.CondPrinter.text(e) + " in " + clause + " of an aggregate query must be a GROUP BY key or inside an aggregate");
        }
      }
    }
  }
}
