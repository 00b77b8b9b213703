package org.verisimdb.vql.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Hints;
import org.verisimdb.vql.diag.Span;
import org.verisimdb.vql.lex.Keyword;
import org.verisimdb.vql.lex.Lexer;
import org.verisimdb.vql.lex.Token;
import org.verisimdb.vql.lex.TokenKind;

/**
 * The parser's view of the token stream: bounded lookahead over normally lexed tokens, requests
 * for the context-dependent kinds (which drop the lookahead and re-lex from the end of the last
 * consumed token), and the reporting of diagnostics. A token's own lexical error is reported
 * when the token is consumed or when the parser stops at it, once.
 */
final class Tokens {
  private static final int MAX_LOOKAHEAD = 8;

  final Lexer lexer;
  final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Token[] ahead = new Token[MAX_LOOKAHEAD];
  private int count;
  private Token last;
  private final Set<Integer> reportedLexical = new HashSet<>();
  private int lastErrorStart = -1;

  Tokens(Lexer lexer) {
    this.lexer = lexer;
  }

  Token peek() {
    return peek(0);
  }

  Token peek(int k) {
    while (count <= k) {
      ahead[count++] = lexer.next();
    }
    return ahead[k];
  }

  /** The last consumed token, or null at the start. */
  Token last() {
    return last;
  }

  Token advance() {
    Token t = peek();
    System.arraycopy(ahead, 1, ahead, 0, count - 1);
    ahead[--count] = null;
    consumed(t);
    return t;
  }

  private void consumed(Token t) {
    if (t.error() != null && t.kind() != TokenKind.EOF) {
      reportLexical(t);
    }
    if (t.kind() != TokenKind.EOF) {
      last = t;
    }
  }

  /** Drops the lookahead and lexes one token with {@code mode} from where the last token ended, consuming it. */
  Token special(java.util.function.Function<Lexer, Token> mode) {
    if (count > 0) {
      if (last == null) {
        lexer.reset(0, 1, 1);
      } else {
        Span end = last.span();
        lexer.reset(end.end(), end.endLine(), end.endColumn());
      }
      java.util.Arrays.fill(ahead, 0, count, null);
      count = 0;
    }
    Token t = mode.apply(lexer);
    if (t.kind() == TokenKind.EOF) {
      ahead[count++] = t;
      return t;
    }
    consumed(t);
    return t;
  }

  boolean at(TokenKind kind) {
    return peek().kind() == kind;
  }

  boolean at(Keyword keyword) {
    return peek().keyword() == keyword;
  }

  boolean atWord(String word) {
    return peek().isWord(word);
  }

  boolean accept(TokenKind kind) {
    if (at(kind)) {
      advance();
      return true;
    }
    return false;
  }

  boolean accept(Keyword keyword) {
    if (at(keyword)) {
      advance();
      return true;
    }
    return false;
  }

  boolean acceptWord(String word) {
    if (atWord(word)) {
      advance();
      return true;
    }
    return false;
  }

  Token expect(TokenKind kind) {
    if (!at(kind)) {
      throw unexpected(kind.description());
    }
    return advance();
  }

  Token expect(Keyword keyword) {
    if (!at(keyword)) {
      throw unexpected(keyword.name());
    }
    return advance();
  }

  Token expectWord(String word) {
    if (!atWord(word)) {
      throw unexpected(word);
    }
    return advance();
  }

  /** Any word (identifier or keyword), as the grammar's {@code name}. */
  Token expectName(String what) {
    if (!peek().isName()) {
      throw unexpected(what);
    }
    return advance();
  }

  /**
   * Reports the token under the cursor as unexpected and returns the exception that unwinds to
   * the recovery point. {@code expected} lists the alternatives ("FROM or ','"); keywords in it
   * feed the did-you-mean hint.
   */
  ParseError unexpected(String expected) {
    return unexpectedAt(peek(), expected);
  }

  ParseError unexpectedAt(Token t, String expected) {
    if (t.error() != null) {
      reportLexical(t);
      return new ParseError(false);
    }
    if (t.kind() == TokenKind.EOF) {
      report(Diagnostic.of(DiagnosticCode.SYNTAX_002, t.span(), "unexpected end of input: expected " + expected));
      return new ParseError(false);
    }
    Diagnostic d = Diagnostic.of(DiagnosticCode.SYNTAX_001, t.span(), "expected " + expected + " but found " + t.describe());
    if (t.isName()) {
      List<String> words = new ArrayList<>();
      for (String part : expected.replace(",", " ").split(" ")) {
        if (part.length() > 1 && part.chars().allMatch(c -> Character.isUpperCase(c) || c == '_')) {
          words.add(part);
        }
      }
      String hint = Hints.didYouMean(t.text(), words);
      if (hint != null) {
        d = new Diagnostic(d.span(), d.severity(), d.code(), d.message() + "; " + hint, hint);
      }
    }
    report(d);
    return new ParseError(false);
  }

  /** Records a diagnostic and returns the exception that unwinds to the recovery point. */
  ParseError fail(DiagnosticCode code, Span span, String message, String hint) {
    report(new Diagnostic(span, code.severity(), code, message, hint));
    return new ParseError(false);
  }

  /** Records a diagnostic without unwinding. */
  void report(DiagnosticCode code, Span span, String message, String hint) {
    report(new Diagnostic(span, code.severity(), code, message, hint));
  }

  void report(Diagnostic d) {
    if (d.isError() && d.span().start() == lastErrorStart) {
      return; // one error per position: recovery must not pile up follow-on errors
    }
    if (d.isError()) {
      lastErrorStart = d.span().start();
    }
    diagnostics.add(d);
  }

  private void reportLexical(Token t) {
    if (reportedLexical.add(t.span().start())) {
      report(t.error());
    }
  }

  /** Skips tokens until {@code stop} holds, a ';' or the end. */
  void skipUntil(java.util.function.Predicate<Token> stop) {
    while (!at(TokenKind.EOF) && !at(TokenKind.SEMI) && !stop.test(peek())) {
      advance();
    }
  }

  /** The span from {@code first} to the last consumed token. */
  Span spanFrom(Span first) {
    return last == null ? first : first.to(last.span());
  }

  boolean hasErrors() {
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        return true;
      }
    }
    return false;
  }
}
