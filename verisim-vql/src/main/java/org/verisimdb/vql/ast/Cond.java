package org.verisimdb.vql.ast;

import java.util.List;
import org.verisimdb.vql.ast.Clauses.Assign;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.diag.Span;

/** A condition of WHERE or HAVING: the boolean connectives and every predicate of VQL.md §6. */
public sealed interface Cond {
  Span span();

  /** n-ary AND; no operand is itself an And. */
  record And(Span span, List<Cond> operands) implements Cond {
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** n-ary OR; no operand is itself an Or. */
  record Or(Span span, List<Cond> operands) implements Cond {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  record Not(Span span, Cond operand) implements Cond {}

  record Compare(Span span, Expr left, CmpOp op, Expr right) implements Cond {}

  /** {@code a [NOT] LIKE|CONTAINS|MATCHES b}. */
  record Match(Span span, Expr left, MatchOp op, boolean negated, Expr right) implements Cond {}

  record Between(Span span, Expr operand, boolean negated, Expr low, Expr high) implements Cond {}

  record In(Span span, Expr operand, boolean negated, List<Expr> values) implements Cond {
    public In {
      values = List.copyOf(values);
    }
  }

  record IsNull(Span span, Expr operand, boolean negated) implements Cond {}

  /** {@code FULLTEXT CONTAINS s} (also written {@code DOCUMENT CONTAINS s}). */
  record FullText(Span span, Term query) implements Cond {}

  /** {@code FULLTEXT MATCHES}; {@code flags} is null for a string or parameter, else the regex flags in order i, m, s. */
  record TextMatches(Span span, Term pattern, String flags) implements Cond {}

  /** A graph pattern: nodes.size() == edges.size() + 1. */
  record Pattern(Span span, List<GraphNode> nodes, List<GraphEdge> edges) implements Cond {
    public Pattern {
      nodes = List.copyOf(nodes);
      edges = List.copyOf(edges);
    }
  }

  /** {@code VECTOR SIMILAR TO anchor [WITHIN t] [USING metric]}; threshold and metric may be null. */
  record VectorSimilar(Span span, Anchor anchor, Term threshold, Name metric) implements Cond {}

  /** {@code VECTOR NEAREST k [TO anchor] [USING metric]}; anchor and metric may be null. */
  record VectorNearest(Span span, Term k, Anchor anchor, Name metric) implements Cond {}

  record Satisfies(Span span, Name contract, List<Assign> params) implements Cond {
    public Satisfies {
      params = List.copyOf(params);
    }
  }

  record HasProof(Span span, Name proofType) implements Cond {}

  record VerifiedBy(Span span, Term issuer) implements Cond {}

  record TemporalBetween(Span span, Term from, Term to) implements Cond {}

  record ModifiedBy(Span span, Term principal) implements Cond {}

  /** {@code AS OF …} or {@code VERSION x} written inside WHERE and not hoisted to the source. */
  record AsOfCond(Span span, AsOf asOf) implements Cond {}

  record WithinRadius(Span span, Term lat, Term lon, Term km) implements Cond {}

  record WithinBounds(Span span, Term minLat, Term minLon, Term maxLat, Term maxLon) implements Cond {}

  record WithinPolygon(Span span, Term wkt) implements Cond {}

  record SpatialNearest(Span span, Term lat, Term lon, Term k) implements Cond {}

  /** {@code CONSISTENT(m1, m2) USING metric [op x]}; op and threshold are null together. */
  record Consistent(Span span, Modality first, Modality second, Name metric, CmpOp op, Expr threshold) implements Cond {}

  record Exists(Span span, Modality modality, boolean negated) implements Cond {}

  enum MatchOp {
    LIKE,
    CONTAINS,
    MATCHES
  }
}
