package org.verisimdb.vql.parse;

/**
 * Unwinds the parser to the nearest recovery point after a diagnostic has been recorded. Never
 * leaves the package: {@link Parser} catches every one. {@code fatal} errors (nesting too deep)
 * abandon the whole statement rather than one clause.
 */
final class ParseError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final boolean fatal;

  ParseError(boolean fatal) {
    super(null, null, false, false);
    this.fatal = fatal;
  }
}
