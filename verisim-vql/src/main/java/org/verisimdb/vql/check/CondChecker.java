package org.verisimdb.vql.check;

import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.verisimdb.vql.ast.Anchor;
import org.verisimdb.vql.ast.CmpOp;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Expr.PseudoColumn;
import org.verisimdb.vql.ast.GraphEdge;
import org.verisimdb.vql.ast.GraphNode;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Scope.Position;
import org.verisimdb.vql.check.VqlType.Kind;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Hints;

/** The predicates of VQL.md §6 in WHERE and HAVING: operand types, value ranges, closed word lists. */
final class CondChecker {
  static final List<String> METRICS = List.of("COSINE", "EUCLIDEAN", "DOT_PRODUCT");
  static final List<String> CONSISTENCY_METRICS = List.of("COSINE", "EUCLIDEAN", "DOT_PRODUCT", "JACCARD");
  private final Context ctx;
  private final Scope scope;
  private final ExprChecker exprs;

  CondChecker(Context ctx, Scope scope, ExprChecker exprs) {
    this.ctx = ctx;
    this.scope = scope;
    this.exprs = exprs;
  }

  void check(Cond c, Position pos) {
    switch (c) {
      case Cond.And a -> a.operands().forEach(o -> check(o, pos));
      case Cond.Or o -> o.operands().forEach(x -> check(x, pos));
      case Cond.Not n -> check(n.operand(), pos);
      case Cond.Compare cmp -> compare(cmp.left(), cmp.op(), cmp.right(), pos);
      case Cond.Match m -> match(m, pos);
      case Cond.Between b -> {
        compare(b.operand(), CmpOp.GE, b.low(), pos);
        compare(b.operand(), CmpOp.LE, b.high(), pos);
      }
      case Cond.In in -> in.values().forEach(v -> compare(in.operand(), CmpOp.EQ, v, pos));
      case Cond.IsNull n -> exprs.type(n.operand(), pos);
      case Cond.FullText f -> {
        scope.defined.add(PseudoColumn.SCORE);
        terms(f.query());
      }
      case Cond.TextMatches m -> {
        String pattern = ctx.string(m.pattern(), "a regular expression");
        if (pattern != null) {
          regex(m.pattern(), pattern, m.flags());
        }
      }
      case Cond.Pattern p -> pattern(p);
      case Cond.VectorSimilar v -> {
        scope.defined.add(PseudoColumn.SIMILARITY);
        anchor(v.anchor());
        String metric = metric(v.metric(), METRICS);
        if (v.threshold() != null) {
          threshold(v.threshold(), metric);
        }
      }
      case Cond.VectorNearest v -> {
        scope.defined.add(PseudoColumn.SIMILARITY);
        ctx.nearestK(v.k());
        if (v.anchor() != null) {
          anchor(v.anchor());
        } else if (!(scope.source instanceof org.verisimdb.vql.ast.Source.Octad)) {
          ctx.error(DiagnosticCode.TYPE_006, v.span(), "VECTOR NEAREST without TO needs FROM OCTAD; give an anchor with TO",
              "add TO [..], TO OCTAD 'id' or TO TEXT '…'");
        }
        metric(v.metric(), METRICS);
      }
      case Cond.Satisfies s -> Contracts.satisfies(ctx, s);
      case Cond.HasProof h -> ProofRules.knownType(ctx, h.proofType());
      case Cond.VerifiedBy v -> ctx.string(v.issuer(), "an issuer name");
      case Cond.ModifiedBy m -> ctx.string(m.principal(), "a principal name");
      case Cond.TemporalBetween t -> {
        Value.Time from = ctx.time(t.from(), "a timestamp");
        Value.Time to = ctx.time(t.to(), "a timestamp");
        if (from != null && to != null && from.instant().isAfter(to.instant())) {
          ctx.error(DiagnosticCode.VALUE_006, t.span(), "TEMPORAL BETWEEN: the start " + from.canonical() + " is after the end " + to.canonical());
        }
      }
      case Cond.AsOfCond a -> ctx.error(DiagnosticCode.TYPE_005, a.span(),
          "AS OF and VERSION must be a top-level conjunct of WHERE, not under OR or NOT, and a statement has at most one");
      case Cond.WithinRadius r -> {
        scope.defined.add(PseudoColumn.DISTANCE_KM);
        ctx.latitude(r.lat());
        ctx.longitude(r.lon());
        Double km = ctx.number(r.km(), "a radius in km");
        if (km != null && km < 0) {
          ctx.error(DiagnosticCode.VALUE_006, r.km().span(), "the radius must not be negative; found " + km);
        }
      }
      case Cond.WithinBounds b -> bounds(b);
      case Cond.WithinPolygon p -> {
        String wkt = ctx.string(p.wkt(), "a WKT string");
        String problem = wkt == null ? null : Wkt.problem(wkt, true);
        if (problem != null) {
          ctx.error(DiagnosticCode.VALUE_003, p.wkt().span(), "invalid polygon: " + problem);
        }
      }
      case Cond.SpatialNearest n -> {
        scope.defined.add(PseudoColumn.DISTANCE_KM);
        ctx.latitude(n.lat());
        ctx.longitude(n.lon());
        ctx.nearestK(n.k());
      }
      case Cond.Consistent k -> {
        if (k.first() == k.second()) {
          ctx.error(DiagnosticCode.TYPE_012, k.span(), "CONSISTENT of " + k.first() + " with itself; name two different modalities");
        }
        metric(k.metric(), CONSISTENCY_METRICS);
        if (k.threshold() != null) {
          VqlType t = exprs.type(k.threshold(), pos);
          if (!t.isNumeric() && t.kind() != Kind.ANY) {
            ctx.error(DiagnosticCode.TYPE_001, k.threshold().span(), "CONSISTENT compares with a number, not a " + t);
          }
        }
      }
      case Cond.Exists e -> { }
    }
  }

