package org.verisimdb.vql.check;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.ast.AsOf;
import org.verisimdb.vql.ast.Clauses.OrderItem;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Expr.PseudoColumn;
import org.verisimdb.vql.ast.GraphNode;
import org.verisimdb.vql.ast.SelectItem;
import org.verisimdb.vql.ast.Source;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Trees;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Scope.Position;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Hints;

/** SELECT (VQL.md §5.1–5.8): sources, select lists, grouping, placement of NEAREST and AS OF, paging. */
final class SelectChecker {
  static final List<String> POLICIES = List.of("STRICT", "REPAIR", "TOLERATE", "LATEST");
  private final Context ctx;
  private final Scope scope = new Scope();
  private final ExprChecker exprs;
  private final CondChecker conds;

  SelectChecker(Context ctx) {
    this.ctx = ctx;
    this.exprs = new ExprChecker(ctx, scope);
    this.conds = new CondChecker(ctx, scope, exprs);
  }

  void check(Statement.Select s) {
    scope.source = s.source();
    source(s.source());
    if (s.asOf() != null) {
      asOf(s.asOf());
    }
    if (s.where() != null) {
      for (Cond.Pattern p : Trees.collect(s.where(), Cond.Pattern.class)) {
        for (GraphNode n : p.nodes()) {
          scope.graphVariables.add(n.variable());
        }
      }
    }
    scope.groupKeys = s.groupBy();
    scope.aggregateQuery = !s.groupBy().isEmpty() || !Trees.collect(s.items(), Expr.Aggregate.class).isEmpty()
        || (s.having() != null && !Trees.collect(s.having(), Expr.Aggregate.class).isEmpty());
    items(s.items(), Position.SELECT);
    if (s.where() != null) {
      conds.check(s.where(), Position.WHERE);
      placement(s.where());
    }
    for (Expr key : s.groupBy()) {
      if (key instanceof Expr.AliasRef a) {
        ctx.error(DiagnosticCode.NAME_003, a.span(), "unknown column '" + a.name() + "': GROUP BY keys are fields or pseudo-columns");
      } else {
        exprs.type(key, Position.GROUP_BY);
      }
    }
    if (s.having() != null) {
      if (!scope.aggregateQuery) {
        ctx.error(DiagnosticCode.TYPE_004, s.having().span(), "HAVING in a query that is not an aggregate query; use WHERE");
      }
      conds.check(s.having(), Position.HAVING);
      for (Expr e : Trees.collect(s.having(), Expr.class)) {
        if (scope.aggregateQuery && (e instanceof Expr.Field || e instanceof Expr.Pseudo || e instanceof Expr.Drift) && !insideAggregate(s.having(), e)) {
          exprs.requireGrouped(e, "HAVING");
        }
      }
    }
    for (OrderItem item : s.orderBy()) {
      exprs.type(item.expr(), Position.ORDER_BY);
      if (scope.aggregateQuery) {
        exprs.requireGrouped(item.expr(), "ORDER BY");
      }
    }
    if (s.limit() != null) {
      ctx.limit(s.limit(), "LIMIT");
    }
    if (s.offset() != null) {
      Long n = ctx.integer(s.offset(), "an integer OFFSET");
      if (n != null && n < 0) {
        ctx.error(DiagnosticCode.VALUE_006, s.offset().span(), "OFFSET must not be negative; found " + n);
      }
    }
    if (s.cursor() != null) {
      ctx.string(s.cursor(), "a cursor string");
    }
    for (var use : scope.used.entrySet()) {
      if (use.getKey() != PseudoColumn.ID && use.getKey() != PseudoColumn.DRIFT_SCORE && !scope.defined.contains(use.getKey())) {
        ctx.error(DiagnosticCode.WARN_001, use.getValue().span(), use.getKey().text() + " is always null: the statement has no predicate that defines it");
      }
    }
  }

  private static boolean insideAggregate(Cond having, Expr e) {
    for (Expr.Aggregate a : Trees.collect(having, Expr.Aggregate.class)) {
      if (a.argument() == e) {
        return true;
      }
    }
    return false;
  }

