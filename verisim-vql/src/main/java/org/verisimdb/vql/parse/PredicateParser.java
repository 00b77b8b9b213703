package org.verisimdb.vql.parse;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.ast.Anchor;
import org.verisimdb.vql.ast.AsOf;
import org.verisimdb.vql.ast.Clauses.Assign;
import org.verisimdb.vql.ast.CmpOp;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Span;
import org.verisimdb.vql.lex.Chars;
import org.verisimdb.vql.lex.Keyword;
import org.verisimdb.vql.lex.Lexer;
import org.verisimdb.vql.lex.Token;
import org.verisimdb.vql.lex.TokenKind;

/**
 * The predicates of VQL.md §6 that are not plain comparisons, chosen by the disambiguation rules
 * of §3: full text, vectors, tensors, semantics, time, space, CONSISTENT and EXISTS.
 */
final class PredicateParser {
  private final Grammar g;

  PredicateParser(Grammar g) {
    this.g = g;
  }

  Cond predicate() {
    Tokens ts = g.ts;
    Token t = ts.peek();
    Modality modality = ConditionParser.modalityOf(t);
    if (modality != null) {
      Token next = ts.peek(1);
      if (next.is(Keyword.EXISTS) || (next.is(Keyword.NOT) && ts.peek(2).is(Keyword.EXISTS))) {
        return exists(modality);
      }
      switch (modality) {
        case DOCUMENT -> {
          if (next.is(Keyword.CONTAINS)) {
            ts.advance();
            ts.advance();
            Term q = g.terms.stringOrParam("a string or parameter");
            return new Cond.FullText(t.span().to(q.span()), q);
          }
        }
        case VECTOR -> {
          if (next.is(Keyword.SIMILAR) || next.is(Keyword.NEAREST)) {
            ts.advance();
            return vector(t.span());
          }
        }
        case TENSOR -> {
          if (next.is(Keyword.SHAPE) || next.is(Keyword.RANK)) {
            ts.advance();
            return tensor(t.span());
          }
        }
        case TEMPORAL -> {
          if (next.is(Keyword.BETWEEN)) {
            ts.advance();
            return temporalBetween(t.span());
          }
        }
        case SPATIAL -> {
          if (next.is(Keyword.WITHIN) || next.is(Keyword.NEAREST)) {
            ts.advance();
            return spatial(t.span());
          }
        }
        default -> { }
      }
      return comparison();
    }
    if (t.kind() == TokenKind.KEYWORD) {
      switch (t.keyword()) {
        case FULLTEXT -> {
          return fulltext();
        }
        case BETWEEN -> {
          return temporalBetween(t.span());
        }
        case WITHIN, NEAREST -> {
          if (t.is(Keyword.NEAREST) && !ts.peek(1).is(TokenKind.LPAREN)) {
            throw ts.unexpected("VECTOR before NEAREST k, or '(' for SPATIAL NEAREST(lat, lon, k)");
          }
          return spatial(t.span());
        }
        case SATISFIES -> {
          return satisfies();
        }
        case HAS -> {
          ts.advance();
          ts.expect(Keyword.PROOF);
          Name type = proofType();
          return new Cond.HasProof(t.span().to(type.span()), type);
        }
        case VERIFIED -> {
          ts.advance();
          ts.expect(Keyword.BY);
          Term who = g.terms.bareString("an issuer or sanctifier");
          return new Cond.VerifiedBy(t.span().to(who.span()), who);
        }
        case MODIFIED -> {
          ts.advance();
          ts.expect(Keyword.BY);
          Term who = g.terms.bareString("a principal");
          return new Cond.ModifiedBy(t.span().to(who.span()), who);
        }
        case AS -> {
          AsOf asOf = asOf();
          return new Cond.AsOfCond(asOf.span(), asOf);
        }
        case VERSION -> {
          ts.advance();
          Term version = g.terms.version();
          Span span = t.span().to(version.span());
          return new Cond.AsOfCond(span, new AsOf.AtVersion(span, version));
        }
        case CONSISTENT -> {
          return consistent();
        }
        default -> { }
      }
    }
    if (t.is(TokenKind.LPAREN)) {
      return g.patterns.pattern();
    }
    return comparison();
  }

  private Cond comparison() {
    Expr left = g.conditions.operand();
    if (left instanceof Expr.Field f && f.path().size() == 1) {
      if (f.modality() == Modality.VECTOR && f.path().get(0).equals("embedding")
          && (g.ts.at(Keyword.SIMILAR) || g.ts.at(Keyword.NEAREST))) {
        return vector(f.span());
      }
      if (f.modality() == Modality.TENSOR && f.path().get(0).equals("data") && (g.ts.at(Keyword.SHAPE) || g.ts.at(Keyword.RANK))) {
        return tensor(f.span());
      }
    }
    return g.conditions.comparisonAfter(left);
  }