  private void compare(Expr left, CmpOp op, Expr right, Position pos) {
    VqlType l = exprs.type(left, pos);
    VqlType r = exprs.type(right, pos);
    if (l.kind() == Kind.NULL || r.kind() == Kind.NULL) {
      ctx.error(DiagnosticCode.WARN_006, (l.kind() == Kind.NULL ? left : right).span(), "a comparison with NULL is always UNKNOWN; use IS NULL or IS NOT NULL");
      return;
    }
    timeString(l, right);
    timeString(r, left);
    if (!compatible(l, r, op)) {
      ctx.error(DiagnosticCode.TYPE_001, left.span().to(right.span()), "cannot compare " + l + " with " + r + " using " + op.text());
    }
  }

  /** A string literal compared with a timestamp is read as one (VQL-VALUE-007 if it cannot be). */
  private void timeString(VqlType other, Expr e) {
    if (other.kind() == Kind.TIMESTAMP && e instanceof Expr.Term t && ctx.value(t) instanceof Value.Str) {
      ctx.time(t, "a timestamp");
    }
  }

  static boolean compatible(VqlType a, VqlType b, CmpOp op) {
    if (a.isOpen() || b.isOpen()) {
      return true;
    }
    if (a.isArray() && b.isArray()) {
      return op.isEquality();
    }
    if (a.isArray()) {
      return scalar(a.element(), b.kind(), op);
    }
    if (b.isArray()) {
      return scalar(b.element(), a.kind(), op);
    }
    return scalar(a.kind(), b.kind(), op);
  }

  private static boolean scalar(Kind a, Kind b, CmpOp op) {
    if (a == null || a == Kind.ANY || b == Kind.ANY || a == Kind.NULL || b == Kind.NULL) {
      return true;
    }
    boolean numA = a == Kind.INTEGER || a == Kind.FLOAT;
    boolean numB = b == Kind.INTEGER || b == Kind.FLOAT;
    if (numA || numB) {
      return numA && numB;
    }
    if (a == Kind.TIMESTAMP || b == Kind.TIMESTAMP) {
      return (a == Kind.TIMESTAMP || a == Kind.STRING) && (b == Kind.TIMESTAMP || b == Kind.STRING);
    }
    if (a == Kind.BOOLEAN || b == Kind.BOOLEAN) {
      return a == b && op.isEquality();
    }
    return a == b && a == Kind.STRING || (a == Kind.OBJECT && b == Kind.OBJECT && op.isEquality());
  }

  private void match(Cond.Match m, Position pos) {
    VqlType l = exprs.type(m.left(), pos);
    VqlType r = exprs.type(m.right(), pos);
    boolean leftOk = switch (m.op()) {
      case CONTAINS -> l.isOpen() || l.kind() == Kind.STRING || l.isArray();
      case LIKE, MATCHES -> l.isOpen() || l.kind() == Kind.STRING || (l.isArray() && (l.element() == Kind.STRING || l.element() == Kind.ANY));
    };
    boolean rightOk = r.isOpen() || r.kind() == Kind.STRING || (m.op() == Cond.MatchOp.CONTAINS && l.isArray() && !r.isArray());
    if (!leftOk || !rightOk) {
      ctx.error(DiagnosticCode.TYPE_001, m.span(), m.op() + " applies to strings" + (m.op() == Cond.MatchOp.CONTAINS ? " and arrays" : "")
          + ", not to " + l + " and " + r);
      return;
    }
    if (m.op() == Cond.MatchOp.MATCHES && m.right() instanceof Expr.Term t && ctx.value(t) instanceof Value.Str s) {
      regex(t, s.value(), "");
    }
  }

