package org.verisimdb.vql.parse;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.GraphEdge;
import org.verisimdb.vql.ast.GraphEdge.Direction;
import org.verisimdb.vql.ast.GraphNode;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;
import org.verisimdb.vql.lex.Token;
import org.verisimdb.vql.lex.TokenKind;

/** Graph patterns {@code (v0) e1 (v1) …} with relation types and hop ranges (VQL.md §3, §6.3). */
final class PatternParser {
  private final Grammar g;

  PatternParser(Grammar g) {
    this.g = g;
  }

  /** Disambiguation rule 1: {@code (} [{@code ?}] IDENT {@code )} followed by {@code -[} or {@code <-[}. */
  boolean atPatternStart() {
    Tokens ts = g.ts;
    if (!ts.peek(0).is(TokenKind.LPAREN)) {
      return false;
    }
    int i = ts.peek(1).is(TokenKind.QUESTION) ? 2 : 1;
    return ts.peek(i).is(TokenKind.IDENT) && ts.peek(i + 1).is(TokenKind.RPAREN)
        && (ts.peek(i + 2).is(TokenKind.EDGE_OPEN) || ts.peek(i + 2).is(TokenKind.EDGE_IN_OPEN));
  }

  Cond pattern() {
    List<GraphNode> nodes = new ArrayList<>();
    List<GraphEdge> edges = new ArrayList<>();
    nodes.add(node());
    do {
      edges.add(edge());
      nodes.add(node());
    } while (g.ts.at(TokenKind.EDGE_OPEN) || g.ts.at(TokenKind.EDGE_IN_OPEN));
    return new Cond.Pattern(nodes.getFirst().span().to(nodes.getLast().span()), nodes, edges);
  }

  private GraphNode node() {
    Token open = g.ts.expect(TokenKind.LPAREN);
    g.ts.accept(TokenKind.QUESTION);
    Token name = g.ts.expect(TokenKind.IDENT);
    Token close = g.ts.expect(TokenKind.RPAREN);
    String variable = name.text().equalsIgnoreCase("h") ? "h" : name.text();
    return new GraphNode(open.span().to(close.span()), variable);
  }

  private GraphEdge edge() {
    Token open = g.ts.peek();
    boolean incoming = open.is(TokenKind.EDGE_IN_OPEN);
    if (!incoming && !open.is(TokenKind.EDGE_OPEN)) {
      throw g.ts.unexpected("'-[' or '<-['");
    }
    g.ts.advance();
    List<Name> types = types();
    int[] hops = hops();
    Token close = g.ts.peek();
    Direction direction;
    if (close.is(TokenKind.EDGE_CLOSE)) {
      direction = incoming ? Direction.IN : Direction.BOTH;
    } else if (close.is(TokenKind.EDGE_OUT_CLOSE) && !incoming) {
      direction = Direction.OUT;
    } else {
      throw g.ts.unexpected(incoming ? "']-'" : "']->' or ']-'");
    }
    g.ts.advance();
    return new GraphEdge(open.span().to(close.span()), direction, types, hops[0], hops[1]);
  }

  /** {@code [':' name {'|' [':'] name}]}; {@code :name} may arrive as one NAMED_PARAM token. */
  private List<Name> types() {
    List<Name> types = new ArrayList<>();
    if (!startsType()) {
      return types;
    }
    types.add(type());
    while (g.ts.accept(TokenKind.PIPE)) {
      types.add(type());
    }
    return types;
  }

  private boolean startsType() {
    Token t = g.ts.peek();
    return t.is(TokenKind.NAMED_PARAM) || t.is(TokenKind.COLON) || t.isName();
  }

  private Name type() {
    Token t = g.ts.peek();
    if (t.is(TokenKind.NAMED_PARAM)) {
      g.ts.advance();
      return new Name(t.span(), t.text());
    }
    g.ts.accept(TokenKind.COLON);
    Token name = g.ts.expectName("a relation type");
    return new Name(name.span(), name.text());
  }

  /** The hop range {min, max}; no hops means exactly one. */
  private int[] hops() {
    Tokens ts = g.ts;
    if (ts.accept(TokenKind.PLUS)) {
      return new int[] {1, GraphEdge.UNBOUNDED};
    }
    if (ts.at(TokenKind.LBRACE)) {
      Token open = ts.advance();
      int min = bound();
      ts.expect(TokenKind.COMMA);
      int max = bound();
      ts.expect(TokenKind.RBRACE);
      return range(open.span(), min, max);
    }
    if (!ts.at(TokenKind.STAR)) {
      return new int[] {1, 1};
    }
    Token star = ts.advance();
    if (ts.accept(TokenKind.DOTDOT)) {
      return range(star.span(), 1, bound());
    }
    if (!atBound()) {
      return new int[] {1, GraphEdge.UNBOUNDED};
    }
    int min = bound();
    if (!ts.accept(TokenKind.DOTDOT)) {
      return new int[] {min, min};
    }
    if (!atBound()) {
      return new int[] {min, GraphEdge.UNBOUNDED};
    }
    return range(star.span(), min, bound());
  }

  private boolean atBound() {
    return g.ts.at(TokenKind.INTEGER) || g.ts.at(TokenKind.FLOAT);
  }

  private int[] range(Span at, int min, int max) {
    if (min > max) {
      throw g.ts.fail(DiagnosticCode.SYNTAX_010, g.ts.spanFrom(at), "invalid hop range: lower bound " + min + " exceeds upper bound " + max, null);
    }
    return new int[] {min, max};
  }

  /** A hop bound: a non-negative integer (VQL-SYNTAX-010 otherwise). */
  private int bound() {
    Token t = g.ts.peek();
    if (!atBound()) {
      throw g.ts.unexpected("a hop count");
    }
    g.ts.advance();
    if (t.error() != null) {
      throw new ParseError(false);
    }
    if (t.is(TokenKind.FLOAT) || (Long) t.value() < 0) {
      throw g.ts.fail(DiagnosticCode.SYNTAX_010, t.span(), "invalid hop bound " + t.text() + ": bounds are non-negative integers", null);
    }
    long value = (Long) t.value();
    // Anything this large is far beyond graph.max_hops; the checker reports VQL-LIMIT-002.
    return (int) Math.min(value, Integer.MAX_VALUE - 1);
  }
}
