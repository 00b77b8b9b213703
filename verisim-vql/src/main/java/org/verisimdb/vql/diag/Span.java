package org.verisimdb.vql.diag;

/**
 * A range of source text: UTF-16 offsets {@code [start, end)} and the 1-based line and column of
 * its first character and of the position just after it. Columns count Unicode code points; a
 * tab counts as one column.
 */
public record Span(int start, int end, int line, int column, int endLine, int endColumn) {
  /** The span of nothing, for nodes made by normalisation rather than read from text. */
  public static final Span NONE = new Span(0, 0, 1, 1, 1, 1);

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
    if (line < 1 || column < 1 || endLine < line || (endLine == line && endColumn < column)) {
      throw new IllegalArgumentException("bad span position " + line + ":" + column + ".." + endLine + ":" + endColumn);
    }
  }

  /** The span from the start of this one to the end of {@code other}. */
  public Span to(Span other) {
    if (other.end < end) {
      return this;
    }
    return new Span(start, other.end, line, column, other.endLine, other.endColumn);
  }

  /** An empty span at the end of this one. */
  public Span atEnd() {
    return new Span(end, end, endLine, endColumn, endLine, endColumn);
  }

  @Override
  public String toString() {
    return line + ":" + column + "-" + endLine + ":" + endColumn;
  }
}