  private void regex(Expr.Term at, String pattern, String flags) {
    int bits = 0;
    if (flags != null) {
      bits |= flags.contains("i") ? java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE : 0;
      bits |= flags.contains("m") ? java.util.regex.Pattern.MULTILINE : 0;
      bits |= flags.contains("s") ? java.util.regex.Pattern.DOTALL : 0;
    }
    try {
      java.util.regex.Pattern.compile(pattern, bits);
    } catch (PatternSyntaxException | StackOverflowError e) {
      String reason = e instanceof PatternSyntaxException p ? p.getDescription() : "too deeply nested";
      ctx.error(DiagnosticCode.VALUE_005, at.span(), "invalid regular expression: " + reason);
    }
  }

  /** A full-text query needs at least one term: a run of Unicode letters or digits (§6.2). */
  private void terms(Expr.Term query) {
    String q = ctx.string(query, "a full-text query");
    if (q != null && q.codePoints().noneMatch(Character::isLetterOrDigit)) {
      ctx.error(DiagnosticCode.VALUE_008, query.span(), "full-text query without terms: it has no letters or digits");
    }
  }

  private void pattern(Cond.Pattern p) {
    for (GraphNode node : p.nodes()) {
      if (PseudoColumn.byName(node.variable()) != null) {
        ctx.error(DiagnosticCode.NAME_011, node.span(), "'" + node.variable() + "' is a pseudo-column name and cannot be a graph variable");
      }
    }
    for (GraphEdge e : p.edges()) {
      int worst = e.max() == GraphEdge.UNBOUNDED ? e.min() : e.max();
      if (worst > ctx.catalog.maxHops()) {
        ctx.error(DiagnosticCode.LIMIT_002, e.span(), "hop bound " + worst + " is above graph.max_hops (" + ctx.catalog.maxHops() + ")");
      }
    }
  }

  private void anchor(Anchor a) {
    switch (a) {
      case Anchor.Vector v -> ctx.vector(v.vector());
      case Anchor.Octad o -> ctx.octadId(o.id());
      case Anchor.Text t -> ctx.string(t.text(), "a text to embed");
    }
  }

  /** A closed-list word (VQL-NAME-010); returns the metric in effect (COSINE by default). */
  String metric(Name metric, List<String> allowed) {
    if (metric == null) {
      return "COSINE";
    }
    if (!allowed.contains(metric.text())) {
      String extra = metric.text().equals("JACCARD") ? "; JACCARD is a metric of CONSISTENT only" : "";
      ctx.error(DiagnosticCode.NAME_010, metric.span(), "unknown metric '" + metric.text() + "': expected " + String.join(", ", allowed) + extra,
          Hints.didYouMean(metric.text(), allowed));
      return null;
    }
    return metric.text();
  }

  private void threshold(Expr.Term t, String metric) {
    Double d = ctx.number(t, "a similarity threshold");
    if (d == null || metric == null) {
      return;
    }
    boolean ok = switch (metric) {
      case "COSINE" -> d >= -1 && d <= 1;
      case "EUCLIDEAN" -> d >= 0 && d <= 1;
      default -> true;
    };
    if (!ok) {
      ctx.error(DiagnosticCode.VALUE_006, t.span(), "similarity threshold " + d + " is outside the range of " + metric
          + (metric.equals("COSINE") ? " ([-1, 1])" : " ([0, 1])"));
    }
  }

  private void bounds(Cond.WithinBounds b) {
    ctx.latitude(b.minLat());
    ctx.longitude(b.minLon());
    ctx.latitude(b.maxLat());
    ctx.longitude(b.maxLon());
    Double minLat = ctx.value(b.minLat()) == null ? null : number(ctx.value(b.minLat()));
    Double maxLat = ctx.value(b.maxLat()) == null ? null : number(ctx.value(b.maxLat()));
    if (minLat != null && maxLat != null && minLat > maxLat) {
      ctx.error(DiagnosticCode.VALUE_003, b.span(), "invalid bounds: the minimum latitude " + minLat + " is above the maximum " + maxLat);
    }
  }

  private static Double number(Value v) {
    return v instanceof Value.Int i ? (double) i.value() : v instanceof Value.Flt f ? f.value() : null;
  }
}
