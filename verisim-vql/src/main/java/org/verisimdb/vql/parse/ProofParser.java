package org.verisimdb.vql.parse;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.ast.Clauses.Assign;
import org.verisimdb.vql.ast.Clauses.ProofSpec;
import org.verisimdb.vql.ast.Expr.Lit;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.lex.Keyword;
import org.verisimdb.vql.lex.Lexer;
import org.verisimdb.vql.lex.Token;
import org.verisimdb.vql.lex.TokenKind;

/** The PROOF clause (VQL.md §3, §7): specs joined by AND, each {@code TYPE(arg) [WITH k = v, …]}. */
final class ProofParser {
  private static final int MAX_NAME = 128;
  private final Grammar g;

  ProofParser(Grammar g) {
    this.g = g;
  }

  /** The specs of a PROOF clause, or an empty list when there is none. */
  List<ProofSpec> clause() {
    List<ProofSpec> specs = new ArrayList<>();
    if (!g.ts.accept(Keyword.PROOF)) {
      return specs;
    }
    specs.add(spec());
    while (true) {
      if (g.ts.at(Keyword.OR)) {
        Token or = g.ts.advance();
        g.ts.report(DiagnosticCode.SYNTAX_012, or.span(), "proofs are joined by AND, not OR", "proofs combine with AND");
      } else if (!g.ts.accept(Keyword.AND)) {
        return specs;
      }
      specs.add(spec());
    }
  }

  private ProofSpec spec() {
    Name type = g.predicates.proofType();
    g.ts.expect(TokenKind.LPAREN);
    Term argument = argument();
    g.ts.expect(TokenKind.RPAREN);
    List<Assign> params = new ArrayList<>();
    if (g.ts.accept(Keyword.WITH)) {
      do {
        params.add(g.terms.bareAssign());
      } while (g.ts.accept(TokenKind.COMMA));
    }
    return new ProofSpec(g.ts.spanFrom(type.span()), type, argument, params);
  }

  /** {@code '*' | BARE_NAME | STRING | param}; null stands for {@code *}. Any bare run is accepted (§7.2 P2). */
  private Term argument() {
    Token t = g.ts.special(Lexer::bareName);
    return switch (t.kind()) {
      case STAR -> null;
      case BARE_NAME -> {
        if (t.text().length() > MAX_NAME) {
          g.ts.report(DiagnosticCode.VALUE_001, t.span(),
              "invalid octad id: a bare proof argument is at most " + MAX_NAME + " characters; this one has " + t.text().length(), "quote it");
        }
        Value value = t.value() instanceof Value.Uuid uuid ? uuid : new Value.Str(t.text());
        yield new Lit(t.span(), value);
      }
      case STRING, POS_PARAM, NAMED_PARAM -> g.terms.fromToken(t, "a proof argument");
      default -> throw g.ts.unexpectedAt(t, "'*', an octad id, a contract name or a parameter");
    };
  }
}
