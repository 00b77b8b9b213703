package org.verisimdb.vql.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validation of the WKT geometries VQL accepts (VQL.md §5.9, §6.9): POINT, LINESTRING, POLYGON,
 * MULTIPOINT and MULTIPOLYGON in {@code lon lat} order; polygon rings closed with at least four
 * positions. Only checks; the engine's geometry code computes.
 */
final class Wkt {
  private final String text;
  private int pos;

  private Wkt(String text) {
    this.text = text;
  }

  /** Null if {@code wkt} is valid (a polygon or multipolygon when {@code polygonOnly}), else what is wrong. */
  static String problem(String wkt, boolean polygonOnly) {
    Wkt w = new Wkt(wkt);
    try {
      String type = w.word();
      if (polygonOnly && !type.equals("POLYGON") && !type.equals("MULTIPOLYGON")) {
        return "expected a POLYGON or MULTIPOLYGON but found " + type;
      }
      switch (type) {
        case "POINT" -> w.position(true);
        case "LINESTRING" -> w.positions(2);
        case "POLYGON" -> w.polygon();
        case "MULTIPOINT" -> w.list(() -> w.position(w.peek() == '('));
        case "MULTIPOLYGON" -> w.list(w::polygon);
        default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
      }
      w.skip();
      if (w.pos != wkt.length()) {
        throw new IllegalArgumentException("unexpected text after the geometry");
      }
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private void polygon() {
    expect('(');
    do {
      List<double[]> ring = positions(4);
      double[] first = ring.getFirst();
      double[] last = ring.getLast();
      if (first[0] != last[0] || first[1] != last[1]) {
        throw new IllegalArgumentException("a polygon ring must be closed (first position = last)");
      }
    } while (accept(','));
    expect(')');
  }

  private void list(Runnable element) {
    expect('(');
    do {
      element.run();
    } while (accept(','));
    expect(')');
  }

  private List<double[]> positions(int minimum) {
    expect('(');
    List<double[]> out = new ArrayList<>();
    do {
      out.add(position(false));
    } while (accept(','));
    expect(')');
    if (out.size() < minimum) {
      throw new IllegalArgumentException("expected at least " + minimum + " positions but found " + out.size());
    }
    return out;
  }

  private double[] position(boolean parenthesised) {
    if (parenthesised) {
      expect('(');
    }
    double lon = number();
    double lat = number();
    skip();
    if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
      number(); // an optional altitude
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      throw new IllegalArgumentException("position (" + lon + " " + lat + ") is outside longitude [-180, 180] or latitude [-90, 90]");
    }
    if (parenthesised) {
      expect(')');
    }
    return new double[] {lon, lat};
  }

  private String word() {
    skip();
    int from = pos;
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    if (from == pos) {
      throw new IllegalArgumentException("expected a geometry type such as POLYGON");
    }
    return text.substring(from, pos).toUpperCase(Locale.ROOT);
  }

  private double number() {
    skip();
    int from = pos;
    while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    try {
      double d = Double.parseDouble(text.substring(from, pos));
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number at offset " + from);
    }
  }

  private char peek() {
    skip();
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private boolean accept(char c) {
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!accept(c)) {
      throw new IllegalArgumentException("expected '" + c + "' at offset " + pos);
    }
  }

  private void skip() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
