package org.verisimdb.vql.ast;

/** Comparison operators; {@code ==} parses as EQ and {@code <>} as NE (VQL.md §2.8). */
public enum CmpOp {
  EQ("="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String text;

  CmpOp(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  public boolean isEquality() {
    return this == EQ || this == NE;
  }
}
