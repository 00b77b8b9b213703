package org.verisimdb.vql.lex;

/** Token kinds of VQL.md §2. Context-dependent kinds are produced only when the parser asks for them. */
public enum TokenKind {
  IDENT("identifier"),
  KEYWORD("keyword"),
  INTEGER("integer"),
  FLOAT("number"),
  STRING("string"),
  UUID("UUID"),
  TIMESTAMP("timestamp"),
  POS_PARAM("parameter"),
  NAMED_PARAM("parameter"),
  BARE_NAME("name"),
  ID_WORD("octad id"),
  GLOB("glob"),
  REGEX("regular expression"),
  EQ("'='"),
  EQEQ("'=='"),
  NE("'!='"),
  LTGT("'<>'"),
  LT("'<'"),
  LE("'<='"),
  GT("'>'"),
  GE("'>='"),
  LPAREN("'('"),
  RPAREN("')'"),
  LBRACKET("'['"),
  RBRACKET("']'"),
  LBRACE("'{'"),
  RBRACE("'}'"),
  COMMA("','"),
  DOT("'.'"),
  DOTDOT("'..'"),
  SEMI("';'"),
  STAR("'*'"),
  PLUS("'+'"),
  PIPE("'|'"),
  QUESTION("'?'"),
  COLON("':'"),
  /** {@code -[} */
  EDGE_OPEN("'-['"),
  /** {@code <-[} */
  EDGE_IN_OPEN("'<-['"),
  /** {@code ]->} */
  EDGE_OUT_CLOSE("']->'"),
  /** {@code ]-} */
  EDGE_CLOSE("']-'"),
  /** Text that is no token; the token carries the diagnostic. */
  INVALID("invalid input"),
  EOF("end of input");

  private final String description;

  TokenKind(String description) {
    this.description = description;
  }

  /** How messages name this kind ("expected ')'"). */
  public String description() {
    return description;
  }
}
