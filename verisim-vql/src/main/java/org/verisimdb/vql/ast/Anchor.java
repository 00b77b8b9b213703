package org.verisimdb.vql.ast;

import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.diag.Span;

/** What a vector predicate compares with (VQL.md §6.4). */
public sealed interface Anchor {
  Span span();

  /** A vector literal or a parameter. */
  record Vector(Span span, Term vector) implements Anchor {}

  /** {@code OCTAD id} (also {@code HEXAD}, {@code ENTITY}). */
  record Octad(Span span, Term id) implements Anchor {}

  /** {@code TEXT s}, embedded by the database's model. */
  record Text(Span span, Term text) implements Anchor {}
}