  /** {@code AS OF (time | VERSION v)}, the AS not yet consumed. */
  AsOf asOf() {
    Token as = g.ts.expect(Keyword.AS);
    g.ts.expect(Keyword.OF);
    if (g.ts.accept(Keyword.VERSION)) {
      Term version = g.terms.version();
      return new AsOf.AtVersion(as.span().to(version.span()), version);
    }
    Term time = g.terms.time("a timestamp, string or parameter");
    return new AsOf.AtTime(as.span().to(time.span()), time);
  }

  private Cond exists(Modality modality) {
    Token start = g.ts.advance();
    boolean negated = g.ts.accept(Keyword.NOT);
    Token end = g.ts.expect(Keyword.EXISTS);
    return new Cond.Exists(start.span().to(end.span()), modality, negated);
  }

  private Cond fulltext() {
    Token start = g.ts.advance();
    if (g.ts.accept(Keyword.CONTAINS)) {
      Term q = g.terms.stringOrParam("a string or parameter");
      return new Cond.FullText(start.span().to(q.span()), q);
    }
    g.ts.expect(Keyword.MATCHES);
    Token t = g.ts.special(Lexer::regex);
    if (t.kind() == TokenKind.REGEX) {
      Span span = start.span().to(t.span());
      return new Cond.TextMatches(span, new Expr.Lit(t.span(), new Value.Str(t.text())), (String) t.value());
    }
    if (t.kind() == TokenKind.STRING || t.kind() == TokenKind.POS_PARAM || t.kind() == TokenKind.NAMED_PARAM) {
      Term pattern = g.terms.fromToken(t, "a regular expression");
      return new Cond.TextMatches(start.span().to(pattern.span()), pattern, null);
    }
    throw g.ts.unexpectedAt(t, "a regular expression /…/, a string or a parameter");
  }

  /** After the vector target: {@code SIMILAR TO …} or {@code NEAREST k …}. */
  private Cond vector(Span start) {
    if (g.ts.accept(Keyword.SIMILAR)) {
      g.ts.expect(Keyword.TO);
      Anchor anchor = anchor();
      Term threshold = null;
      if (g.ts.at(Keyword.WITHIN)) {
        g.ts.advance();
        threshold = g.terms.number("a similarity threshold");
      }
      Name metric = metric();
      return new Cond.VectorSimilar(g.ts.spanFrom(start), anchor, threshold, metric);
    }
    g.ts.expect(Keyword.NEAREST);
    Term k = g.terms.count("a count k");
    Anchor anchor = g.ts.accept(Keyword.TO) ? anchor() : null;
    Name metric = metric();
    return new Cond.VectorNearest(g.ts.spanFrom(start), k, anchor, metric);
  }

  Name metric() {
    if (!g.ts.accept(Keyword.USING)) {
      return null;
    }
    Token word = g.ts.expect(TokenKind.IDENT);
    return new Name(word.span(), Chars.upper(word.text()));
  }

  /** {@code vector_lit | param | (OCTAD | HEXAD | ENTITY) id | TEXT (STRING | param)}. */
  Anchor anchor() {
    Token t = g.ts.peek();
    if (t.is(TokenKind.LBRACKET) || g.terms.atParam()) {
      Term v = g.terms.literalOrParam("a vector");
      return new Anchor.Vector(v.span(), v);
    }
    if (t.is(Keyword.OCTAD) || t.is(Keyword.HEXAD) || t.is(Keyword.ENTITY)) {
      g.ts.advance();
      Term id = g.terms.octadId();
      return new Anchor.Octad(t.span().to(id.span()), id);
    }
    if (t.isWord("TEXT")) {
      g.ts.advance();
      Term text = g.terms.stringOrParam("a string or parameter");
      return new Anchor.Text(t.span().to(text.span()), text);
    }
    throw g.ts.unexpected("a vector [..], a parameter, OCTAD 'id' or TEXT 'words'");
  }

  /** After {@code TENSOR[.data]}: {@code (SHAPE | RANK) op operand}, which means {@code TENSOR.shape|rank op operand}. */
  private Cond tensor(Span start) {
    Token which = g.ts.advance();
    Span fieldSpan = start.to(which.span());
    Expr.Field field = new Expr.Field(fieldSpan, Modality.TENSOR, List.of(which.is(Keyword.SHAPE) ? "shape" : "rank"));
    CmpOp op = ConditionParser.cmpOp(g.ts.peek());
    if (op == null) {
      throw g.ts.unexpected("a comparison operator");
    }
    g.ts.advance();
    Expr right = g.conditions.operand();
    return new Cond.Compare(start.to(right.span()), field, op, right);
  }

