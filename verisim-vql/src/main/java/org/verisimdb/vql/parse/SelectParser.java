package org.verisimdb.vql.parse;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.ast.AsOf;
import org.verisimdb.vql.ast.Clauses.OrderItem;
import org.verisimdb.vql.ast.Clauses.ProofSpec;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.ast.SelectItem;
import org.verisimdb.vql.ast.Source;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.diag.Span;
import org.verisimdb.vql.lex.Chars;
import org.verisimdb.vql.lex.Keyword;
import org.verisimdb.vql.lex.Lexer;
import org.verisimdb.vql.lex.Token;
import org.verisimdb.vql.lex.TokenKind;

/**
 * SELECT (VQL.md §3, §5.1–5.8): select and RETURNING lists, sources, AS OF and the clauses in
 * their fixed order. A syntax error inside a clause skips to the next clause keyword, so one
 * pass reports errors in several clauses.
 */
final class SelectParser {
  private final Grammar g;

  SelectParser(Grammar g) {
    this.g = g;
  }

  static boolean isClauseKeyword(Token t) {
    if (t.kind() != TokenKind.KEYWORD) {
      return false;
    }
    return switch (t.keyword()) {
      case FROM, WHERE, GROUP, HAVING, PROOF, ORDER, LIMIT, OFFSET, CURSOR, RETURNING, SET -> true;
      default -> false;
    };
  }

  /** Runs one clause; on a syntax error skips to the next clause keyword. */
  void clause(Runnable body) {
    try {
      body.run();
    } catch (ParseError e) {
      if (e.fatal) {
        throw e;
      }
      g.ts.skipUntil(SelectParser::isClauseKeyword);
    }
  }

  Statement.Select select() {
    Token start = g.ts.expect(Keyword.SELECT);
    var b = new Object() {
      List<SelectItem> items = List.of();
      Source source;
      AsOf asOf;
      Cond where;
      List<Expr> groupBy = List.of();
      Cond having;
      List<ProofSpec> proofs = List.of();
      List<OrderItem> orderBy = List.of();
      Term limit;
      Term offset;
      Term cursor;
    };
    clause(() -> b.items = items(false));
    clause(() -> {
      if (!g.ts.at(Keyword.FROM)) {
        throw g.ts.unexpected(b.items.isEmpty() ? "FROM" : "FROM or ','");
      }
      g.ts.advance();
      b.source = source();
      if (g.ts.at(Keyword.AS) && g.ts.peek(1).is(Keyword.OF)) {
        b.asOf = g.predicates.asOf();
      }
    });
    if (g.ts.at(Keyword.WHERE)) {
      clause(() -> {
        g.ts.advance();
        b.where = g.conditions.condition();
      });
    }
    if (g.ts.at(Keyword.GROUP)) {
      clause(() -> {
        g.ts.advance();
        g.ts.expect(Keyword.BY);
        List<Expr> keys = new ArrayList<>();
        do {
          keys.add(column("a group key (a field or pseudo-column)"));
        } while (g.ts.accept(TokenKind.COMMA));
        b.groupBy = keys;
      });
    }
    if (g.ts.at(Keyword.HAVING)) {
      clause(() -> {
        g.ts.advance();
        g.conditions.havingItems = b.items;
        try {
          b.having = g.conditions.condition();
        } finally {
          g.conditions.havingItems = null;
        }
      });
    }
    if (g.ts.at(Keyword.PROOF)) {
      clause(() -> b.proofs = g.proofs.clause());
    }
    if (g.ts.at(Keyword.ORDER)) {
      clause(() -> b.orderBy = orderBy());
    }
    if (g.ts.at(Keyword.LIMIT)) {
      clause(() -> {
        g.ts.advance();
        b.limit = g.terms.count("a count or parameter");
      });
    }
    if (g.ts.at(Keyword.OFFSET)) {
      clause(() -> {
        g.ts.advance();
        b.offset = g.terms.count("a count or parameter");
      });
    } else if (g.ts.at(Keyword.CURSOR)) {
      clause(() -> {
        g.ts.advance();
        b.cursor = g.terms.stringOrParam("a cursor string or parameter");
      });
    }
    Span span = g.ts.spanFrom(start.span());
    Statement.Select select = new Statement.Select(span, b.items, b.source, b.asOf, b.where, b.groupBy, b.having, b.proofs, b.orderBy,
        b.limit, b.offset, b.cursor);
    return AsOfHoisting.hoist(select);
  }

  /** A select list, or with {@code returning} a RETURNING list. */
  List<SelectItem> items(boolean returning) {
    List<SelectItem> items = new ArrayList<>();
    do {
      item(items);
    } while (g.ts.accept(TokenKind.COMMA));
    return items;
  }

