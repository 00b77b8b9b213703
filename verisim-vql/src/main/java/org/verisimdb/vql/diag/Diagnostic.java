package org.verisimdb.vql.diag;

/**
 * One problem found in VQL text: where, how bad, which stable code, a message that names the
 * offending text, and an optional hint (null when there is none). A value, never thrown.
 */
public record Diagnostic(Span span, Severity severity, DiagnosticCode code, String message, String hint) {
  public Diagnostic {
    if (span == null || severity == null || code == null || message == null) {
      throw new IllegalArgumentException("incomplete diagnostic " + code + " " + message);
    }
  }

  /** An error or warning, as the code's severity says. */
  public static Diagnostic of(DiagnosticCode code, Span span, String message) {
    return new Diagnostic(span, code.severity(), code, message, null);
  }

  /** The same diagnostic with a hint. */
  public Diagnostic withHint(String newHint) {
    return new Diagnostic(span, severity, code, message, newHint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code line:column severity CODE message}, the first line of the text rendering. */
  public String headline() {
    return span.line() + ":" + span.column() + " " + severity.label() + " " + code.id() + " " + message;
  }

  /**
   * The text rendering of VQL.md §10.1: the headline, the source line with {@code ^} under the
   * span, and the hint if any.
   */
  public String render(String source) {
    StringBuilder out = new StringBuilder(headline()).append('\n');
    String line = sourceLine(source, span.start());
    if (line != null) {
      out.append("  ").append(line).append('\n');
      int width = span.endLine() == span.line() ? Math.max(1, span.endColumn() - span.column()) : 1;
      out.append("  ").append(" ".repeat(span.column() - 1)).append("^".repeat(width)).append('\n');
    }
    if (hint != null) {
      out.append("  hint: ").append(hint).append('\n');
    }
    return out.toString();
  }

  private static String sourceLine(String source, int offset) {
    if (source == null || offset > source.length()) {
      return null;
    }
    int from = offset;
    while (from > 0 && source.charAt(from - 1) != '\n' && source.charAt(from - 1) != '\r') {
      from--;
    }
    int to = offset;
    while (to < source.length() && source.charAt(to) != '\n' && source.charAt(to) != '\r') {
      to++;
    }
    return source.substring(from, to).replace('\t', ' ');
  }
}
