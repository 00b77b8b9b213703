package org.verisimdb.vql.format;

import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.lex.Chars;
import org.verisimdb.vql.lex.Keyword;

/** Canonical text of literals, parameters and bare names (VQL.md §11.1 rule 6). */
public final class Literal {
  private Literal() {}

  public static void value(StringBuilder out, Value v) {
    switch (v) {
      case Value.Str s -> quoted(out, s.value());
      case Value.Int i -> out.append(i.value());
      case Value.Flt f -> out.append(Double.toString(f.value()));
      case Value.Bool b -> out.append(b.value() ? "TRUE" : "FALSE");
      case Value.Null n -> out.append("NULL");
      case Value.Time t -> out.append(t.canonical());
      case Value.Uuid u -> out.append(u.value());
      case Value.Obj o -> throw new IllegalArgumentException("an object is never a literal: " + o);
      case Value.Arr a -> {
        out.append('[');
        for (int i = 0; i < a.elements().size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          value(out, a.elements().get(i));
        }
        out.append(']');
      }
    }
  }

  public static void term(StringBuilder out, Term t) {
    switch (t) {
      case Expr.Lit l -> value(out, l.value());
      case Expr.Positional p -> out.append('$').append(p.index());
      case Expr.Named n -> out.append(':').append(n.name());
    }
  }

  /** A term in a BARE_NAME position: a string that is an identifier and no keyword goes bare, any other quoted. */
  public static void bare(StringBuilder out, Term t) {
    if (t instanceof Expr.Lit l && l.value() instanceof Value.Str s) {
      name(out, s.value());
    } else {
      term(out, t);
    }
  }

  /** A name in a BARE_NAME position. */
  public static void name(StringBuilder out, String name) {
    if (Chars.isIdentifierShape(name) && !Keyword.isReserved(name)) {
      out.append(name);
    } else {
      quoted(out, name);
    }
  }

  /** Single quotes, escaping only backslash, quote, CR, LF, tab and other control characters. */
  public static void quoted(StringBuilder out, String s) {
    out.append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('\'');
  }

  /** A regular expression between slashes, '/' escaped as '\/' and every other backslash sequence kept. */
  public static void regex(StringBuilder out, String pattern, String flags) {
    out.append('/');
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        out.append(c).append(pattern.charAt(++i));
      } else if (c == '/') {
        out.append("\\/");
      } else {
        out.append(c);
      }
    }
    out.append('/').append(flags);
  }
}