  /** {@code [TEMPORAL] BETWEEN t1 AND t2}, positioned at BETWEEN. */
  private Cond temporalBetween(Span start) {
    g.ts.expect(Keyword.BETWEEN);
    Term from = g.terms.time("a timestamp, string or parameter");
    g.ts.expect(Keyword.AND);
    Term to = g.terms.time("a timestamp, string or parameter");
    return new Cond.TemporalBetween(start.to(to.span()), from, to);
  }

  /** {@code [SPATIAL] WITHIN …} or {@code [SPATIAL] NEAREST(…)}, positioned at WITHIN or NEAREST. */
  private Cond spatial(Span start) {
    if (g.ts.accept(Keyword.NEAREST)) {
      g.ts.expect(TokenKind.LPAREN);
      Term lat = g.terms.number("a latitude");
      g.ts.expect(TokenKind.COMMA);
      Term lon = g.terms.number("a longitude");
      g.ts.expect(TokenKind.COMMA);
      Term k = g.terms.count("a count k");
      g.ts.expect(TokenKind.RPAREN);
      return new Cond.SpatialNearest(g.ts.spanFrom(start), lat, lon, k);
    }
    g.ts.expect(Keyword.WITHIN);
    Token shape = g.ts.peek();
    if (shape.is(Keyword.RADIUS)) {
      g.ts.advance();
      List<Term> args = numbers(3);
      return new Cond.WithinRadius(g.ts.spanFrom(start), args.get(0), args.get(1), args.get(2));
    }
    if (shape.is(Keyword.BOUNDS)) {
      g.ts.advance();
      List<Term> args = numbers(4);
      return new Cond.WithinBounds(g.ts.spanFrom(start), args.get(0), args.get(1), args.get(2), args.get(3));
    }
    if (shape.is(Keyword.POLYGON)) {
      g.ts.advance();
      g.ts.expect(TokenKind.LPAREN);
      Term wkt = g.terms.stringOrParam("a WKT string or parameter");
      g.ts.expect(TokenKind.RPAREN);
      return new Cond.WithinPolygon(g.ts.spanFrom(start), wkt);
    }
    throw g.ts.unexpected("RADIUS, BOUNDS or POLYGON");
  }

  private List<Term> numbers(int n) {
    g.ts.expect(TokenKind.LPAREN);
    List<Term> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        g.ts.expect(TokenKind.COMMA);
      }
      out.add(g.terms.number("a number or parameter"));
    }
    g.ts.expect(TokenKind.RPAREN);
    return out;
  }

  private Cond satisfies() {
    Token start = g.ts.advance();
    Name contract = g.terms.bareName("a contract name");
    List<Assign> params = new ArrayList<>();
    if (g.ts.accept(TokenKind.LPAREN)) {
      do {
        params.add(g.terms.bareAssign());
      } while (g.ts.accept(TokenKind.COMMA));
      g.ts.expect(TokenKind.RPAREN);
    }
    return new Cond.Satisfies(g.ts.spanFrom(start.span()), contract, params);
  }

  /** A proof type word: an identifier or PROVENANCE, stored in upper case. */
  Name proofType() {
    Token t = g.ts.peek();
    if (t.kind() == TokenKind.IDENT || t.is(Keyword.PROVENANCE)) {
      g.ts.advance();
      return new Name(t.span(), Chars.upper(t.text()));
    }
    throw g.ts.unexpected("a proof type");
  }

  private Cond consistent() {
    Token start = g.ts.advance();
    g.ts.expect(TokenKind.LPAREN);
    Modality first = g.conditions.modality();
    g.ts.expect(TokenKind.COMMA);
    Modality second = g.conditions.modality();
    g.ts.expect(TokenKind.RPAREN);
    g.ts.expect(Keyword.USING);
    Token metric = g.ts.expect(TokenKind.IDENT);
    Name metricName = new Name(metric.span(), Chars.upper(metric.text()));
    CmpOp op = ConditionParser.cmpOp(g.ts.peek());
    Expr threshold = null;
    if (op != null) {
      g.ts.advance();
      threshold = g.conditions.operand();
    }
    return new Cond.Consistent(g.ts.spanFrom(start.span()), first, second, metricName, op, threshold);
  }
}
