package org.verisimdb.vql.format;

import java.util.List;
import org.verisimdb.vql.ast.Anchor;
import org.verisimdb.vql.ast.AsOf;
import org.verisimdb.vql.ast.Clauses.Assign;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.GraphEdge;
import org.verisimdb.vql.ast.Name;

/** Canonical one-line text of conditions and expressions (VQL.md §11.1 rules 3, 5, 6). */
public final class CondPrinter {
  private CondPrinter() {}

  /** A condition on one line, with parentheses only where precedence needs them. */
  public static String text(Cond c) {
    StringBuilder out = new StringBuilder();
    cond(out, c);
    return out.toString();
  }

  public static String text(Expr e) {
    StringBuilder out = new StringBuilder();
    expr(out, e);
    return out.toString();
  }

  static void cond(StringBuilder out, Cond c) {
    switch (c) {
      case Cond.And a -> joined(out, a.operands(), " AND ", true);
      case Cond.Or o -> joined(out, o.operands(), " OR ", false);
      case Cond.Not n -> {
        out.append("NOT ");
        operand(out, n.operand(), n.operand() instanceof Cond.And || n.operand() instanceof Cond.Or);
      }
      case Cond.Compare cmp -> {
        expr(out, cmp.left());
        out.append(' ').append(cmp.op().text()).append(' ');
        expr(out, cmp.right());
      }
      case Cond.Match m -> {
        expr(out, m.left());
        out.append(m.negated() ? " NOT " : " ").append(m.op().name()).append(' ');
        expr(out, m.right());
      }
      case Cond.Between b -> {
        expr(out, b.operand());
        out.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ");
        expr(out, b.low());
        out.append(" AND ");
        expr(out, b.high());
      }
      case Cond.In in -> {
        expr(out, in.operand());
        out.append(in.negated() ? " NOT IN (" : " IN (");
        for (int i = 0; i < in.values().size(); i++) {
          out.append(i > 0 ? ", " : "");
          expr(out, in.values().get(i));
        }
        out.append(')');
      }
      case Cond.IsNull n -> {
        expr(out, n.operand());
        out.append(n.negated() ? " IS NOT NULL" : " IS NULL");
      }
      case Cond.FullText f -> {
        out.append("FULLTEXT CONTAINS ");
        Literal.term(out, f.query());
      }
      case Cond.TextMatches m -> {
        out.append("FULLTEXT MATCHES ");
        if (m.flags() != null && m.pattern() instanceof Expr.Lit lit && lit.value() instanceof org.verisimdb.vql.ast.Value.Str s) {
          Literal.regex(out, s.value(), m.flags());
        } else {
          Literal.term(out, m.pattern());
        }
      }
      case Cond.Pattern p -> pattern(out, p);
      case Cond.VectorSimilar v -> {
        out.append("VECTOR SIMILAR TO ");
        anchor(out, v.anchor());
        if (v.threshold() != null) {
          out.append(" WITHIN ");
          Literal.term(out, v.threshold());
        }
        metric(out, v.metric());
      }
      case Cond.VectorNearest v -> {
        out.append("VECTOR NEAREST ");
        Literal.term(out, v.k());
        if (v.anchor() != null) {
          out.append(" TO ");
          anchor(out, v.anchor());
        }
        metric(out, v.metric());
      }
      case Cond.Satisfies s -> {
        out.append("SATISFIES ");
        Literal.name(out, s.contract().text());
        if (!s.params().isEmpty()) {
          out.append('(');
          assigns(out, s.params());
          out.append(')');
        }
      }
      case Cond.HasProof h -> out.append("HAS PROOF ").append(h.proofType().text());
      case Cond.VerifiedBy v -> {
        out.append("VERIFIED BY ");
        Literal.bare(out, v.issuer());
      }
      case Cond.TemporalBetween t -> {
        out.append("TEMPORAL BETWEEN ");
        Literal.term(out, t.from());
        out.append(" AND ");
        Literal.term(out, t.to());
      }
      case Cond.ModifiedBy m -> {
        out.append("MODIFIED BY ");
        Literal.bare(out, m.principal());
      }
      case Cond.AsOfCond a -> asOf(out, a.asOf());
      case Cond.WithinRadius r -> call(out, "SPATIAL WITHIN RADIUS(", r.lat(), r.lon(), r.km());
      case Cond.WithinBounds b -> call(out, "SPATIAL WITHIN BOUNDS(", b.minLat(), b.minLon(), b.maxLat(), b.maxLon());
      case Cond.WithinPolygon p -> call(out, "SPATIAL WITHIN POLYGON(", p.wkt());
      case Cond.SpatialNearest n -> call(out, "SPATIAL NEAREST(", n.lat(), n.lon(), n.k());
      case Cond.Consistent k -> {
        out.append("CONSISTENT(").append(k.first().name()).append(", ").append(k.second().name()).append(") USING ").append(k.metric().text());
        if (k.op() != null) {
          out.append(' ').append(k.op().text()).append(' ');
          expr(out, k.threshold());
        }
      }
      case Cond.Exists e -> out.append(e.modality().name()).append(e.negated() ? " NOT EXISTS" : " EXISTS");
    }
  }

