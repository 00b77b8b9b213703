package org.verisimdb.vql.check;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.vql.ast.Clauses.Assign;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Hints;
import org.verisimdb.vql.diag.Span;

/** Contract references (VQL.md §6.6, §7.2): existence, kind and declared parameters, when the catalog knows contracts. */
final class Contracts {
  private Contracts() {}

  static void satisfies(Context ctx, Cond.Satisfies s) {
    Contract c = lookup(ctx, s.contract(), Contract.Kind.PREDICATE, "SATISFIES");
    if (c != null) {
      params(ctx, c, s.params(), s.span());
    } else {
      duplicates(ctx, s.params());
    }
  }

  /** The contract named {@code name} of kind {@code kind}; null (reported when known to be wrong) otherwise. */
  static Contract lookup(Context ctx, Name name, Contract.Kind kind, String use) {
    if (ctx.catalog.contracts().isEmpty()) {
      return null;
    }
    Map<String, Contract> known = ctx.catalog.contracts().get();
    Contract c = known.get(name.text());
    if (c == null) {
      ctx.error(DiagnosticCode.NAME_005, name.span(), "unknown contract '" + name.text() + "'", Hints.didYouMean(name.text(), known.keySet()));
      return null;
    }
    if (c.kind() != kind) {
      ctx.error(DiagnosticCode.TYPE_008, name.span(), "contract '" + name.text() + "' is a " + c.kind() + " contract; " + use + " needs a " + kind + " contract");
      return null;
    }
    return c;
  }

  /** Parameters against the contract's declaration: known names, types, each once, required ones given. */
  static void params(Context ctx, Contract c, List<Assign> given, Span at) {
    duplicates(ctx, given);
    Set<String> names = new HashSet<>();
    for (Assign a : given) {
      names.add(a.key().text());
      Contract.Param declared = c.params().stream().filter(p -> p.name().equals(a.key().text())).findFirst().orElse(null);
      if (declared == null) {
        ctx.error(DiagnosticCode.NAME_009, a.key().span(), "contract '" + c.name() + "' has no parameter '" + a.key().text() + "'",
            Hints.didYouMean(a.key().text(), c.params().stream().map(Contract.Param::name).toList()));
        continue;
      }
      VqlType actual = ExprChecker.valueType(ctx.value(a.value()));
      if (!CondChecker.compatible(declared.type(), actual, org.verisimdb.vql.ast.CmpOp.EQ)) {
        ctx.wrongKind(a.value(), "a " + declared.type() + " for '" + a.key().text() + "'", DiagnosticCode.TYPE_001);
      }
    }
    for (Contract.Param p : c.params()) {
      if (p.required() && !names.contains(p.name())) {
        ctx.error(DiagnosticCode.NAME_012, at, "missing parameter '" + p.name() + "' of contract '" + c.name() + "'");
      }
    }
  }

  /** Each key once (VQL-TYPE-010). */
  static void duplicates(Context ctx, List<Assign> given) {
    Set<String> seen = new HashSet<>();
    for (Assign a : given) {
      if (!seen.add(a.key().text())) {
        ctx.error(DiagnosticCode.TYPE_010, a.key().span(), "parameter '" + a.key().text() + "' is given twice");
      }
    }
  }
}
