package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.value.Aggregator;
import org.verisimdb.engine.query.value.Truth;
import org.verisimdb.engine.query.value.Values;
import org.verisimdb.vql.ast.CmpOp;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.SelectItem;
import org.verisimdb.vql.ast.Trees;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.format.CondPrinter;

/**
 * GROUP BY, aggregates and HAVING (VQL.md §5.6): rows with equal keys (null a key of its own)
 * form a group; without GROUP BY the whole filtered result is one group, even when empty.
 * Groups are held in memory, at most {@link #MAX_GROUPS} of them.
 */
final class Grouping {
  static final int MAX_GROUPS = 1_000_000;

  /** One group: its key values (by the canonical text of each key), its aggregators, and how many rows it holds. */
  static final class Group {
    final Map<String, Value> keys = new LinkedHashMap<>();
    final Map<String, Aggregator> aggregates = new LinkedHashMap<>();
    final List<org.verisimdb.model.OctadId> members = new ArrayList<>();
  }

  private final List<Expr> keys;
  private final List<Expr.Aggregate> aggregates;
  private final Map<String, Expr> aliases = new java.util.HashMap<>();
  private final Map<List<org.verisimdb.engine.query.value.GroupKey>, Group> groups = new LinkedHashMap<>();
  private final Params params;
  boolean ignoredNonNumeric;

  Grouping(List<Expr> keys, List<SelectItem> select, Cond having, List<org.verisimdb.vql.ast.Clauses.OrderItem> order, Params params) {
    this.keys = keys;
    this.params = params;
    Map<String, Expr.Aggregate> all = new LinkedHashMap<>();
    for (Object node : List.of(select, having == null ? List.of() : List.of(having), order)) {
      for (Expr.Aggregate a : Trees.collect(node, Expr.Aggregate.class)) {
        all.putIfAbsent(CondPrinter.text(a), a);
      }
    }
    this.aggregates = List.copyOf(all.values());
    for (SelectItem s : select) {
      if (s instanceof SelectItem.Column c && c.alias() != null) {
        aliases.put(c.alias().text(), c.expr());
      }
    }
    if (keys.isEmpty()) {
      groups.put(List.of(), fresh(List.of()));
    }
  }

  static boolean isAggregateQuery(org.verisimdb.vql.ast.Statement.Select s) {
    return !s.groupBy().isEmpty() || !Trees.collect(s.items(), Expr.Aggregate.class).isEmpty()
        || (s.having() != null && !Trees.collect(s.having(), Expr.Aggregate.class).isEmpty());
  }

  /** Adds one filtered row, whose expression values {@code value} gives. */
  void add(org.verisimdb.model.OctadId id, java.util.function.Function<Expr, Value> value) {
    List<Value> keyValues = new ArrayList<>(keys.size());
    List<org.verisimdb.engine.query.value.GroupKey> key = new ArrayList<>(keys.size());
    for (Expr k : keys) {
      Value v = value.apply(k);
      keyValues.add(v);
      key.add(new org.verisimdb.engine.query.value.GroupKey(v));
    }
    Group g = groups.get(key);
    if (g == null) {
      if (groups.size() >= MAX_GROUPS) {
        throw new VqlException(DiagnosticCode.EXEC_005, "the query forms more than " + MAX_GROUPS + " groups; group by fewer distinct values");
      }
      g = fresh(keyValues);
      groups.put(key, g);
    }
    for (Expr.Aggregate a : aggregates) {
      Value v = a.argument() == null ? Value.TRUE : value.apply(a.argument());
      g.aggregates.get(CondPrinter.text(a)).add(v);
    }
    if (g.members.size() < 100_000) {
      g.members.add(id);
    }
  }

  private Group fresh(List<Value> keyValues) {
    Group g = new Group();
    for (int i = 0; i < keys.size(); i++) {
      g.keys.put(CondPrinter.text(keys.get(i)), keyValues.get(i));
    }
    for (Expr.Aggregate a : aggregates) {
      g.aggregates.put(CondPrinter.text(a), Aggregator.of(a.function(), a.argument() == null));
    }
    return g;
  }

  /** The groups that pass HAVING. */
  List<Group> result(Cond having) {
    List<Group> out = new ArrayList<>();
    for (Group g : groups.values()) {
      for (Aggregator a : g.aggregates.values()) {
        ignoredNonNumeric |= a.ignoredNonNumeric();
      }
      if (having == null || test(having, g) == Truth.TRUE) {
        out.add(g);
      }
    }
    return out;
  }

  /** The value of an expression for a group: a key, an aggregate, an alias, or a literal. */
  Value value(Expr e, Group g) {
    return switch (e) {
      case Expr.Aggregate a -> g.aggregates.get(CondPrinter.text(a)).result();
      case Expr.AliasRef r -> value(aliases.get(r.name()), g);
      case Expr.Term t -> params.value(t);
      default -> {
        Value v = g.keys.get(CondPrinter.text(e));
        if (v == null && !g.keys.containsKey(CondPrinter.text(e))) {
          throw new IllegalStateException("not a group key: " + CondPrinter.text(e));
        }
        yield v;
      }
    };
  }

  private Truth test(Cond c, Group g) {
    return switch (c) {
      case Cond.And a -> {
        Truth t = Truth.TRUE;
        for (Cond o : a.operands()) {
          t = t.and(test(o, g));
        }
        yield t;
      }
      case Cond.Or o -> {
        Truth t = Truth.FALSE;
        for (Cond x : o.operands()) {
          t = t.or(test(x, g));
        }
        yield t;
      }
      case Cond.Not n -> test(n.operand(), g).not();
      case Cond.Compare cmp -> Values.compare(value(cmp.left(), g), cmp.op(), value(cmp.right(), g));
      case Cond.Between b -> {
        Value v = value(b.operand(), g);
        Truth t = Values.compare(v, CmpOp.GE, value(b.low(), g)).and(Values.compare(v, CmpOp.LE, value(b.high(), g)));
        yield b.negated() ? t.not() : t;
      }
      case Cond.In in -> {
        Value v = value(in.operand(), g);
        Truth t = Truth.FALSE;
        for (Expr x : in.values()) {
          t = t.or(Values.compare(v, CmpOp.EQ, value(x, g)));
        }
        yield in.negated() ? t.not() : t;
      }
      case Cond.IsNull n -> Truth.of((value(n.operand(), g) instanceof Value.Null) != n.negated());
      case Cond.Match m -> {
        Value l = value(m.left(), g);
        Value r = value(m.right(), g);
        Truth t = switch (m.op()) {
          case LIKE -> Values.like(l, r);
          case CONTAINS -> Values.contains(l, r);
          case MATCHES -> r instanceof Value.Str s ? Values.matches(l, Values.regex(s.value(), m.right().span())) : Truth.UNKNOWN;
        };
        yield m.negated() ? t.not() : t;
      }
      default -> throw new VqlException(DiagnosticCode.TYPE_004, "HAVING takes comparisons of group keys and aggregates, not "
          + CondPrinter.text(c));
    };
  }
}
