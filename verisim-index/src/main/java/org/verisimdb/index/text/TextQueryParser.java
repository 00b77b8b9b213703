package org.verisimdb.index.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.verisimdb.model.Limits;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Reads the query string syntax of {@link TextQuery#parse}:
 * <pre>
 * query   := or
 * or      := and ( "OR" and )*
 * and     := unary ( ["AND"] unary )*
 * unary   := "NOT" unary | primary
 * primary := name ":" ( group | phrase | word ) | group | phrase | word
 * group   := "(" or ")"
 * phrase  := '"' any text but '"' '"'
 * word    := text up to white space, a parenthesis or a quote; "*" at its end makes a prefix,
 *            "~", "~0", "~1" or "~2" at its end a fuzzy term
 * </pre>
 * Operators are upper case; {@code and} is an ordinary word. Words and phrases without letters
 * or digits are dropped. Every error names the 1-based character it is about and what to do.
 * Not thread-safe; one instance parses one string.
 */
final class TextQueryParser {
  private enum Kind { WORD, PHRASE, FIELD, OPEN, CLOSE, AND, OR, NOT, END }

  /** A token: its kind, its text (a word, a phrase's content or a field name) and where it starts (0-based). */
  private record Token(Kind kind, String text, int at) {}

  private final String query;
  private final List<Token> tokens = new ArrayList<>();
  private int next;
  private String field;
  private int fieldAt;

  TextQueryParser(String query) {
    this.query = query;
  }

  TextQuery parse() {
    if (query == null || query.isBlank()) {
      throw invalid("the query is empty; give at least one word to search for");
    }
    lex();
    TextQuery q = or(0);
    Token t = peek();
    if (t.kind() == Kind.CLOSE) {
      throw error(t.at(), "')' has no matching '('; remove it or add '(' before it");
    }
    if (q == null) {
      throw invalid("the query '" + query + "' has no terms; give at least one word of letters or digits");
    }
    return q;
  }

  // ---- tokens

  private void lex() {
    int pos = 0;
    int n = query.length();
    while (pos < n) {
      char c = query.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '(' || c == ')') {
        tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), pos++));
      } else if (c == '"') {
        int close = query.indexOf('"', pos + 1);
        if (close < 0) {
          throw error(pos, "the quote is never closed; add a closing \" after the phrase");
        }
        tokens.add(new Token(Kind.PHRASE, query.substring(pos + 1, close), pos));
        pos = close + 1;
      } else {
        int start = pos;
        while (pos < n && !Character.isWhitespace(query.charAt(pos)) && "()\"".indexOf(query.charAt(pos)) < 0) {
          pos++;
        }
        word(query.substring(start, pos), start);
      }
    }
    tokens.add(new Token(Kind.END, "", n));
  }

  private void word(String word, int at) {
    switch (word) {
      case "AND" -> tokens.add(new Token(Kind.AND, word, at));
      case "OR" -> tokens.add(new Token(Kind.OR, word, at));
      case "NOT" -> tokens.add(new Token(Kind.NOT, word, at));
      default -> {
        int colon = word.indexOf(':');
        if (colon > 0 && Limits.isName(word.substring(0, colon))) {
          tokens.add(new Token(Kind.FIELD, word.substring(0, colon), at));
          if (colon + 1 < word.length()) {
            tokens.add(new Token(Kind.WORD, word.substring(colon + 1), at + colon + 1));
          }
        } else {
          tokens.add(new Token(Kind.WORD, word, at));
        }
      }
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private static boolean startsUnary(Kind kind) {
    return kind == Kind.WORD || kind == Kind.PHRASE || kind == Kind.FIELD || kind == Kind.OPEN || kind == Kind.NOT;
  }

  // ---- grammar; each returns null for a part without terms

  private TextQuery or(int depth) {
    List<TextQuery> clauses = new ArrayList<>();
    add(clauses, and(depth));
    while (peek().kind() == Kind.OR) {
      Token or = tokens.get(next++);
      requireOperand(or, "OR");
      add(clauses, and(depth));
    }
    return clauses.isEmpty() ? null : clauses.size() == 1 ? clauses.getFirst() : new TextQuery.Or(clauses);
  }

  private TextQuery and(int depth) {
    Token first = peek();
    if (!startsUnary(first.kind())) {
      throw switch (first.kind()) {
        case AND, OR -> error(first.at(), first.text() + " needs a query before it");
        case CLOSE -> depth == 0 ? error(first.at(), "')' has no matching '('; remove it or add '(' before it")
            : error(first.at(), "the parentheses hold nothing; put a query inside or remove them");
        default -> error(first.at(), "the query ends before anything to search for; give a word or a \"phrase\"");
      };
    }
    List<TextQuery> clauses = new ArrayList<>();
    add(clauses, unary(depth));
    while (true) {
      Token t = peek();
      if (t.kind() == Kind.AND) {
        next++;
        requireOperand(t, "AND");
      } else if (!startsUnary(t.kind())) {
        break;
      }
      add(clauses, unary(depth));
    }
    return clauses.isEmpty() ? null : clauses.size() == 1 ? clauses.getFirst() : new TextQuery.And(clauses);
  }

  private TextQuery unary(int depth) {
    Token t = peek();
    if (t.kind() != Kind.NOT) {
      return primary(depth);
    }
    next++;
    requireOperand(t, "NOT");
    TextQuery negated = unary(depth);
    if (negated == null) {
      throw error(t.at(), "NOT has no terms after it to exclude; follow it with a word or a \"phrase\"");
    }
    return new TextQuery.Not(negated);
  }

  private TextQuery primary(int depth) {
    Token t = tokens.get(next++);
    return switch (t.kind()) {
      case FIELD -> fielded(t, depth);
      case OPEN -> group(t, depth);
      case PHRASE -> phrase(t.text());
      case WORD -> word(t);
      default -> throw new IllegalStateException("primary at " + t);
    };
  }

  private TextQuery fielded(Token name, int depth) {
    if (field != null) {
      throw error(name.at(), "field '" + name.text() + "' is inside the group of field '" + field + "' (character " + (fieldAt + 1)
          + "); give each term its own field or none");
    }
    Token t = peek();
    if (t.kind() != Kind.OPEN && t.kind() != Kind.PHRASE && t.kind() != Kind.WORD) {
      throw error(name.at(), "field '" + name.text() + "' needs a word, a \"phrase\" or a (group) right after ':'");
    }
    field = name.text();
    fieldAt = name.at();
    try {
      TextQuery q = primary(depth);
      if (q == null) {
        throw error(name.at(), "field '" + name.text() + "' has no terms after it; give a word of letters or digits");
      }
      return q;
    } finally {
      field = null;
    }
  }

  private TextQuery group(Token open, int depth) {
    TextQuery q = or(depth + 1);
    Token close = peek();
    if (close.kind() != Kind.CLOSE) {
      throw error(open.at(), "'(' is never closed; add ')' after the group");
    }
    next++;
    return q;
  }

  private TextQuery phrase(String content) {
    List<String> terms = TextTerms.of(content);
    return switch (terms.size()) {
      case 0 -> null;
      case 1 -> new TextQuery.Term(field, terms.getFirst());
      default -> new TextQuery.Phrase(field, terms);
    };
  }

  private TextQuery word(Token t) {
    String w = t.text();
    int star = w.indexOf('*');
    if (star >= 0) {
      if (star != w.length() - 1) {
        throw error(t.at() + star, "'*' may only end a term, as in wat* (a prefix search); remove it or move it to the end");
      }
      return new TextQuery.Prefix(field, single(w.substring(0, star), t, "a prefix"));
    }
    int tilde = w.lastIndexOf('~');
    if (tilde >= 0) {
      String edits = w.substring(tilde + 1);
      if (!edits.isEmpty() && !edits.equals("0") && !edits.equals("1") && !edits.equals("2")) {
        throw error(t.at() + tilde, "a fuzzy term ends in ~, ~0, ~1 or ~2 (edits allowed; ~ alone means 2), not '~" + edits + "'");
      }
      int maxEdits = edits.isEmpty() ? TextQuery.DEFAULT_FUZZY_EDITS : Integer.parseInt(edits);
      return new TextQuery.Fuzzy(field, single(w.substring(0, tilde), t, "a fuzzy term"), maxEdits);
    }
    List<TextQuery> clauses = new LinkedHashSet<>(TextTerms.of(w)).stream().<TextQuery>map(x -> new TextQuery.Term(field, x)).toList();
    return switch (clauses.size()) {
      case 0 -> null;
      case 1 -> clauses.getFirst();
      default -> new TextQuery.And(clauses);
    };
  }

  /** The one term of {@code stem}, the part of a prefix or fuzzy word before its marker. */
  private String single(String stem, Token t, String what) {
    List<String> terms = TextTerms.of(stem);
    if (terms.size() != 1) {
      throw error(t.at(), what + " must be one term of letters or digits, and '" + stem + "' "
          + (terms.isEmpty() ? "has none" : "has " + terms.size() + ": " + String.join(", ", terms)));
    }
    return terms.getFirst();
  }

  private void requireOperand(Token operator, String name) {
    if (!startsUnary(peek().kind())) {
      throw error(operator.at(), name + " needs a query after it; add a word or a \"phrase\", or remove " + name);
    }
  }

  private static void add(List<TextQuery> clauses, TextQuery q) {
    if (q != null) {
      clauses.add(q);
    }
  }

  private VeriSimException error(int at, String message) {
    return invalid("invalid search at character " + (at + 1) + ": " + message);
  }

  private static VeriSimException invalid(String message) {
    return VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "query", message);
  }
}
