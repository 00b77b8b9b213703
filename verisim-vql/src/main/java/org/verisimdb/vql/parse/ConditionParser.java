package org.verisimdb.vql.parse;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.ast.CmpOp;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Expr.AggregateFn;
import org.verisimdb.vql.ast.Expr.PseudoColumn;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.SelectItem;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Hints;
import org.verisimdb.vql.diag.Span;
import org.verisimdb.vql.lex.Keyword;
import org.verisimdb.vql.lex.Token;
import org.verisimdb.vql.lex.TokenKind;

/**
 * Conditions (OR, AND, NOT, parentheses, with n-ary AND/OR flattened), comparisons and their
 * operands: columns, aggregates, DRIFT, literals and parameters (VQL.md §3, §6.1).
 */
final class ConditionParser {
  private static final List<String> MODALITY_NAMES = java.util.Arrays.stream(Modality.values()).map(Enum::name).toList();
  private final Grammar g;
  /** The select list while HAVING is parsed, where FIELD count and FIELD total are aggregates (§5.6); else null. */
  List<SelectItem> havingItems;

  ConditionParser(Grammar g) {
    this.g = g;
  }

  Cond condition() {
    Cond first = andCond();
    if (!g.ts.at(Keyword.OR)) {
      return first;
    }
    List<Cond> operands = new ArrayList<>();
    addFlat(operands, first, true);
    while (g.ts.accept(Keyword.OR)) {
      addFlat(operands, andCond(), true);
    }
    return new Cond.Or(first.span().to(operands.getLast().span()), operands);
  }

  private Cond andCond() {
    Cond first = notCond();
    if (!g.ts.at(Keyword.AND)) {
      return first;
    }
    List<Cond> operands = new ArrayList<>();
    addFlat(operands, first, false);
    while (g.ts.accept(Keyword.AND)) {
      addFlat(operands, notCond(), false);
    }
    return new Cond.And(first.span().to(operands.getLast().span()), operands);
  }

  private static void addFlat(List<Cond> into, Cond c, boolean or) {
    if (or && c instanceof Cond.Or o) {
      into.addAll(o.operands());
    } else if (!or && c instanceof Cond.And a) {
      into.addAll(a.operands());
    } else {
      into.add(c);
    }
  }

  private Cond notCond() {
    Token t = g.ts.peek();
    if (t.is(Keyword.NOT)) {
      g.enter(t.span());
      g.ts.advance();
      Cond inner = notCond();
      g.leave();
      return new Cond.Not(t.span().to(inner.span()), inner);
    }
    if (t.is(TokenKind.LPAREN) && !g.patterns.atPatternStart()) {
      g.enter(t.span());
      g.ts.advance();
      Cond inner = condition();
      g.ts.expect(TokenKind.RPAREN);
      g.leave();
      return inner;
    }
    return g.predicates.predicate();
  }

