package org.verisimdb.vql.parse;

import java.util.List;
import org.verisimdb.vql.ast.Anchor;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Statement.ShowKind;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Hints;
import org.verisimdb.vql.lex.Chars;
import org.verisimdb.vql.lex.Keyword;
import org.verisimdb.vql.lex.Token;
import org.verisimdb.vql.lex.TokenKind;

/**
 * Statement heads (VQL.md §3): dispatch on the first word, VQL-SYNTAX-011 for a word that is no
 * statement keyword, and the short statements: EXPLAIN, transactions, SHOW, NORMALIZE, SEARCH.
 */
final class StatementParser {
  static final List<String> HEADS = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "BEGIN", "COMMIT", "ROLLBACK", "SHOW", "NORMALIZE",
      "SEARCH", "EXPLAIN");
  private final Grammar g;

  StatementParser(Grammar g) {
    this.g = g;
  }

  /** One statement; null (with a diagnostic) if it does not start with a statement keyword. */
  Statement statement() {
    Token t = g.ts.peek();
    if (t.kind() == TokenKind.KEYWORD) {
      switch (t.keyword()) {
        case SELECT -> {
          return g.selects.select();
        }
        case INSERT -> {
          return g.mutations.insert();
        }
        case UPDATE -> {
          return g.mutations.update();
        }
        case DELETE -> {
          return g.mutations.delete();
        }
        case SEARCH -> {
          return search();
        }
        case EXPLAIN -> {
          return explain();
        }
        case BEGIN -> {
          return begin();
        }
        case COMMIT -> {
          g.ts.advance();
          transactionWord();
          return new Statement.Commit(g.ts.spanFrom(t.span()));
        }
        case ROLLBACK -> {
          g.ts.advance();
          transactionWord();
          return new Statement.Rollback(g.ts.spanFrom(t.span()));
        }
        case SHOW -> {
          return show();
        }
        case NORMALIZE -> {
          return normalize();
        }
        default -> { }
      }
    }
    if (t.isName()) {
      String hint = t.is(Keyword.COUNT) ? "use SELECT COUNT(*) FROM OCTADS" : Hints.didYouMean(t.text(), HEADS);
      g.ts.report(DiagnosticCode.SYNTAX_011, t.span(),
          "unsupported statement: '" + t.text() + "' is not a statement keyword (SELECT, INSERT, UPDATE, DELETE, BEGIN, COMMIT, ROLLBACK, SHOW, NORMALIZE, SEARCH or EXPLAIN)",
          hint);
      g.ts.skipUntil(x -> false);
      return null;
    }
    throw g.ts.unexpected("a statement (SELECT, INSERT, UPDATE, DELETE, BEGIN, COMMIT, ROLLBACK, SHOW, NORMALIZE, SEARCH or EXPLAIN)");
  }

  private Statement explain() {
    Token start = g.ts.advance();
    boolean analyze = g.ts.acceptWord("ANALYZE");
    Token t = g.ts.peek();
    Statement inner;
    if (t.is(Keyword.SELECT)) {
      inner = g.selects.select();
    } else if (t.is(Keyword.INSERT)) {
      inner = g.mutations.insert();
    } else if (t.is(Keyword.UPDATE)) {
      inner = g.mutations.update();
    } else if (t.is(Keyword.DELETE)) {
      inner = g.mutations.delete();
    } else if (t.is(Keyword.SEARCH)) {
      inner = search();
    } else {
      throw g.ts.unexpected(analyze ? "SELECT, INSERT, UPDATE, DELETE or SEARCH" : "ANALYZE, SELECT, INSERT, UPDATE, DELETE or SEARCH");
    }
    return new Statement.Explain(g.ts.spanFrom(start.span()), analyze, inner);
  }

  private void transactionWord() {
    if (!g.ts.acceptWord("TRANSACTION")) {
      g.ts.acceptWord("WORK");
    }
  }

  private Statement begin() {
    Token start = g.ts.advance();
    transactionWord();
    Name level = null;
    if (g.ts.acceptWord("ISOLATION")) {
      g.ts.expectWord("LEVEL");
      Token first = g.ts.expect(TokenKind.IDENT);
      if (first.isWord("READ")) {
        Token second = g.ts.expect(TokenKind.IDENT);
        level = new Name(first.span().to(second.span()), "READ " + Chars.upper(second.text()));
      } else {
        level = new Name(first.span(), Chars.upper(first.text()));
      }
    }
    return new Statement.Begin(g.ts.spanFrom(start.span()), level);
  }

  private Statement show() {
    Token start = g.ts.advance();
    Token t = g.ts.peek();
    ShowKind kind;
    Term above = null;
    if (t.isWord("MODALITIES")) {
      kind = ShowKind.MODALITIES;
    } else if (t.isWord("STATS")) {
      kind = ShowKind.STATS;
    } else if (t.is(Keyword.DRIFT)) {
      kind = ShowKind.DRIFT;
    } else if (t.isWord("TRANSACTIONS")) {
      kind = ShowKind.TRANSACTIONS;
    } else if (t.isWord("SLOW")) {
      kind = ShowKind.SLOW_QUERIES;
    } else {
      throw g.ts.unexpected("MODALITIES, STATS, DRIFT, TRANSACTIONS or SLOW");
    }
    g.ts.advance();
    if (kind == ShowKind.SLOW_QUERIES) {
      g.ts.expectWord("QUERIES");
    }
    if (kind == ShowKind.DRIFT && g.ts.acceptWord("ABOVE")) {
      above = g.terms.number("a drift score");
    }
    Term limit = limit();
    return new Statement.Show(g.ts.spanFrom(start.span()), kind, above, limit);
  }

  private Term limit() {
    return g.ts.accept(Keyword.LIMIT) ? g.terms.count("a count or parameter") : null;
  }

  private Statement normalize() {
    Token start = g.ts.advance();
    if (!g.ts.accept(Keyword.OCTAD) && !g.ts.accept(Keyword.HEXAD)) {
      throw g.ts.unexpected("OCTAD or HEXAD");
    }
    Term id = g.terms.octadId();
    Name strategy = null;
    if (g.ts.accept(Keyword.USING)) {
      g.ts.expectWord("STRATEGY");
      Token word = g.ts.expect(TokenKind.IDENT);
      strategy = new Name(word.span(), Chars.upper(word.text()));
    }
    return new Statement.Normalize(g.ts.spanFrom(start.span()), id, strategy);
  }

  private Statement search() {
    Token start = g.ts.advance();
    if (g.ts.acceptWord("TEXT")) {
      Term query = g.terms.stringOrParam("a string or parameter");
      return new Statement.SearchText(g.ts.spanFrom(start.span()), query, limit());
    }
    if (!g.ts.accept(Keyword.VECTOR)) {
      throw g.ts.unexpected("TEXT or VECTOR");
    }
    g.ts.expect(Keyword.SIMILAR);
    g.ts.expect(Keyword.TO);
    Anchor anchor = g.predicates.anchor();
    Term threshold = null;
    if (g.ts.accept(Keyword.WITHIN)) {
      threshold = g.terms.number("a similarity threshold");
    }
    Name metric = g.predicates.metric();
    return new Statement.SearchVector(g.ts.spanFrom(start.span()), anchor, threshold, metric, limit());
  }
}
