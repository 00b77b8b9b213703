package org.verisimdb.vql.parse;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;
import org.verisimdb.vql.lex.Comment;
import org.verisimdb.vql.lex.Lexer;
import org.verisimdb.vql.lex.Token;
import org.verisimdb.vql.lex.TokenKind;

/**
 * Entry points of the parser: a request (one statement, VQL.md §2.9) or a script (statements
 * separated by ';'). Never throws on any input; everything wrong is a diagnostic. Stateless and
 * thread-safe: each call uses its own lexer.
 */
public final class Parser {
  /** {@code vql.max_statement_bytes}: 1 MiB. */
  public static final int MAX_STATEMENT_BYTES = 1 << 20;

  private Parser() {}

  /** Parses a request: exactly one statement, optionally followed by one ';'. */
  public static ParsedStatement parseRequest(String text) {
    if (utf8Length(text, 0, text.length()) > MAX_STATEMENT_BYTES) {
      Span at = new Span(0, 0, 1, 1, 1, 1);
      Diagnostic d = Diagnostic.of(DiagnosticCode.LIMIT_003, at, "statement longer than " + MAX_STATEMENT_BYTES + " bytes");
      return new ParsedStatement(null, List.of(d), List.of(), at, 0, text.length(), text);
    }
    Lexer lexer = new Lexer(text);
    Tokens ts = new Tokens(lexer);
    Grammar g = new Grammar(ts);
    Token first = ts.peek();
    if (first.is(TokenKind.EOF)) {
      ts.report(DiagnosticCode.SYNTAX_009, first.span(), "empty statement: the request holds no statement", null);
      return new ParsedStatement(null, ts.diagnostics, lexer.comments(), first.span(), 0, text.length(), text);
    }
    Statement s = one(g);
    Span span = ts.spanFrom(first.span());
    ts.accept(TokenKind.SEMI);
    if (!ts.at(TokenKind.EOF)) {
      trailing(ts);
    }
    while (!ts.at(TokenKind.EOF)) {
      ts.advance(); // lexes to the end, so that every comment is collected
    }
    return new ParsedStatement(ts.hasErrors() ? null : s, ts.diagnostics, lexer.comments(), span, 0, text.length(), text);
  }

  /** Parses a script; empty statements are ignored and every statement is parsed, also after errors. */
  public static ParsedScript parseScript(String text) {
    Lexer lexer = new Lexer(text);
    Tokens ts = new Tokens(lexer);
    Grammar g = new Grammar(ts);
    List<int[]> regions = new ArrayList<>();
    List<Statement> parsed = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    List<int[]> diagnosticRanges = new ArrayList<>();
    int regionStart = 0;
    while (true) {
      while (ts.at(TokenKind.SEMI)) {
        regionStart = ts.advance().span().end();
      }
      if (ts.at(TokenKind.EOF)) {
        break;
      }
      int from = ts.diagnostics.size();
      Token first = ts.peek();
      Statement s = one(g);
      if (!ts.at(TokenKind.SEMI) && !ts.at(TokenKind.EOF)) {
        trailing(ts);
        ts.skipUntil(t -> false);
      }
      Span span = ts.spanFrom(first.span());
      int regionEnd = ts.at(TokenKind.SEMI) ? ts.advance().span().end() : text.length();
      Span full = span;
      if (utf8Length(text, span.start(), span.end()) > MAX_STATEMENT_BYTES) {
        ts.report(DiagnosticCode.LIMIT_003, span.atEnd(), "statement longer than " + MAX_STATEMENT_BYTES + " bytes", null);
      }
      parsed.add(s);
      spans.add(full);
      regions.add(new int[] {regionStart, regionEnd});
      diagnosticRanges.add(new int[] {from, ts.diagnostics.size()});
      regionStart = regionEnd;
    }
    List<Comment> comments = lexer.comments();
    List<ParsedStatement> statements = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      int start = regions.get(i)[0];
      int end = i == parsed.size() - 1 ? Integer.MAX_VALUE : regions.get(i)[1];
      List<Comment> own = comments.stream().filter(c -> c.span().start() >= start && c.span().start() < end).toList();
      List<Diagnostic> diagnostics = ts.diagnostics.subList(diagnosticRanges.get(i)[0], diagnosticRanges.get(i)[1]);
      boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
      statements.add(new ParsedStatement(errors ? null : parsed.get(i), diagnostics, own, spans.get(i), start, regions.get(i)[1], text));
    }
    return new ParsedScript(statements, statements.isEmpty() ? comments : List.of(), text);
  }

  private static Statement one(Grammar g) {
    g.resetDepth();
    try {
      return g.statements.statement();
    } catch (ParseError e) {
      g.ts.skipUntil(t -> false);
      return null;
    } catch (StackOverflowError e) {
      // Recursion is bounded by vql.max_nesting, so this only happens on a thread with a tiny stack.
      g.ts.report(DiagnosticCode.LIMIT_004, g.ts.peek().span(), "statement nested too deeply for this thread's stack", null);
      g.ts.skipUntil(t -> false);
      return null;
    }
  }

  private static void trailing(Tokens ts) {
    Token t = ts.peek();
    if (t.error() != null) {
      ts.unexpectedAt(t, "the end of the statement");
    } else {
      ts.report(DiagnosticCode.SYNTAX_008, t.span(), "unexpected " + t.describe() + " after the statement", "end the statement with ';' before starting another");
    }
  }

  /** UTF-8 length of {@code text[from, to)}; surrogate pairs count four bytes. */
  static long utf8Length(String text, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 2 : Character.isLowSurrogate(c) ? 2 : 3;
    }
    return n;
  }
}