  /** {@code operand op operand} and the other comparison forms, with {@code left} already parsed. */
  Cond comparisonAfter(Expr left) {
    Token t = g.ts.peek();
    CmpOp op = cmpOp(t);
    if (op != null) {
      g.ts.advance();
      Expr right = operand();
      return new Cond.Compare(left.span().to(right.span()), left, op, right);
    }
    boolean negated = false;
    if (t.is(Keyword.NOT)) {
      negated = true;
      g.ts.advance();
      t = g.ts.peek();
    }
    if (t.is(Keyword.LIKE) || t.is(Keyword.CONTAINS) || t.is(Keyword.MATCHES)) {
      g.ts.advance();
      Cond.MatchOp matchOp = t.is(Keyword.LIKE) ? Cond.MatchOp.LIKE : t.is(Keyword.CONTAINS) ? Cond.MatchOp.CONTAINS : Cond.MatchOp.MATCHES;
      Expr right = operand();
      return new Cond.Match(left.span().to(right.span()), left, matchOp, negated, right);
    }
    if (t.is(Keyword.BETWEEN)) {
      g.ts.advance();
      Expr low = operand();
      g.ts.expect(Keyword.AND);
      Expr high = operand();
      return new Cond.Between(left.span().to(high.span()), left, negated, low, high);
    }
    if (t.is(Keyword.IN)) {
      g.ts.advance();
      g.ts.expect(TokenKind.LPAREN);
      List<Expr> values = new ArrayList<>();
      do {
        values.add(operand());
      } while (g.ts.accept(TokenKind.COMMA));
      Token close = g.ts.expect(TokenKind.RPAREN);
      return new Cond.In(left.span().to(close.span()), left, negated, values);
    }
    if (!negated && t.is(Keyword.IS)) {
      g.ts.advance();
      boolean not = g.ts.accept(Keyword.NOT);
      Token nul = g.ts.expect(Keyword.NULL);
      return new Cond.IsNull(left.span().to(nul.span()), left, not);
    }
    throw g.ts.unexpected(negated ? "LIKE, CONTAINS, MATCHES, BETWEEN or IN after NOT"
        : "a comparison operator, LIKE, CONTAINS, MATCHES, BETWEEN, IN or IS");
  }

  static CmpOp cmpOp(Token t) {
    return switch (t.kind()) {
      case EQ, EQEQ -> CmpOp.EQ;
      case NE, LTGT -> CmpOp.NE;
      case LT -> CmpOp.LT;
      case LE -> CmpOp.LE;
      case GT -> CmpOp.GT;
      case GE -> CmpOp.GE;
      default -> null;
    };
  }

  /** {@code operand ::= expr | FIELD name | literal | param}. */
  Expr operand() {
    Token t = g.ts.peek();
    if (TermParser.startsLiteral(t)) {
      return g.terms.literalOrParam("an operand");
    }
    return expr("an operand");
  }

  /** {@code expr ::= column | aggregate | drift_expr}, plus {@code FIELD name}. */
  Expr expr(String what) {
    Token t = g.ts.peek();
    Modality modality = modalityOf(t);
    if (modality != null) {
      g.ts.advance();
      if (!g.ts.at(TokenKind.DOT)) {
        throw g.ts.unexpected("'.' and a field name after " + modality.name());
      }
      return fieldPath(t.span(), modality);
    }
    if (t.kind() == TokenKind.KEYWORD) {
      switch (t.keyword()) {
        case FIELD -> {
          g.ts.advance();
          Token name = g.ts.expectName("a field name");
          Span span = t.span().to(name.span());
          if (havingItems != null && (name.text().equals("count") || name.text().equals("total"))) {
            return havingAggregate(span, name.text());
          }
          return new Expr.Field(span, Modality.DOCUMENT, List.of(name.text()));
        }
        case DRIFT -> {
          return drift();
        }
        case COUNT, SUM, AVG, MIN, MAX -> {
          if (g.ts.peek(1).is(TokenKind.LPAREN)) {
            return aggregate();
          }
        }
        default -> { }
      }
    }
    if (t.kind() == TokenKind.IDENT) {
      g.ts.advance();
      if (g.ts.at(TokenKind.DOT)) {
        return varPath(t);
      }
      PseudoColumn pseudo = PseudoColumn.byName(t.text());
      return pseudo != null ? new Expr.Pseudo(t.span(), pseudo) : new Expr.AliasRef(t.span(), t.text());
    }
    throw g.ts.unexpected(what);
  }

  /** {@code FIELD count} is COUNT(*); {@code FIELD total} the first SUM of the select list, else an unknown name. */
  private Expr havingAggregate(Span span, String word) {
    if (word.equals("count")) {
      return new Expr.Aggregate(span, AggregateFn.COUNT, null);
    }
    for (SelectItem item : havingItems) {
      if (item instanceof SelectItem.Column c && c.expr() instanceof Expr.Aggregate a && a.function() == AggregateFn.SUM) {
        return new Expr.Aggregate(span, AggregateFn.SUM, a.argument());
      }
    }
    return new Expr.AliasRef(span, word);
  }

