package org.verisimdb.vql.ast;

import java.util.List;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.diag.Span;

/** Where the candidate octads come from (VQL.md §5.3). */
public sealed interface Source {
  Span span();

  /** {@code OCTAD id} (also {@code HEXAD}). */
  record Octad(Span span, Term id) implements Source {}

  /** {@code OCTADS} (also {@code HEXADS}). */
  record All(Span span) implements Source {}

  record Store(Span span, Name name) implements Source {}

  /** {@code FEDERATION glob|[peers] [WITH DRIFT policy]}: exactly one of glob and peers is given; policy may be null. */
  record Federation(Span span, String glob, List<Name> peers, Name policy) implements Source {
    public Federation {
      peers = List.copyOf(peers);
    }
  }
}
