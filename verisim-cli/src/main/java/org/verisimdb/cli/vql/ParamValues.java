package org.verisimdb.cli.vql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Trees;
import org.verisimdb.vql.check.Bindings;
import org.verisimdb.vql.lex.Keyword;
import org.verisimdb.vql.lex.Lexer;
import org.verisimdb.vql.lex.Token;
import org.verisimdb.vql.lex.TokenKind;

/**
 * The values of {@code --param NAME=VALUE} (VQL.md §2.6, §5.17). {@code 1} or {@code $1} names a
 * positional value, {@code name} or {@code :name} a named one. A value is read as a VQL literal
 * (§2.5): integer, float, TRUE, FALSE, NULL, quoted string, array; a timestamp or UUID is bound as
 * its text, which the engine accepts wherever a time or id is expected. Anything else is the
 * string as written. Each statement receives the values it uses: the named ones it names, and
 * the positional ones up to the highest number it uses.
 *
 * @param positional values of $1, $2, … in order
 * @param named values by name, in the order given
 */
record ParamValues(List<Object> positional, Map<String, Object> named) {
  static final ParamValues NONE = new ParamValues(List.of(), Map.of());
  private static final Pattern NUMBER = Pattern.compile("\\$?[1-9][0-9]{0,8}");
  private static final Pattern NAME = Pattern.compile(":?[A-Za-z_][A-Za-z0-9_]*");

  ParamValues {
    positional = java.util.Collections.unmodifiableList(new ArrayList<>(positional)); // may hold null
    named = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(named));
  }

  /**
   * Reads the {@code --param} arguments.
   *
   * @throws IllegalArgumentException with a message for the user when one is malformed, given twice, or positional values leave a gap
   */
  static ParamValues parse(List<String> arguments) {
    if (arguments == null || arguments.isEmpty()) {
      return NONE;
    }
    Map<Integer, Object> numbered = new java.util.TreeMap<>();
    Map<String, Object> named = new LinkedHashMap<>();
    for (String argument : arguments) {
      int eq = argument.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("--param '" + argument + "' has no '=': write NAME=VALUE, e.g. --param 1=42 or --param year=2019");
      }
      String name = argument.substring(0, eq);
      Object value = literal(argument.substring(eq + 1));
      if (NUMBER.matcher(name).matches()) {
        int index = Integer.parseInt(name.startsWith("$") ? name.substring(1) : name);
        if (numbered.containsKey(index)) {
          throw new IllegalArgumentException("--param $" + index + " is given twice");
        }
        numbered.put(index, value);
      } else if (NAME.matcher(name).matches()) {
        String key = name.startsWith(":") ? name.substring(1) : name;
        if (named.containsKey(key)) {
          throw new IllegalArgumentException("--param :" + key + " is given twice");
        }
        named.put(key, value);
      } else {
        throw new IllegalArgumentException("--param name '" + name + "' is neither a number ($1, 2, …) nor an identifier (:name, year, …)");
      }
    }
    List<Object> positional = new ArrayList<>();
    for (Map.Entry<Integer, Object> e : numbered.entrySet()) {
      if (e.getKey() != positional.size() + 1) {
        throw new IllegalArgumentException("--param $" + (positional.size() + 1) + " is missing: positional values are numbered 1, 2, … without gaps");
      }
      positional.add(e.getValue());
    }
    return new ParamValues(positional, named);
  }

  /**
   * A value as a VQL literal, or the text itself when it is not one: a Long, Double, Boolean,
   * null, String or List of these.
   */
  static Object literal(String text) {
    Lexer lexer = new Lexer(text);
    try {
      Object value = value(lexer, lexer.next());
      return lexer.next().is(TokenKind.EOF) ? value : text;
    } catch (NotALiteral e) {
      return text;
    }
  }

  private static Object value(Lexer lexer, Token t) {
    if (t.error() != null) {
      throw new NotALiteral();
    }
    return switch (t.kind()) {
      case INTEGER, FLOAT -> t.value();
      case STRING, TIMESTAMP -> t.text();
      case UUID -> t.text().toLowerCase(Locale.ROOT);
      case KEYWORD -> keyword(t.keyword());
      case LBRACKET -> array(lexer);
      default -> throw new NotALiteral();
    };
  }

  private static Boolean keyword(Keyword k) {
    return switch (k) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
      default -> throw new NotALiteral();
    };
  }

  private static List<Object> array(Lexer lexer) {
    List<Object> elements = new ArrayList<>();
    Token t = lexer.next();
    if (t.is(TokenKind.RBRACKET)) {
      return elements;
    }
    while (true) {
      elements.add(value(lexer, t));
      Token after = lexer.next();
      if (after.is(TokenKind.RBRACKET)) {
        return elements;
      }
      if (!after.is(TokenKind.COMMA)) {
        throw new NotALiteral();
      }
      t = lexer.next();
    }
  }

  /** Thrown inside {@link #literal} when the text is not a literal, caught there. */
  private static final class NotALiteral extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotALiteral() {
      super(null, null, false, false);
    }
  }

  /**
   * The values {@code statement} uses (null: it did not parse; it gets every value, and fails on its
   * syntax errors anyway). A statement without parameters gets none; one with parameters always
   * gets bound values, possibly none, so that a missing value is VQL-PARAM-001.
   */
  Bindings bindingsFor(Statement statement) {
    if (statement == null) {
      return new Bindings(positional.isEmpty() ? null : positional, named.isEmpty() ? null : named);
    }
    int highest = highestPositional(statement);
    List<String> names = namesUsed(statement);
    if (highest == 0 && names.isEmpty()) {
      return Bindings.NONE;
    }
    List<Object> pos = highest == 0 ? null : positional.subList(0, Math.min(highest, positional.size()));
    Map<String, Object> nam = null;
    if (!names.isEmpty()) {
      nam = new LinkedHashMap<>();
      for (String n : names) {
        if (named.containsKey(n)) {
          nam.put(n, named.get(n));
        }
      }
    }
    return new Bindings(pos, nam);
  }

  /** A description of the first value no statement uses (e.g. {@code "$3"}, {@code ":year"}), or null. */
  String unused(List<Statement> statements) {
    int highest = 0;
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Statement s : statements) {
      highest = Math.max(highest, highestPositional(s));
      names.addAll(namesUsed(s));
    }
    if (positional.size() > highest) {
      return "$" + (highest + 1);
    }
    return named.keySet().stream().filter(n -> !names.contains(n)).findFirst().map(n -> ":" + n).orElse(null);
  }

  private static int highestPositional(Statement s) {
    return Trees.collect(s, Expr.Positional.class).stream().mapToInt(Expr.Positional::index).max().orElse(0);
  }

  private static List<String> namesUsed(Statement s) {
    return Trees.collect(s, Expr.Named.class).stream().map(Expr.Named::name).distinct().toList();
  }
}
