package org.verisimdb.index.graph;

import org.verisimdb.model.value.Value;

/**
 * Just enough of an N-Triples parser to check the writer: one triple per line, IRIs and literals
 * with escapes, language tags and datatypes. Returns subject IRI, predicate IRI, and the object
 * as {@code <iri} or a literal key (see {@link #literalKey}); throws on anything malformed.
 */
final class TinyNTriplesParser {
  private final String line;
  private int pos;

  private TinyNTriplesParser(String line) {
    this.line = line;
  }

  static String[] parse(String line) {
    TinyNTriplesParser p = new TinyNTriplesParser(line);
    String s = p.iri();
    p.expect(' ');
    String pr = p.iri();
    p.expect(' ');
    String o = p.peek() == '<' ? "<" + p.iri() : p.literal();
    p.expect(' ');
    p.expect('.');
    if (p.pos != line.length()) {
      throw new IllegalArgumentException("junk after the triple: " + line);
    }
    return new String[] {s, pr, o};
  }

  /** How {@link #parse} shows a literal object: {@code "lexical"} then {@code @lang} or {@code ^^datatype}. */
  static String literalKey(Value v, NTriples rdf) {
    return switch (v) {
      case Value.Str(String s) -> "\"" + s;
      case Value.LangStr(String s, String lang) -> "\"" + s + "@" + lang;
      case Value.Typed(String s, String dt) -> "\"" + s + "^^" + rdf.type(dt);
      case Value.Int(long l) -> "\"" + l + "^^" + NTriples.XSD + "integer";
      case Value.Real(double d) -> "\"" + org.verisimdb.model.hash.CanonicalJson.number(d) + "^^" + NTriples.XSD + "double";
      case Value.Bool(boolean b) -> "\"" + b + "^^" + NTriples.XSD + "boolean";
      case Value.Ref(org.verisimdb.model.OctadId id) -> "<" + rdf.subject(id);
      case Value.Seq q -> throw new IllegalArgumentException("not one literal: " + q);
    };
  }

  private char peek() {
    if (pos >= line.length()) {
      throw new IllegalArgumentException("line ends early: " + line);
    }
    return line.charAt(pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in " + line);
    }
    pos++;
  }

  private String iri() {
    expect('<');
    int start = pos;
    while (peek() != '>') {
      char c = line.charAt(pos);
      if (c <= 0x20 || "<\"{}|^`\\".indexOf(c) >= 0) {
        throw new IllegalArgumentException("character U+%04X in an IRI at %d: %s".formatted((int) c, pos, line));
      }
      pos++;
    }
    String iri = line.substring(start, pos++);
    if (!iri.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      throw new IllegalArgumentException("relative IRI " + iri);
    }
    return iri;
  }

  private String literal() {
    expect('"');
    StringBuilder value = new StringBuilder("\"");
    while (peek() != '"') {
      char c = line.charAt(pos++);
      if (c == '\n' || c == '\r') {
        throw new IllegalArgumentException("raw line break in a literal: " + line);
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      char e = line.charAt(pos++);
      switch (e) {
        case 't' -> value.append('\t');
        case 'b' -> value.append('\b');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 'f' -> value.append('\f');
        case '"' -> value.append('"');
        case '\'' -> value.append('\'');
        case '\\' -> value.append('\\');
        case 'u' -> {
          value.appendCodePoint(Integer.parseInt(line.substring(pos, pos + 4), 16));
          pos += 4;
        }
        case 'U' -> {
          value.appendCodePoint(Integer.parseInt(line.substring(pos, pos + 8), 16));
          pos += 8;
        }
        default -> throw new IllegalArgumentException("bad escape \\" + e + " in " + line);
      }
    }
    pos++;
    if (pos < line.length() && line.charAt(pos) == '@') {
      int start = ++pos;
      while (pos < line.length() && (Character.isLetterOrDigit(line.charAt(pos)) || line.charAt(pos) == '-')) {
        pos++;
      }
      return value + "@" + line.substring(start, pos);
    }
    if (pos < line.length() && line.charAt(pos) == '^') {
      expect('^');
      expect('^');
      return value + "^^" + iri();
    }
    return value.toString();
  }
}
