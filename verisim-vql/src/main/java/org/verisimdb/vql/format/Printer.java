package org.verisimdb.vql.format;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.ast.Clauses.OrderItem;
import org.verisimdb.vql.ast.Clauses.ProofSpec;
import org.verisimdb.vql.ast.Clauses.SetItem;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.ModData;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.ast.SelectItem;
import org.verisimdb.vql.ast.Source;
import org.verisimdb.vql.ast.Statement;

/**
 * Prints a syntax tree in the canonical layout of VQL.md §11.1: one clause per line, boolean
 * chains and further proof specs and modality data on their own indented lines. Without comments
 * this is the normalised text of §11.4. Stateless.
 */
public final class Printer {
  private Printer() {}

  /** The normalised text (§11.4): canonical formatting, no comments, no ';', no final line feed. */
  public static String print(Statement s) {
    StringBuilder out = new StringBuilder();
    for (Line line : lines(s)) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(line.text());
    }
    return out.toString();
  }

  static List<Line> lines(Statement s) {
    List<Line> lines = new ArrayList<>();
    statement(lines, s, "");
    return lines;
  }

  private static void statement(List<Line> lines, Statement s, String prefix) {
    int start = s.span().start();
    switch (s) {
      case Statement.Select sel -> select(lines, sel, prefix);
      case Statement.Insert ins -> {
        StringBuilder head = new StringBuilder(prefix).append("INSERT OCTAD");
        if (ins.id() != null) {
          Literal.term(head.append(' '), ins.id());
        }
        lines.add(new Line(head.toString(), start, ""));
        data(lines, ins.data());
        proofs(lines, ins.proofs());
        returning(lines, ins.returning());
      }
      case Statement.Update up -> {
        StringBuilder head = new StringBuilder(prefix).append("UPDATE OCTAD ");
        Literal.term(head, up.id());
        lines.add(new Line(head.toString(), start, ""));
        if (!up.set().isEmpty()) {
          for (int i = 0; i < up.set().size(); i++) {
            SetItem item = up.set().get(i);
            StringBuilder line = new StringBuilder(i == 0 ? "SET " : "  ");
            CondPrinter.expr(line, item.field());
            Literal.term(line.append(" = "), item.value());
            lines.add(new Line(line.append(i < up.set().size() - 1 ? "," : "").toString(), item.span().start(), i == 0 ? "SET" : ""));
          }
        } else {
          data(lines, up.data());
        }
        proofs(lines, up.proofs());
        returning(lines, up.returning());
      }
      case Statement.Delete del -> {
        StringBuilder head = new StringBuilder(prefix).append("DELETE OCTAD ");
        Literal.term(head, del.id());
        lines.add(new Line(head.toString(), start, ""));
        proofs(lines, del.proofs());
        returning(lines, del.returning());
      }
      case Statement.SearchText st -> {
        StringBuilder head = new StringBuilder(prefix).append("SEARCH TEXT ");
        Literal.term(head, st.query());
        lines.add(new Line(head.toString(), start, ""));
        limit(lines, st.limit());
      }
      case Statement.SearchVector sv -> {
        StringBuilder head = new StringBuilder(prefix).append("SEARCH VECTOR SIMILAR TO ");
        CondPrinter.anchor(head, sv.anchor());
        if (sv.threshold() != null) {
          Literal.term(head.append(" WITHIN "), sv.threshold());
        }
        if (sv.metric() != null) {
          head.append(" USING ").append(sv.metric().text());
        }
        lines.add(new Line(head.toString(), start, ""));
        limit(lines, sv.limit());
      }
      case Statement.Explain ex -> statement(lines, ex.statement(), prefix + (ex.analyze() ? "EXPLAIN ANALYZE " : "EXPLAIN "));
      case Statement.Begin b -> lines.add(new Line(prefix + "BEGIN" + (b.isolation() == null ? "" : " ISOLATION LEVEL " + b.isolation().text()), start, ""));
      case Statement.Commit c -> lines.add(new Line(prefix + "COMMIT", start, ""));
      case Statement.Rollback r -> lines.add(new Line(prefix + "ROLLBACK", start, ""));
      case Statement.Show sh -> {
        StringBuilder head = new StringBuilder(prefix).append("SHOW ").append(switch (sh.kind()) {
          case MODALITIES -> "MODALITIES";
          case STATS -> "STATS";
          case DRIFT -> "DRIFT";
          case TRANSACTIONS -> "TRANSACTIONS";
          case SLOW_QUERIES -> "SLOW QUERIES";
        });
        if (sh.above() != null) {
          Literal.term(head.append(" ABOVE "), sh.above());
        }
        lines.add(new Line(head.toString(), start, ""));
        limit(lines, sh.limit());
      }
      case Statement.Normalize n -> {
        StringBuilder head = new StringBuilder(prefix).append("NORMALIZE OCTAD ");
        Literal.term(head, n.id());
        if (n.strategy() != null) {
          head.append(" USING STRATEGY ").append(n.strategy().text());
        }
        lines.add(new Line(head.toString(), start, ""));
      }
    }
  }

  private static void select(List<Line> lines, Statement.Select s, String prefix) {
    StringBuilder head = new StringBuilder(prefix).append("SELECT ");
    items(head, s.items());
    lines.add(new Line(head.toString(), s.span().start(), ""));
    StringBuilder from = new StringBuilder("FROM ");
    source(from, s.source());
    if (s.asOf() != null) {
      CondPrinter.asOf(from.append(' '), s.asOf());
    }
    lines.add(new Line(from.toString(), s.source().span().start(), "FROM"));
    if (s.where() != null) {
      chain(lines, "WHERE", s.where());
    }
    if (!s.groupBy().isEmpty()) {
      StringBuilder line = new StringBuilder("GROUP BY ");
      for (int i = 0; i < s.groupBy().size(); i++) {
        CondPrinter.expr(line.append(i > 0 ? ", " : ""), s.groupBy().get(i));
      }
      lines.add(new Line(line.toString(), s.groupBy().getFirst().span().start(), "GROUP BY"));
    }
    if (s.having() != null) {
      chain(lines, "HAVING", s.having());
    }
    proofs(lines, s.proofs());
    if (!s.orderBy().isEmpty()) {
      StringBuilder line = new StringBuilder("ORDER BY ");
      for (int i = 0; i < s.orderBy().size(); i++) {
        OrderItem item = s.orderBy().get(i);
        CondPrinter.expr(line.append(i > 0 ? ", " : ""), item.expr());
        line.append(item.descending() ? " DESC" : "");
      }
      lines.add(new Line(line.toString(), s.orderBy().getFirst().span().start(), "ORDER BY"));
    }
    limit(lines, s.limit());
    if (s.offset() != null) {
      lines.add(new Line(termLine("OFFSET ", s.offset()), s.offset().span().start(), "OFFSET"));
    }
    if (s.cursor() != null) {
      lines.add(new Line(termLine("CURSOR ", s.cursor()), s.cursor().span().start(), "CURSOR"));
    }
  }

  private static void limit(List<Line> lines, Expr.Term limit) {
    if (limit != null) {
      lines.add(new Line(termLine("LIMIT ", limit), limit.span().start(), "LIMIT"));
    }
  }

  private static String termLine(String keyword, Expr.Term t) {
    StringBuilder line = new StringBuilder(keyword);
    Literal.term(line, t);
    return line.toString();
  }

  /** WHERE or HAVING: the first operand of a top-level AND (OR) on the keyword's line, each further one on its own. */
  private static void chain(List<Line> lines, String keyword, Cond c) {
    List<Cond> operands;
    String joiner;
    if (c instanceof Cond.And a) {
      operands = a.operands();
      joiner = "AND";
    } else if (c instanceof Cond.Or o) {
      operands = o.operands();
      joiner = "OR";
    } else {
      lines.add(new Line(keyword + " " + CondPrinter.text(c), c.span().start(), keyword));
      return;
    }
    for (int i = 0; i < operands.size(); i++) {
      Cond operand = operands.get(i);
      StringBuilder line = new StringBuilder(i == 0 ? keyword + " " : "  " + joiner + " ");
      CondPrinter.operand(line, operand, joiner.equals("AND") && operand instanceof Cond.Or);
      lines.add(new Line(line.toString(), operand.span().start(), i == 0 ? keyword : joiner));
    }
  }

  private static void proofs(List<Line> lines, List<ProofSpec> specs) {
    for (int i = 0; i < specs.size(); i++) {
      ProofSpec spec = specs.get(i);
      StringBuilder line = new StringBuilder(i == 0 ? "PROOF " : "  AND ");
      line.append(spec.type().text()).append('(');
      if (spec.argument() == null) {
        line.append('*');
      } else {
        Literal.bare(line, spec.argument());
      }
      line.append(')');
      if (!spec.params().isEmpty()) {
        CondPrinter.assigns(line.append(" WITH "), spec.params());
      }
      lines.add(new Line(line.toString(), spec.span().start(), i == 0 ? "PROOF" : "AND"));
    }
  }

  private static void returning(List<Line> lines, List<SelectItem> items) {
    if (!items.isEmpty()) {
      StringBuilder line = new StringBuilder("RETURNING ");
      items(line, items);
      lines.add(new Line(line.toString(), items.getFirst().span().start(), "RETURNING"));
    }
  }

  private static void data(List<Line> lines, List<ModData> data) {
    for (int i = 0; i < data.size(); i++) {
      ModData d = data.get(i);
      StringBuilder line = new StringBuilder(i == 0 ? "WITH " : "  ");
      modData(line, d);
      lines.add(new Line(line.append(i < data.size() - 1 ? "," : "").toString(), d.span().start(), i == 0 ? "WITH" : ""));
    }
  }

  static void modData(StringBuilder out, ModData d) {
    out.append(d.modality().name()).append('(');
    switch (d) {
      case ModData.Fields f -> CondPrinter.assigns(out, f.fields());
      case ModData.Vector v -> {
        Literal.term(out, v.vector());
        if (!v.options().isEmpty()) {
          CondPrinter.assigns(out.append(", "), v.options());
        }
      }
      case ModData.Edge e -> Literal.term(out.append(e.predicate().text()).append(", "), e.target());
      case ModData.TensorArray t -> Literal.term(out, t.array());
    }
    out.append(')');
  }

  static void items(StringBuilder out, List<SelectItem> items) {
    for (int i = 0; i < items.size(); i++) {
      out.append(i > 0 ? ", " : "");
      switch (items.get(i)) {
        case SelectItem.Star s -> out.append('*');
        case SelectItem.Whole w -> out.append(w.modality().name());
        case SelectItem.Column c -> {
          CondPrinter.expr(out, c.expr());
          if (c.alias() != null) {
            out.append(" AS ").append(c.alias().text());
          }
        }
      }
    }
  }

  static void source(StringBuilder out, Source source) {
    switch (source) {
      case Source.Octad o -> Literal.term(out.append("OCTAD "), o.id());
      case Source.All a -> out.append("OCTADS");
      case Source.Store s -> Literal.name(out.append("STORE "), s.name().text());
      case Source.Federation f -> {
        out.append("FEDERATION ");
        if (f.glob() != null) {
          out.append(f.glob());
        } else {
          out.append('[');
          for (int i = 0; i < f.peers().size(); i++) {
            Literal.name(out.append(i > 0 ? ", " : ""), f.peers().get(i).text());
          }
          out.append(']');
        }
        Name policy = f.policy();
        if (policy != null) {
          out.append(" WITH DRIFT ").append(policy.text());
        }
      }
    }
  }
}