  /** A select or RETURNING list: aliases, duplicates, expression rules and grouping. */
  void items(List<SelectItem> items, Position pos) {
    List<SelectItem> seen = new ArrayList<>();
    for (SelectItem item : items) {
      for (SelectItem earlier : seen) {
        if (Trees.same(earlier, item)) {
          ctx.error(DiagnosticCode.WARN_002, item.span(), "this item is listed twice; it is kept once");
          break;
        }
      }
      seen.add(item);
      switch (item) {
        case SelectItem.Star star -> wholeInAggregate(item);
        case SelectItem.Whole whole -> wholeInAggregate(item);
        case SelectItem.Column c -> {
          exprs.type(c.expr(), pos);
          if (c.expr() instanceof Expr.Term) {
            ctx.error(DiagnosticCode.TYPE_001, c.span(), "a literal or parameter cannot be selected");
          }
          if (scope.aggregateQuery && pos == Position.SELECT) {
            exprs.requireGrouped(c.expr(), "the select list");
          }
          if (c.alias() != null) {
            alias(c);
          }
        }
      }
    }
  }

  private void wholeInAggregate(SelectItem item) {
    if (scope.aggregateQuery) {
      ctx.error(DiagnosticCode.TYPE_004, item.span(), "whole modalities cannot be selected in an aggregate query");
    }
  }

  private void alias(SelectItem.Column c) {
    String name = c.alias().text();
    if (name.equalsIgnoreCase("h") || PseudoColumn.byName(name) != null) {
      ctx.error(DiagnosticCode.NAME_011, c.alias().span(), "invalid alias '" + name + "': h and pseudo-column names cannot be aliases");
    } else if (scope.aliases.putIfAbsent(name, c.expr()) != null) {
      ctx.error(DiagnosticCode.NAME_011, c.alias().span(), "duplicate alias '" + name + "'");
    }
  }

  /** NEAREST only as a top-level conjunct and at most once; AS OF placement is reported by the condition checker. */
  private void placement(Cond where) {
    List<Cond> top = where instanceof Cond.And a ? a.operands() : List.of(where);
    int nearest = 0;
    for (Cond c : Trees.collect(where, Cond.class)) {
      if (c instanceof Cond.VectorNearest || c instanceof Cond.SpatialNearest) {
        if (!top.contains(c)) {
          ctx.error(DiagnosticCode.TYPE_005, c.span(), "NEAREST must be a top-level conjunct of WHERE (not under OR or NOT)");
        } else if (++nearest > 1) {
          ctx.error(DiagnosticCode.TYPE_005, c.span(), "a statement has at most one NEAREST");
        }
      }
    }
  }

  private void source(Source source) {
    switch (source) {
      case Source.Octad o -> ctx.octadId(o.id());
      case Source.All a -> { }
      case Source.Store s -> ctx.catalog.stores().ifPresent(stores -> {
        if (!stores.contains(s.name().text())) {
          ctx.error(DiagnosticCode.NAME_006, s.name().span(), "unknown store '" + s.name().text() + "'", Hints.didYouMean(s.name().text(), stores));
        }
      });
      case Source.Federation f -> federation(f);
    }
  }

  private void federation(Source.Federation f) {
    if (f.policy() != null && !POLICIES.contains(f.policy().text())) {
      ctx.error(DiagnosticCode.NAME_008, f.policy().span(), "unknown drift policy '" + f.policy().text() + "': expected STRICT, REPAIR, TOLERATE or LATEST",
          Hints.didYouMean(f.policy().text(), POLICIES));
    }
    ctx.catalog.peers().ifPresent(peers -> {
      for (var peer : f.peers()) {
        if (!peers.contains(peer.text())) {
          ctx.error(DiagnosticCode.NAME_007, peer.span(), "unknown federation peer '" + peer.text() + "'", Hints.didYouMean(peer.text(), peers));
        }
      }
      if (f.glob() != null && peers.stream().noneMatch(p -> Globs.matches(f.glob(), p))) {
        ctx.error(DiagnosticCode.WARN_003, f.span(), "the glob " + f.glob() + " matches no peer; the result is empty");
      }
    });
  }

  private void asOf(AsOf asOf) {
    switch (asOf) {
      case AsOf.AtTime t -> ctx.time(t.time(), "a timestamp");
      case AsOf.AtVersion v -> {
        Value value = ctx.value(v.version());
        if (value instanceof Value.Int i && i.value() < 1) {
          ctx.error(DiagnosticCode.VALUE_006, v.version().span(), "versions start at 1; found " + i.value());
        } else if (value != null && !(value instanceof Value.Int) && !(value instanceof Value.Str)) {
          ctx.wrongKind(v.version(), "a version number or label", DiagnosticCode.TYPE_001);
        }
      }
    }
  }
}
