package org.verisimdb.vql.ast;

import java.util.List;
import org.verisimdb.vql.ast.Expr.Field;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.diag.Span;

/** The small records that clauses are made of. */
public final class Clauses {
  private Clauses() {}

  /** {@code key = value}; a bare value is already typed (VQL.md §2.7). */
  public record Assign(Span span, Name key, Term value) {}

  public record OrderItem(Span span, Expr expr, boolean descending) {}

  /** One spec of a PROOF clause; {@code argument} is null for {@code *}. */
  public record ProofSpec(Span span, Name type, Term argument, List<Assign> params) {
    public ProofSpec {
      params = List.copyOf(params);
    }
  }

  /** {@code MOD.field = value} of UPDATE … SET. */
  public record SetItem(Span span, Field field, Term value) {}
}
