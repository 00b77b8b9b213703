package org.verisimdb.vql.parse;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.ast.Clauses.Assign;
import org.verisimdb.vql.ast.Clauses.ProofSpec;
import org.verisimdb.vql.ast.Clauses.SetItem;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.ast.ModData;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.ast.SelectItem;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;
import org.verisimdb.vql.lex.Chars;
import org.verisimdb.vql.lex.Keyword;
import org.verisimdb.vql.lex.Token;
import org.verisimdb.vql.lex.TokenKind;

/** INSERT, UPDATE and DELETE with their modality data (VQL.md §5.9–5.12), in canonical form (§11.2). */
final class MutationParser {
  private final Grammar g;

  MutationParser(Grammar g) {
    this.g = g;
  }

  Statement insert() {
    Token start = g.ts.advance();
    octadKeyword();
    Term id = null;
    Token next = g.ts.peek();
    boolean bareWith = next.is(Keyword.WITH) && !runContinues(next);
    if (!bareWith) {
      id = g.terms.octadId();
    }
    var b = new Object() {
      List<ModData> data = List.of();
      List<ProofSpec> proofs = List.of();
      List<SelectItem> returning = List.of();
    };
    g.selects.clause(() -> {
      g.ts.expect(Keyword.WITH);
      b.data = dataList();
    });
    tail(p -> b.proofs = p, r -> b.returning = r);
    return new Statement.Insert(g.ts.spanFrom(start.span()), id, b.data, b.proofs, b.returning);
  }

  Statement update() {
    Token start = g.ts.advance();
    octadKeyword();
    Term id = g.terms.octadId();
    var b = new Object() {
      List<SetItem> set = List.of();
      List<ModData> data = List.of();
      List<ProofSpec> proofs = List.of();
      List<SelectItem> returning = List.of();
    };
    g.selects.clause(() -> {
      if (g.ts.accept(Keyword.SET)) {
        List<SetItem> items = new ArrayList<>();
        do {
          items.add(setItem());
        } while (g.ts.accept(TokenKind.COMMA));
        b.set = items;
      } else if (g.ts.accept(Keyword.WITH)) {
        b.data = dataList();
      } else {
        throw g.ts.unexpected("SET or WITH");
      }
    });
    tail(p -> b.proofs = p, r -> b.returning = r);
    return new Statement.Update(g.ts.spanFrom(start.span()), id, b.set, b.data, b.proofs, b.returning);
  }

  Statement delete() {
    Token start = g.ts.advance();
    octadKeyword();
    Term id = g.terms.octadId();
    var b = new Object() {
      List<ProofSpec> proofs = List.of();
      List<SelectItem> returning = List.of();
    };
    tail(p -> b.proofs = p, r -> b.returning = r);
    return new Statement.Delete(g.ts.spanFrom(start.span()), id, b.proofs, b.returning);
  }

  private void tail(java.util.function.Consumer<List<ProofSpec>> proofs, java.util.function.Consumer<List<SelectItem>> returning) {
    if (g.ts.at(Keyword.PROOF)) {
      g.selects.clause(() -> proofs.accept(g.proofs.clause()));
    }
    if (g.ts.at(Keyword.RETURNING)) {
      g.selects.clause(() -> {
        g.ts.advance();
        returning.accept(g.selects.items(true));
      });
    }
  }

  private void octadKeyword() {
    if (!g.ts.accept(Keyword.OCTAD) && !g.ts.accept(Keyword.HEXAD)) {
      throw g.ts.unexpected("OCTAD or HEXAD");
    }
  }

  /** True if the word token is directly followed by a character that would extend an ID_WORD run. */
  private boolean runContinues(Token t) {
    String src = g.ts.lexer.source();
    int end = t.span().end();
    return end < src.length() && Chars.isRunPart(src.charAt(end));
  }

  private SetItem setItem() {
    Token t = g.ts.peek();
    Modality modality = ConditionParser.modalityOf(t);
    if (modality == null || !g.ts.peek(1).is(TokenKind.DOT)) {
      throw g.ts.unexpected("a field such as DOCUMENT.title");
    }
    Expr field = g.conditions.expr("a field");
    if (!(field instanceof Expr.Field f)) {
      throw g.ts.fail(DiagnosticCode.TYPE_009, field.span(), "a pseudo-column cannot be set", null);
    }
    g.ts.expect(TokenKind.EQ);
    Term value = g.terms.literalOrParam("a literal or parameter");
    return new SetItem(f.span().to(value.span()), f, value);
  }

  private List<ModData> dataList() {
    List<ModData> data = new ArrayList<>();
    do {
      data.add(modData());
    } while (g.ts.accept(TokenKind.COMMA));
    return data;
  }

