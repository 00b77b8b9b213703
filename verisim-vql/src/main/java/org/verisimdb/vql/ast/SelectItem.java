package org.verisimdb.vql.ast;

import org.verisimdb.vql.diag.Span;

/** One item of a select list or RETURNING list. {@code MOD(a, b)} becomes two columns. */
public sealed interface SelectItem {
  Span span();

  /** {@code *}: all eight modalities. */
  record Star(Span span) implements SelectItem {}

  /** {@code MOD} or {@code MOD.*}. */
  record Whole(Span span, Modality modality) implements SelectItem {}

  /** An expression with an optional alias (null when none). */
  record Column(Span span, Expr expr, Name alias) implements SelectItem {}
}
