package org.verisimdb.vql.parse;

import java.util.List;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.Span;
import org.verisimdb.vql.lex.Comment;

/**
 * One parsed statement of a request or script. {@code statement} is null when the text has
 * errors (the diagnostics say which); {@code span} covers the statement's tokens, and
 * {@code [regionStart, regionEnd)} the script text it owns, comments and its ';' included.
 */
public record ParsedStatement(
    Statement statement, List<Diagnostic> diagnostics, List<Comment> comments, Span span, int regionStart, int regionEnd, String source) {
  public ParsedStatement {
    diagnostics = List.copyOf(diagnostics);
    comments = List.copyOf(comments);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The statement's own text, from its first to its last token. */
  public String text() {
    return source.substring(span.start(), span.end());
  }
}
