package org.verisimdb.vql.parse;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.ast.Clauses.Assign;
import org.verisimdb.vql.ast.Expr.Lit;
import org.verisimdb.vql.ast.Expr.Named;
import org.verisimdb.vql.ast.Expr.Positional;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;
import org.verisimdb.vql.lex.Chars;
import org.verisimdb.vql.lex.Keyword;
import org.verisimdb.vql.lex.Lexer;
import org.verisimdb.vql.lex.Token;
import org.verisimdb.vql.lex.TokenKind;

/** Literals, parameters, ids, bare words and {@code key = value} pairs (VQL.md §2.5–2.7). */
final class TermParser {
  private static final int MAX_NAME = 128;
  private final Grammar g;

  TermParser(Grammar g) {
    this.g = g;
  }

  static boolean startsLiteral(Token t) {
    return switch (t.kind()) {
      case STRING, INTEGER, FLOAT, TIMESTAMP, UUID, LBRACKET, POS_PARAM, NAMED_PARAM -> true;
      case KEYWORD -> t.is(Keyword.TRUE) || t.is(Keyword.FALSE) || t.is(Keyword.NULL);
      default -> false;
    };
  }

  /** {@code literal | param}. */
  Term literalOrParam(String what) {
    Token t = g.ts.peek();
    if (!startsLiteral(t)) {
      throw g.ts.unexpected(what);
    }
    return fromToken(g.ts.advance(), what);
  }

  /** The literal or parameter that begins with the already consumed token {@code t}. */
  Term fromToken(Token t, String what) {
    Span s = t.span();
    return switch (t.kind()) {
      case STRING -> new Lit(s, new Value.Str(t.text()));
      case INTEGER -> new Lit(s, new Value.Int(((Number) t.value()).longValue()));
      case FLOAT -> new Lit(s, new Value.Flt(((Number) t.value()).doubleValue()));
      case TIMESTAMP -> new Lit(s, t.value() == null ? new Value.Time(0, 0) : (Value) t.value());
      case UUID -> new Lit(s, (Value) t.value());
      case BARE_NAME -> new Lit(s, (Value) t.value());
      case POS_PARAM -> new Positional(s, Math.max(1, (Integer) t.value()));
      case NAMED_PARAM -> named(t);
      case LBRACKET -> {
        Value.Arr array = arrayAfterOpen(t.span());
        yield new Lit(g.ts.spanFrom(s), array);
      }
      case KEYWORD -> switch (t.keyword()) {
        case TRUE -> new Lit(s, Value.TRUE);
        case FALSE -> new Lit(s, Value.FALSE);
        case NULL -> new Lit(s, Value.NULL);
        default -> throw g.ts.unexpectedAt(t, what);
      };
      default -> throw g.ts.unexpectedAt(t, what);
    };
  }

  private Term named(Token t) {
    if (Keyword.isReserved(t.text())) {
      g.ts.report(DiagnosticCode.SYNTAX_001, t.span(), "invalid parameter ':" + t.text() + "': a parameter name is an identifier, not a reserved keyword", null);
    }
    return new Named(t.span(), t.text());
  }

  boolean atParam() {
    return g.ts.at(TokenKind.POS_PARAM) || g.ts.at(TokenKind.NAMED_PARAM);
  }

  /** {@code INTEGER | param}. */
  Term count(String what) {
    if (g.ts.at(TokenKind.INTEGER) || atParam()) {
      return fromToken(g.ts.advance(), what);
    }
    throw g.ts.unexpected(what);
  }

  /** {@code INTEGER | FLOAT | param}. */
  Term number(String what) {
    if (g.ts.at(TokenKind.INTEGER) || g.ts.at(TokenKind.FLOAT) || atParam()) {
      return fromToken(g.ts.advance(), what);
    }
    throw g.ts.unexpected(what);
  }

  /** {@code STRING | param}. */
  Term stringOrParam(String what) {
    if (g.ts.at(TokenKind.STRING) || atParam()) {
      return fromToken(g.ts.advance(), what);
    }
    throw g.ts.unexpected(what);
  }

  /** {@code TIMESTAMP | STRING | param}. */
  Term time(String what) {
    if (g.ts.at(TokenKind.TIMESTAMP) || g.ts.at(TokenKind.STRING) || atParam()) {
      return fromToken(g.ts.advance(), what);
    }
    throw g.ts.unexpected(what);
  }

