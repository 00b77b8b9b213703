package org.verisimdb.vql.parse;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Statement;

/**
 * {@code AS OF} or {@code VERSION x} written as a top-level conjunct of WHERE means the same as
 * {@code AS OF} after the source (VQL.md §5.4), so it moves there. Only the first moves, and only
 * when the source has none; any other stays where it is, for the checker to report (VQL-TYPE-005).
 */
final class AsOfHoisting {
  private AsOfHoisting() {}

  static Statement.Select hoist(Statement.Select s) {
    if (s.asOf() != null || s.where() == null) {
      return s;
    }
    if (s.where() instanceof Cond.AsOfCond a) {
      return with(s, a, null);
    }
    if (s.where() instanceof Cond.And and) {
      for (int i = 0; i < and.operands().size(); i++) {
        if (and.operands().get(i) instanceof Cond.AsOfCond a) {
          List<Cond> rest = new ArrayList<>(and.operands());
          rest.remove(i);
          Cond where = rest.size() == 1 ? rest.getFirst() : new Cond.And(rest.getFirst().span().to(rest.getLast().span()), rest);
          return with(s, a, where);
        }
      }
    }
    return s;
  }

  private static Statement.Select with(Statement.Select s, Cond.AsOfCond a, Cond where) {
    return new Statement.Select(s.span(), s.items(), s.source(), a.asOf(), where, s.groupBy(), s.having(), s.proofs(), s.orderBy(), s.limit(),
        s.offset(), s.cursor());
  }
}
