package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.GraphNode;
import org.verisimdb.vql.ast.Trees;

/**
 * Where each graph variable is quantified (VQL.md §6.3): {@code h}, or else the first node of the
 * first pattern, is the candidate; every other variable is existentially quantified at the
 * smallest condition node (an n-ary AND or OR, a NOT, or a predicate) holding all its
 * occurrences.
 */
final class Quantifiers {
  final String candidate;
  private final Map<Cond, List<String>> owned = new IdentityHashMap<>();

  Quantifiers(Cond where) {
    this.candidate = candidateOf(where);
    if (where == null) {
      return;
    }
    Set<String> vars = new LinkedHashSet<>();
    vars.addAll(variables(where));
    vars.remove(candidate);
    for (String v : vars) {
      Cond node = where;
      while (true) {
        Cond only = null;
        int holding = 0;
        for (Cond child : children(node)) {
          if (variables(child).contains(v)) {
            holding++;
            only = child;
          }
        }
        if (holding == 1) {
          node = only;
        } else {
          break;
        }
      }
      owned.computeIfAbsent(node, k -> new ArrayList<>()).add(v);
    }
  }

  /** The variables quantified at {@code node}: empty for most nodes. */
  List<String> at(Cond node) {
    return owned.getOrDefault(node, List.of());
  }

  static String candidateOf(Cond where) {
    if (where == null) {
      return "h";
    }
    List<Cond.Pattern> patterns = Trees.collect(where, Cond.Pattern.class);
    for (Cond.Pattern p : patterns) {
      for (GraphNode n : p.nodes()) {
        if (n.variable().equals("h")) {
          return "h";
        }
      }
    }
    return patterns.isEmpty() ? "h" : patterns.getFirst().nodes().getFirst().variable();
  }

  private static List<Cond> children(Cond c) {
    return switch (c) {
      case Cond.And a -> a.operands();
      case Cond.Or o -> o.operands();
      case Cond.Not n -> List.of(n.operand());
      default -> List.of();
    };
  }

  private static Set<String> variables(Cond c) {
    Set<String> out = new LinkedHashSet<>();
    for (Cond.Pattern p : Trees.collect(c, Cond.Pattern.class)) {
      for (GraphNode n : p.nodes()) {
        out.add(n.variable());
      }
    }
    for (Expr.VarRef r : Trees.collect(c, Expr.VarRef.class)) {
      out.add(r.variable());
    }
    return out;
  }
}
