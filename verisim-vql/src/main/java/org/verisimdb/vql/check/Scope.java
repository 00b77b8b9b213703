package org.verisimdb.vql.check;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Expr.PseudoColumn;
import org.verisimdb.vql.ast.Source;

/**
 * What names mean in one statement: graph variables introduced by WHERE's patterns, select-list
 * aliases, GROUP BY keys, whether it is an aggregate query, and which pseudo-columns it uses and
 * defines (for VQL-WARN-001).
 */
final class Scope {
  /** Where an expression stands; name and grouping rules depend on it. */
  enum Position {
    SELECT,
    WHERE,
    GROUP_BY,
    HAVING,
    ORDER_BY,
    RETURNING,
    MUTATION
  }

  final Set<String> graphVariables = new HashSet<>();
  final Map<String, Expr> aliases = new HashMap<>();
  List<Expr> groupKeys = List.of();
  boolean aggregateQuery;
  Source source;
  final Set<PseudoColumn> defined = EnumSet.noneOf(PseudoColumn.class);
  final Map<PseudoColumn, Expr.Pseudo> used = new HashMap<>();
}