  private ModData modData() {
    Token t = g.ts.peek();
    Modality modality = ConditionParser.modalityOf(t);
    if (modality == null) {
      throw g.ts.unexpected("modality data such as DOCUMENT(title = '…')");
    }
    g.ts.advance();
    g.ts.expect(TokenKind.LPAREN);
    ModData data = switch (modality) {
      case VECTOR -> vector(t.span());
      case GRAPH -> edge(t.span());
      case TENSOR -> tensor(t.span());
      case SEMANTIC -> semantic(t.span());
      case TEMPORAL -> temporal(t.span());
      case DOCUMENT -> {
        List<Assign> fields = g.ts.at(TokenKind.RPAREN) ? List.of() : assigns(modality);
        g.ts.expect(TokenKind.RPAREN);
        yield new ModData.Fields(g.ts.spanFrom(t.span()), modality, fields);
      }
      case PROVENANCE, SPATIAL -> {
        List<Assign> fields = assigns(modality);
        g.ts.expect(TokenKind.RPAREN);
        yield new ModData.Fields(g.ts.spanFrom(t.span()), modality, fields);
      }
    };
    return data;
  }

  private List<Assign> assigns(Modality modality) {
    List<Assign> out = new ArrayList<>();
    do {
      out.add(canonicalKey(modality, g.terms.fieldAssign()));
    } while (g.ts.accept(TokenKind.COMMA));
    return out;
  }

  /** {@code SPATIAL(latitude = …)} is {@code SPATIAL(lat = …)}, {@code PROVENANCE(action = …)} is {@code event_type} (§11.2). */
  static Assign canonicalKey(Modality modality, Assign a) {
    String key = a.key().text();
    String canonical = modality == Modality.SPATIAL || modality == Modality.PROVENANCE ? FieldNames.canonicalName(modality, key) : key;
    return canonical.equals(key) ? a : new Assign(a.span(), new Name(a.key().span(), canonical), a.value());
  }

  private ModData vector(Span start) {
    Term vector = g.terms.literalOrParam("a vector [..] or parameter");
    List<Assign> options = new ArrayList<>();
    if (g.ts.accept(TokenKind.COMMA)) {
      options.add(g.terms.fieldAssign());
    }
    g.ts.expect(TokenKind.RPAREN);
    return new ModData.Vector(g.ts.spanFrom(start), vector, options);
  }

  private ModData edge(Span start) {
    Token predicate = g.ts.expectName("a relation type");
    g.ts.expect(TokenKind.COMMA);
    Term target = g.terms.octadId();
    g.ts.expect(TokenKind.RPAREN);
    return new ModData.Edge(g.ts.spanFrom(start), new Name(predicate.span(), predicate.text()), target);
  }

  private ModData tensor(Span start) {
    if (g.ts.at(TokenKind.LBRACKET) || g.terms.atParam()) {
      Term array = g.terms.literalOrParam("an array or parameter");
      g.ts.expect(TokenKind.RPAREN);
      return TensorShape.canonical(g.ts.spanFrom(start), array);
    }
    List<Assign> fields = assigns(Modality.TENSOR);
    g.ts.expect(TokenKind.RPAREN);
    return new ModData.Fields(g.ts.spanFrom(start), Modality.TENSOR, fields);
  }

  /** Lone names and strings are types; they gather into one {@code types = [...]} (§11.2). */
  private ModData semantic(Span start) {
    List<Assign> items = new ArrayList<>();
    List<org.verisimdb.vql.ast.Value> types = new ArrayList<>();
    int typesAt = -1;
    Span typesSpan = null;
    do {
      Token t = g.ts.peek();
      boolean lone = (t.is(TokenKind.IDENT) || t.is(TokenKind.STRING)) && !g.ts.peek(1).is(TokenKind.EQ);
      if (lone) {
        g.ts.advance();
        if (typesAt < 0) {
          typesAt = items.size();
          typesSpan = t.span();
        }
        types.add(new org.verisimdb.vql.ast.Value.Str(t.text()));
        typesSpan = typesSpan.to(t.span());
      } else {
        items.add(g.terms.fieldAssign());
      }
    } while (g.ts.accept(TokenKind.COMMA));
    g.ts.expect(TokenKind.RPAREN);
    if (typesAt >= 0) {
      Term array = new Expr.Lit(typesSpan, new org.verisimdb.vql.ast.Value.Arr(types));
      items.add(typesAt, new Assign(typesSpan, new Name(typesSpan, "types"), array));
    }
    return new ModData.Fields(g.ts.spanFrom(start), Modality.SEMANTIC, items);
  }

  /** {@code TEMPORAL(t)} is {@code TEMPORAL(valid_from = t)} (§11.2). */
  private ModData temporal(Span start) {
    Token t = g.ts.peek();
    if (t.isName() && g.ts.peek(1).is(TokenKind.EQ)) {
      List<Assign> fields = assigns(Modality.TEMPORAL);
      g.ts.expect(TokenKind.RPAREN);
      return new ModData.Fields(g.ts.spanFrom(start), Modality.TEMPORAL, fields);
    }
    Term time = g.terms.time("a timestamp or key = value pairs");
    g.ts.expect(TokenKind.RPAREN);
    Assign validFrom = new Assign(time.span(), new Name(time.span(), "valid_from"), time);
    return new ModData.Fields(g.ts.spanFrom(start), Modality.TEMPORAL, List.of(validFrom));
  }
}
