package org.verisimdb.vql.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.ast.Source;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Trees;
import org.verisimdb.vql.check.Scope.Position;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Hints;

/**
 * Analysis of one parsed statement (VQL.md §7.2 for every statement, plus P1–P6 for VQL-DT):
 * returns its diagnostics sorted by position and, for a statement with a PROOF clause, its
 * obligations. Stateless and thread-safe.
 */
public final class Checker {
  static final List<String> STRATEGIES = List.of("FROM_AUTHORITATIVE", "MERGE", "USER_RESOLVE");
  static final List<String> LEVELS = List.of("READ COMMITTED", "SNAPSHOT", "SERIALIZABLE");

  private Checker() {}

  public static CheckResult check(Statement statement, Catalog catalog) {
    return check(statement, catalog, Bindings.NONE);
  }

  public static CheckResult check(Statement statement, Catalog catalog, Bindings bindings) {
    Context ctx = new Context(catalog, bindings);
    parameters(ctx, statement);
    List<Obligation> obligations = statement(ctx, statement);
    List<Diagnostic> sorted = new ArrayList<>(ctx.out);
    sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.span().start()).thenComparingInt(d -> d.span().end()));
    return new CheckResult(sorted, obligations);
  }

  private static List<Obligation> statement(Context ctx, Statement statement) {
    return switch (statement) {
      case Statement.Select s -> {
        new SelectChecker(ctx).check(s);
        yield ProofRules.check(ctx, s.proofs(), s.source() instanceof Source.Octad ? 1 : pageSize(ctx, s.limit()));
      }
      case Statement.Insert i -> {
        if (i.id() != null) {
          ctx.octadId(i.id());
        }
        new DataRules(ctx).data(i.data());
        yield mutation(ctx, i.proofs(), i.returning());
      }
      case Statement.Update u -> {
        ctx.octadId(u.id());
        DataRules rules = new DataRules(ctx);
        rules.set(u.set());
        rules.data(u.data());
        yield mutation(ctx, u.proofs(), u.returning());
      }
      case Statement.Delete d -> {
        ctx.octadId(d.id());
        yield mutation(ctx, d.proofs(), d.returning());
      }
      case Statement.SearchText t -> {
        String q = ctx.string(t.query(), "a full-text query");
        if (q != null && q.codePoints().noneMatch(Character::isLetterOrDigit)) {
          ctx.error(DiagnosticCode.VALUE_008, t.query().span(), "full-text query without terms: it has no letters or digits");
        }
        limit(ctx, t.limit());
        yield List.of();
      }
      case Statement.SearchVector v -> {
        Expr.Term k = v.limit();
        limit(ctx, k);
        // Analysed as its expansion (§5.16): the anchor, threshold and metric of VECTOR SIMILAR TO.
        Scope scope = new Scope();
        new CondChecker(ctx, scope, new ExprChecker(ctx, scope))
            .check(new org.verisimdb.vql.ast.Cond.VectorSimilar(v.span(), v.anchor(), v.threshold(), v.metric()), Position.WHERE);
        yield List.of();
      }
      case Statement.Explain e -> statement(ctx, e.statement());
      case Statement.Begin b -> {
        closedWord(ctx, b.isolation(), LEVELS, "isolation level");
        yield List.of();
      }
      case Statement.Commit c -> List.of();
      case Statement.Rollback r -> List.of();
      case Statement.Show sh -> {
        if (sh.above() != null) {
          Double d = ctx.number(sh.above(), "a drift score");
          if (d != null && (d < 0 || d > 1)) {
            ctx.error(DiagnosticCode.VALUE_006, sh.above().span(), "drift scores lie in [0, 1]; found " + d);
          }
        }
        limit(ctx, sh.limit());
        yield List.of();
      }
      case Statement.Normalize n -> {
        ctx.octadId(n.id());
        closedWord(ctx, n.strategy(), STRATEGIES, "strategy");
        yield List.of();
      }
    };
  }

  private static List<Obligation> mutation(Context ctx, List<org.verisimdb.vql.ast.Clauses.ProofSpec> proofs, List<org.verisimdb.vql.ast.SelectItem> returning) {
    if (!returning.isEmpty()) {
      new SelectChecker(ctx).items(returning, Position.RETURNING);
    }
    return ProofRules.check(ctx, proofs, 1);
  }

  private static void limit(Context ctx, Expr.Term limit) {
    if (limit != null) {
      ctx.limit(limit, "LIMIT");
    }
  }

  /** The page size a '*' proof covers at most: LIMIT, else vql.default_limit (100). */
  private static long pageSize(Context ctx, Expr.Term limit) {
    if (limit != null && ctx.value(limit) instanceof org.verisimdb.vql.ast.Value.Int i && i.value() >= 0) {
      return Math.min(i.value(), ctx.catalog.maxLimit());
    }
    return 100;
  }

  private static void closedWord(Context ctx, Name word, List<String> allowed, String what) {
    if (word != null && !allowed.contains(word.text())) {
      ctx.error(DiagnosticCode.NAME_010, word.span(), "unknown " + what + " '" + word.text() + "': expected " + String.join(", ", allowed),
          Hints.didYouMean(word.text(), allowed));
    }
  }

  /** VQL-PARAM-002 for mixed styles; with values bound, VQL-PARAM-001 for missing and VQL-PARAM-002 for unused ones (§5.17). */
  private static void parameters(Context ctx, Statement statement) {
    List<Expr.Positional> positional = Trees.collect(statement, Expr.Positional.class);
    List<Expr.Named> named = Trees.collect(statement, Expr.Named.class);
    if (!positional.isEmpty() && !named.isEmpty()) {
      Expr.Term later = positional.getFirst().span().start() > named.getFirst().span().start() ? positional.getFirst() : named.getFirst();
      ctx.error(DiagnosticCode.PARAM_002, later.span(), "positional ($1) and named (:name) parameters are mixed in one statement");
    }
    Bindings b = ctx.bindings;
    if (!b.bound()) {
      return;
    }
    Set<Integer> usedIndexes = new HashSet<>();
    for (Expr.Positional p : positional) {
      usedIndexes.add(p.index());
      if (b.positional() == null || p.index() > b.positional().size()) {
        ctx.error(DiagnosticCode.PARAM_001, p.span(), "no value bound for $" + p.index());
      }
    }
    Set<String> usedNames = new HashSet<>();
    for (Expr.Named n : named) {
      usedNames.add(n.name());
      if (b.named() == null || !b.named().containsKey(n.name())) {
        ctx.error(DiagnosticCode.PARAM_001, n.span(), "no value bound for :" + n.name());
      }
    }
    if (b.positional() != null) {
      for (int i = 1; i <= b.positional().size(); i++) {
        if (!usedIndexes.contains(i)) {
          ctx.error(DiagnosticCode.PARAM_002, statement.span().atEnd(), "value " + i + " is bound but the statement has no $" + i);
        }
      }
    }
    if (b.named() != null) {
      for (String name : b.named().keySet()) {
        if (!usedNames.contains(name)) {
          ctx.error(DiagnosticCode.PARAM_002, statement.span().atEnd(), "value '" + name + "' is bound but the statement has no :" + name);
        }
      }
    }
  }
}
