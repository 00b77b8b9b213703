package org.verisimdb.vql.ast;

import java.util.List;
import org.verisimdb.vql.ast.Clauses.OrderItem;
import org.verisimdb.vql.ast.Clauses.ProofSpec;
import org.verisimdb.vql.ast.Clauses.SetItem;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.diag.Span;

/**
 * A VQL statement (VQL.md §3). Optional parts are null when absent; list parts are empty when
 * absent (an empty {@code proofs} means a plain statement, an empty {@code returning} no RETURNING).
 */
public sealed interface Statement {
  Span span();

  record Select(
      Span span,
      List<SelectItem> items,
      Source source,
      AsOf asOf,
      Cond where,
      List<Expr> groupBy,
      Cond having,
      List<ProofSpec> proofs,
      List<OrderItem> orderBy,
      Term limit,
      Term offset,
      Term cursor)
      implements Statement {
    public Select {
      items = List.copyOf(items);
      groupBy = List.copyOf(groupBy);
      proofs = List.copyOf(proofs);
      orderBy = List.copyOf(orderBy);
    }
  }

  /** {@code id} is null when the database generates one. */
  record Insert(Span span, Term id, List<ModData> data, List<ProofSpec> proofs, List<SelectItem> returning) implements Statement {
    public Insert {
      data = List.copyOf(data);
      proofs = List.copyOf(proofs);
      returning = List.copyOf(returning);
    }
  }

  /** Exactly one of {@code set} and {@code data} is non-empty. */
  record Update(Span span, Term id, List<SetItem> set, List<ModData> data, List<ProofSpec> proofs, List<SelectItem> returning)
      implements Statement {
    public Update {
      set = List.copyOf(set);
      data = List.copyOf(data);
      proofs = List.copyOf(proofs);
      returning = List.copyOf(returning);
    }
  }

  record Delete(Span span, Term id, List<ProofSpec> proofs, List<SelectItem> returning) implements Statement {
    public Delete {
      proofs = List.copyOf(proofs);
      returning = List.copyOf(returning);
    }
  }

  record SearchText(Span span, Term query, Term limit) implements Statement {}

  record SearchVector(Span span, Anchor anchor, Term threshold, Name metric, Term limit) implements Statement {}

  record Explain(Span span, boolean analyze, Statement statement) implements Statement {}

  /** {@code isolation} is null for the default, else READ COMMITTED, SNAPSHOT or SERIALIZABLE as written (upper case). */
  record Begin(Span span, Name isolation) implements Statement {}

  record Commit(Span span) implements Statement {}

  record Rollback(Span span) implements Statement {}

  /** {@code above} is only given for SHOW DRIFT. */
  record Show(Span span, ShowKind kind, Term above, Term limit) implements Statement {}

  record Normalize(Span span, Term id, Name strategy) implements Statement {}

  enum ShowKind {
    MODALITIES,
    STATS,
    DRIFT,
    TRANSACTIONS,
    SLOW_QUERIES
  }
}
