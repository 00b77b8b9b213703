package org.verisimdb.vql.ast;

import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.diag.Span;

/** The read view of a statement (VQL.md §5.4). */
public sealed interface AsOf {
  Span span();

  record AtTime(Span span, Term time) implements AsOf {}

  /** A version number (integer) or label (string). */
  record AtVersion(Span span, Term version) implements AsOf {}
}
