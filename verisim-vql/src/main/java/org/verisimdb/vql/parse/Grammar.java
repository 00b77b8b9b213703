package org.verisimdb.vql.parse;

import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;

/**
 * One parse: the token stream, the area parsers (which reach each other through it) and the
 * nesting depth shared by parentheses, NOT and array literals (VQL.md §1.5 vql.max_nesting).
 */
final class Grammar {
  static final int MAX_NESTING = 256;

  final Tokens ts;
  final TermParser terms;
  final ConditionParser conditions;
  final PredicateParser predicates;
  final PatternParser patterns;
  final ProofParser proofs;
  final SelectParser selects;
  final MutationParser mutations;
  final StatementParser statements;
  private int depth;

  Grammar(Tokens ts) {
    this.ts = ts;
    this.terms = new TermParser(this);
    this.conditions = new ConditionParser(this);
    this.predicates = new PredicateParser(this);
    this.patterns = new PatternParser(this);
    this.proofs = new ProofParser(this);
    this.selects = new SelectParser(this);
    this.mutations = new MutationParser(this);
    this.statements = new StatementParser(this);
  }

  /** Enters one level of nesting at {@code at}; too deep abandons the statement with VQL-LIMIT-004. */
  void enter(Span at) {
    if (++depth > MAX_NESTING) {
      depth = 0;
      ts.report(DiagnosticCode.LIMIT_004, at, "nesting deeper than " + MAX_NESTING + " levels of parentheses, NOT or arrays", null);
      throw new ParseError(true);
    }
  }

  void leave() {
    depth--;
  }

  void resetDepth() {
    depth = 0;
  }
}