  private static void joined(StringBuilder out, List<Cond> operands, String separator, boolean and) {
    for (int i = 0; i < operands.size(); i++) {
      out.append(i > 0 ? separator : "");
      Cond operand = operands.get(i);
      operand(out, operand, and && operand instanceof Cond.Or);
    }
  }

  /** An operand of a boolean chain, parenthesised when {@code parens}. */
  static void operand(StringBuilder out, Cond c, boolean parens) {
    if (parens) {
      out.append('(');
      cond(out, c);
      out.append(')');
    } else {
      cond(out, c);
    }
  }

  private static void call(StringBuilder out, String head, Expr.Term... args) {
    out.append(head);
    for (int i = 0; i < args.length; i++) {
      out.append(i > 0 ? ", " : "");
      Literal.term(out, args[i]);
    }
    out.append(')');
  }

  private static void metric(StringBuilder out, Name metric) {
    if (metric != null) {
      out.append(" USING ").append(metric.text());
    }
  }

  static void asOf(StringBuilder out, AsOf asOf) {
    switch (asOf) {
      case AsOf.AtTime t -> {
        out.append("AS OF ");
        Literal.term(out, t.time());
      }
      case AsOf.AtVersion v -> {
        out.append("AS OF VERSION ");
        Literal.bare(out, v.version());
      }
    }
  }

  static void anchor(StringBuilder out, Anchor anchor) {
    switch (anchor) {
      case Anchor.Vector v -> Literal.term(out, v.vector());
      case Anchor.Octad o -> {
        out.append("OCTAD ");
        Literal.term(out, o.id());
      }
      case Anchor.Text t -> {
        out.append("TEXT ");
        Literal.term(out, t.text());
      }
    }
  }

  static void assigns(StringBuilder out, List<Assign> assigns) {
    for (int i = 0; i < assigns.size(); i++) {
      out.append(i > 0 ? ", " : "");
      Assign a = assigns.get(i);
      out.append(a.key().text()).append(" = ");
      Literal.term(out, a.value());
    }
  }

  private static void pattern(StringBuilder out, Cond.Pattern p) {
    for (int i = 0; i < p.nodes().size(); i++) {
      if (i > 0) {
        edge(out, p.edges().get(i - 1));
      }
      out.append('(').append(p.nodes().get(i).variable()).append(')');
    }
  }

  private static void edge(StringBuilder out, GraphEdge e) {
    out.append(e.direction() == GraphEdge.Direction.IN ? "<-[" : "-[");
    for (int i = 0; i < e.types().size(); i++) {
      out.append(i == 0 ? ":" : "|").append(e.types().get(i).text());
    }
    if (e.min() != 1 || e.max() != 1) {
      out.append('*');
      if (e.max() == GraphEdge.UNBOUNDED) {
        if (e.min() != 1) {
          out.append(e.min()).append("..");
        }
      } else if (e.min() == e.max()) {
        out.append(e.min());
      } else {
        out.append(e.min()).append("..").append(e.max());
      }
    }
    out.append(e.direction() == GraphEdge.Direction.OUT ? "]->" : "]-");
  }

  static void expr(StringBuilder out, Expr e) {
    switch (e) {
      case Expr.Field f -> out.append(f.modality().name()).append('.').append(f.name());
      case Expr.VarRef v -> {
        out.append(v.variable());
        for (String part : v.path()) {
          out.append('.').append(part);
        }
      }
      case Expr.Pseudo p -> out.append(p.column().text());
      case Expr.AliasRef a -> out.append(a.name());
      case Expr.Aggregate a -> {
        out.append(a.function().name()).append('(');
        if (a.argument() == null) {
          out.append('*');
        } else {
          expr(out, a.argument());
        }
        out.append(')');
      }
      case Expr.Drift d -> out.append("DRIFT(").append(d.first().name()).append(", ").append(d.second().name()).append(')');
      case Expr.Term t -> Literal.term(out, t);
    }
  }
}