  /** The path after {@code MODALITY} (the '.' not yet consumed). */
  private Expr fieldPath(Span start, Modality modality) {
    List<String> path = path();
    return FieldNames.field(g.ts.spanFrom(start), modality, path);
  }

  private List<String> path() {
    List<String> path = new ArrayList<>(2);
    while (g.ts.accept(TokenKind.DOT)) {
      path.add(g.ts.expectName("a field name").text());
    }
    return path;
  }

  /** {@code IDENT . name {. name}}: {@code h} is the candidate (§4.5), anything else a graph variable. */
  private Expr varPath(Token variable) {
    List<String> path = path();
    Span span = g.ts.spanFrom(variable.span());
    if (variable.text().equalsIgnoreCase("h")) {
      if (path.equals(List.of("id"))) {
        return new Expr.Pseudo(span, PseudoColumn.ID);
      }
      if (path.equals(List.of("embedding"))) {
        return new Expr.Field(span, Modality.VECTOR, path);
      }
      return new Expr.Field(span, Modality.DOCUMENT, path);
    }
    return new Expr.VarRef(span, variable.text(), path);
  }

  private Expr aggregate() {
    Token fn = g.ts.advance();
    g.ts.expect(TokenKind.LPAREN);
    AggregateFn function = AggregateFn.valueOf(fn.keyword().name());
    Expr argument = null;
    if (function == AggregateFn.COUNT && g.ts.at(TokenKind.STAR)) {
      g.ts.advance();
    } else {
      argument = expr("a column");
      if (!isColumn(argument)) {
        throw g.ts.fail(DiagnosticCode.SYNTAX_001, argument.span(), "expected a column inside " + function + "(…)", null);
      }
    }
    Token close = g.ts.expect(TokenKind.RPAREN);
    return new Expr.Aggregate(fn.span().to(close.span()), function, argument);
  }

  static boolean isColumn(Expr e) {
    return e instanceof Expr.Field || e instanceof Expr.VarRef || e instanceof Expr.Pseudo || e instanceof Expr.AliasRef;
  }

  private Expr drift() {
    Token start = g.ts.advance();
    g.ts.expect(TokenKind.LPAREN);
    Modality first = modality();
    g.ts.expect(TokenKind.COMMA);
    Modality second = modality();
    Token close = g.ts.expect(TokenKind.RPAREN);
    return new Expr.Drift(start.span().to(close.span()), first, second);
  }

  /** A modality keyword; a misspelt one is VQL-NAME-001 with a hint. */
  Modality modality() {
    Token t = g.ts.peek();
    Modality m = modalityOf(t);
    if (m != null) {
      g.ts.advance();
      return m;
    }
    if (t.kind() == TokenKind.IDENT) {
      String hint = Hints.didYouMean(t.text(), MODALITY_NAMES);
      if (hint != null) {
        throw g.ts.fail(DiagnosticCode.NAME_001, t.span(), "unknown modality '" + t.text() + "'", hint);
      }
    }
    throw g.ts.unexpected("a modality (GRAPH, VECTOR, TENSOR, SEMANTIC, DOCUMENT, TEMPORAL, PROVENANCE or SPATIAL)");
  }

  static Modality modalityOf(Token t) {
    if (t.kind() != TokenKind.KEYWORD) {
      return null;
    }
    return switch (t.keyword()) {
      case GRAPH -> Modality.GRAPH;
      case VECTOR -> Modality.VECTOR;
      case TENSOR -> Modality.TENSOR;
      case SEMANTIC -> Modality.SEMANTIC;
      case DOCUMENT -> Modality.DOCUMENT;
      case TEMPORAL -> Modality.TEMPORAL;
      case PROVENANCE -> Modality.PROVENANCE;
      case SPATIAL -> Modality.SPATIAL;
      default -> null;
    };
  }
}
