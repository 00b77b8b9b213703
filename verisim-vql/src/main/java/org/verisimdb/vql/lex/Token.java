package org.verisimdb.vql.lex;

import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.Span;

/**
 * One token. {@code text} is the source text (for a string, its decoded content; for a parameter,
 * its name or number); {@code value} is the decoded literal where there is one (a Long, Double,
 * {@link org.verisimdb.vql.ast.Value}, …) and {@code keyword} is set for reserved words. A token
 * the lexer could not read correctly carries its {@code error}; the parser reports it when it
 * reaches the token.
 */
public record Token(TokenKind kind, Keyword keyword, String text, Object value, Span span, Diagnostic error) {

  public boolean is(TokenKind k) {
    return kind == k;
  }

  public boolean is(Keyword k) {
    return keyword == k;
  }

  /** An identifier spelled {@code word} in any case: how contextual keywords are recognised. */
  public boolean isWord(String word) {
    return kind == TokenKind.IDENT && text.equalsIgnoreCase(word);
  }

  /** Any word: an identifier or a reserved keyword (the grammar's {@code name}). */
  public boolean isName() {
    return kind == TokenKind.IDENT || kind == TokenKind.KEYWORD;
  }

  /** How messages quote this token: its text, or "end of input". */
  public String describe() {
    if (kind == TokenKind.EOF) {
      return "end of input";
    }
    String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
    return kind == TokenKind.STRING ? "string '" + shown + "'" : "'" + shown + "'";
  }
}
