/**
 * The VQL front end: lexer, recursive-descent parser, syntax tree, semantic checker, canonical
 * formatter, diagnostics and the JSON form of the tree. No dependencies.
 */
module org.verisimdb.vql {
  exports org.verisimdb.vql;
  exports org.verisimdb.vql.ast;
  exports org.verisimdb.vql.check;
  exports org.verisimdb.vql.diag;
  exports org.verisimdb.vql.format;
  exports org.verisimdb.vql.json;
  exports org.verisimdb.vql.lex;
  exports org.verisimdb.vql.parse;
}