  /** An octad id: {@code ID_WORD | STRING | param}; a bare word must be a UUID (§2.7). */
  Term octadId() {
    Token t = g.ts.special(Lexer::idWord);
    if (t.kind() == TokenKind.ID_WORD) {
      if (t.value() != null) {
        return new Lit(t.span(), (Value) t.value());
      }
      g.ts.report(DiagnosticCode.VALUE_001, t.span(), "invalid octad id '" + shorten(t.text()) + "': an octad id must be a UUID or a quoted string",
          "quote it: '" + shorten(t.text()) + "'");
      return new Lit(t.span(), new Value.Str(t.text()));
    }
    if (t.kind() == TokenKind.STRING || t.kind() == TokenKind.POS_PARAM || t.kind() == TokenKind.NAMED_PARAM) {
      return fromToken(t, "an octad id");
    }
    throw g.ts.unexpectedAt(t, "an octad id (a UUID, a quoted string or a parameter)");
  }

  /** A name in a BARE_NAME position without parameters: {@code BARE_NAME | STRING} (stores, peers, contracts). */
  Name bareName(String what) {
    Token t = g.ts.special(Lexer::bareName);
    if (t.kind() == TokenKind.BARE_NAME) {
      checkLength(t);
      return new Name(t.span(), t.text());
    }
    if (t.kind() == TokenKind.STRING) {
      return new Name(t.span(), t.text());
    }
    throw g.ts.unexpectedAt(t, what);
  }

  /** {@code BARE_NAME | STRING | param} where the value is a string whatever the run (principals, issuers). */
  Term bareString(String what) {
    Token t = g.ts.special(Lexer::bareName);
    if (t.kind() == TokenKind.BARE_NAME) {
      checkLength(t);
      return new Lit(t.span(), new Value.Str(t.text()));
    }
    if (t.kind() == TokenKind.STRING || t.kind() == TokenKind.POS_PARAM || t.kind() == TokenKind.NAMED_PARAM) {
      return fromToken(t, what);
    }
    throw g.ts.unexpectedAt(t, what);
  }

  /** After VERSION: a run of digits is a version number, any other run a label (§2.7). */
  Term version() {
    Token t = g.ts.special(Lexer::bareName);
    if (t.kind() == TokenKind.BARE_NAME) {
      checkLength(t);
      boolean digits = t.text().chars().allMatch(Chars::isDigit);
      if (digits && t.value() instanceof Value.Int) {
        return new Lit(t.span(), (Value) t.value());
      }
      return new Lit(t.span(), new Value.Str(t.text()));
    }
    if (t.kind() == TokenKind.STRING || t.kind() == TokenKind.POS_PARAM || t.kind() == TokenKind.NAMED_PARAM) {
      return fromToken(t, "a version");
    }
    throw g.ts.unexpectedAt(t, "a version number or label");
  }

  /** A value of {@code key = value} in SATISFIES or proof WITH parameters: a literal, a parameter or a typed bare word. */
  Term bareValue() {
    Token t = g.ts.special(Lexer::bareName);
    if (t.kind() == TokenKind.BARE_NAME) {
      checkLength(t);
      return new Lit(t.span(), (Value) t.value());
    }
    if (startsLiteral(t)) {
      return fromToken(t, "a value");
    }
    throw g.ts.unexpectedAt(t, "a value");
  }

  /** {@code name = value} with a bare-word value. */
  Assign bareAssign() {
    Token key = g.ts.expectName("a parameter name");
    g.ts.expect(TokenKind.EQ);
    Term value = bareValue();
    return new Assign(key.span().to(value.span()), new Name(key.span(), key.text()), value);
  }

  /** {@code name = (literal | param)}, lexed normally (modality data, §5.9). */
  Assign fieldAssign() {
    Token key = g.ts.expectName("a field name");
    g.ts.expect(TokenKind.EQ);
    Term value = literalOrParam("a literal or parameter");
    return new Assign(key.span().to(value.span()), new Name(key.span(), key.text()), value);
  }

  /** The rest of an array literal after its '['. */
  Value.Arr arrayAfterOpen(Span open) {
    g.enter(open);
    List<Value> elements = new ArrayList<>();
    if (!g.ts.accept(TokenKind.RBRACKET)) {
      do {
        Term element = literalOrParam("a literal");
        if (!(element instanceof Lit lit)) {
          throw g.ts.fail(DiagnosticCode.SYNTAX_001, element.span(), "a parameter cannot stand inside an array literal; bind the whole array instead", null);
        }
        elements.add(lit.value());
      } while (g.ts.accept(TokenKind.COMMA));
      g.ts.expect(TokenKind.RBRACKET);
    }
    g.leave();
    return new Value.Arr(elements);
  }

  private void checkLength(Token t) {
    if (t.text().length() > MAX_NAME) {
      g.ts.report(DiagnosticCode.VALUE_001, t.span(), "a bare name is at most " + MAX_NAME + " characters; this one has " + t.text().length(),
          "quote it");
    }
  }

  static String shorten(String text) {
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