  private void item(List<SelectItem> into) {
    Tokens ts = g.ts;
    Token t = ts.peek();
    if (t.is(TokenKind.STAR)) {
      ts.advance();
      into.add(new SelectItem.Star(t.span()));
      return;
    }
    Modality modality = ConditionParser.modalityOf(t);
    if (modality != null) {
      Token next = ts.peek(1);
      if (next.is(TokenKind.DOT) && ts.peek(2).is(TokenKind.STAR)) {
        ts.advance();
        ts.advance();
        Token star = ts.advance();
        into.add(new SelectItem.Whole(t.span().to(star.span()), modality));
        return;
      }
      if (next.is(TokenKind.LPAREN)) {
        ts.advance();
        ts.advance();
        do {
          Token name = ts.expectName("a field name");
          into.add(new SelectItem.Column(name.span(), FieldNames.field(t.span().to(name.span()), modality, List.of(name.text())), null));
        } while (ts.accept(TokenKind.COMMA));
        ts.expect(TokenKind.RPAREN);
        return;
      }
      if (!next.is(TokenKind.DOT)) {
        ts.advance();
        into.add(new SelectItem.Whole(t.span(), modality));
        return;
      }
    }
    Expr expr = g.conditions.expr("'*', a modality, a column, an aggregate or DRIFT(…)");
    Name alias = null;
    if (ts.accept(Keyword.AS)) {
      Token name = ts.peek();
      if (name.kind() != TokenKind.IDENT) {
        throw ts.unexpected("an alias (an identifier, not a keyword)");
      }
      ts.advance();
      alias = new Name(name.span(), name.text());
    }
    into.add(new SelectItem.Column(alias == null ? expr.span() : expr.span().to(alias.span()), expr, alias));
  }

  /** A column: a field, a variable's field, a pseudo-column or an alias. */
  private Expr column(String what) {
    Expr e = g.conditions.expr(what);
    if (!ConditionParser.isColumn(e)) {
      throw g.ts.fail(org.verisimdb.vql.diag.DiagnosticCode.SYNTAX_001, e.span(), "expected " + what, null);
    }
    return e;
  }

  private List<OrderItem> orderBy() {
    g.ts.advance();
    g.ts.expect(Keyword.BY);
    List<OrderItem> items = new ArrayList<>();
    do {
      Expr e = g.conditions.expr("a column, an aggregate, DRIFT(…) or an alias");
      boolean descending = false;
      Span span = e.span();
      if (g.ts.at(Keyword.ASC) || g.ts.at(Keyword.DESC)) {
        Token dir = g.ts.advance();
        descending = dir.is(Keyword.DESC);
        span = span.to(dir.span());
      }
      items.add(new OrderItem(span, e, descending));
    } while (g.ts.accept(TokenKind.COMMA));
    return items;
  }

  Source source() {
    Token t = g.ts.peek();
    if (t.kind() == TokenKind.KEYWORD) {
      switch (t.keyword()) {
        case OCTAD, HEXAD -> {
          g.ts.advance();
          Term id = g.terms.octadId();
          return new Source.Octad(t.span().to(id.span()), id);
        }
        case OCTADS, HEXADS -> {
          g.ts.advance();
          return new Source.All(t.span());
        }
        case STORE -> {
          g.ts.advance();
          Name name = g.terms.bareName("a store name");
          return new Source.Store(t.span().to(name.span()), name);
        }
        case FEDERATION -> {
          g.ts.advance();
          return federation(t);
        }
        default -> { }
      }
    }
    throw g.ts.unexpected("OCTAD, OCTADS, FEDERATION or STORE");
  }

  private Source federation(Token start) {
    Token target = g.ts.special(Lexer::glob);
    String glob = null;
    List<Name> peers = new ArrayList<>();
    if (target.is(TokenKind.GLOB)) {
      if (target.error() != null) {
        throw new ParseError(false);
      }
      glob = target.text();
    } else if (target.is(TokenKind.LBRACKET)) {
      do {
        peers.add(g.terms.bareName("a peer name"));
      } while (g.ts.accept(TokenKind.COMMA));
      g.ts.expect(TokenKind.RBRACKET);
    } else {
      throw g.ts.unexpectedAt(target, "a glob such as /labs/* or a peer list [a, b]");
    }
    Name policy = null;
    if (g.ts.at(Keyword.WITH) && g.ts.peek(1).is(Keyword.DRIFT)) {
      g.ts.advance();
      g.ts.advance();
      Token word = g.ts.expect(TokenKind.IDENT);
      policy = new Name(word.span(), Chars.upper(word.text()));
    }
    return new Source.Federation(g.ts.spanFrom(start.span()), glob, peers, policy);
  }
}
