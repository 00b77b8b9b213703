package org.verisimdb.model.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.CanonicalJson;

/**
 * Reads and writes the WKT subset the spatial modality stores: two-dimensional POINT,
 * LINESTRING, POLYGON, MULTIPOINT and MULTIPOLYGON, in {@code lon lat} order, keywords in any
 * case. EMPTY geometries and Z/M coordinates are rejected (altitude is a separate field).
 * Errors name the 1-based character position in the text.
 *
 * <p>Written form: upper-case keyword, a space, then the coordinates with one space between the
 * numbers of a position and {@code ", "} between positions; numbers in their shortest
 * round-trip form ({@code POINT (10.3951 63.4305)}).
 */
public final class Wkt {
  private final String text;
  private int pos;

  private Wkt(String text) {
    this.text = text;
  }

  /** Parses WKT; malformed or unsupported text is INVALID_GEOMETRY, out-of-range coordinates INVALID_COORDINATE. */
  public static Geometry parse(String text) {
    if (text == null || text.isBlank()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_GEOMETRY, "wkt", "WKT text is empty");
    }
    Wkt reader = new Wkt(text);
    Geometry geometry = reader.geometry();
    reader.skipSpace();
    if (reader.pos < text.length()) {
      throw reader.error("unexpected text after the geometry");
    }
    return geometry;
  }

  public static String write(Geometry geometry) {
    StringBuilder out = new StringBuilder(64);
    out.append(geometry.type().name()).append(' ');
    switch (geometry) {
      case Geometry.Point p -> {
        out.append('(');
        position(p.position(), out);
        out.append(')');
      }
      case Geometry.LineString l -> positions(l.points(), out);
      case Geometry.Polygon p -> rings(p, out);
      case Geometry.MultiPoint m -> {
        out.append('(');
        for (int i = 0; i < m.points().size(); i++) {
          out.append(i == 0 ? "(" : ", (");
          position(m.points().get(i), out);
          out.append(')');
        }
        out.append(')');
      }
      case Geometry.MultiPolygon m -> {
        out.append('(');
        for (int i = 0; i < m.polygons().size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          rings(m.polygons().get(i), out);
        }
        out.append(')');
      }
    }
    return out.toString();
  }

  private static void rings(Geometry.Polygon polygon, StringBuilder out) {
    out.append('(');
    for (int i = 0; i < polygon.rings().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      positions(polygon.rings().get(i), out);
    }
    out.append(')');
  }

  private static void positions(List<Position> positions, StringBuilder out) {
    out.append('(');
    for (int i = 0; i < positions.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      position(positions.get(i), out);
    }
    out.append(')');
  }

  private static void position(Position p, StringBuilder out) {
    out.append(CanonicalJson.number(p.lon())).append(' ').append(CanonicalJson.number(p.lat()));
  }

  // ---- reading

  private Geometry geometry() {
    skipSpace();
    int start = pos;
    String keyword = word();
    if (keyword.isEmpty()) {
      throw error("expected a geometry keyword (POINT, LINESTRING, POLYGON, MULTIPOINT or MULTIPOLYGON)");
    }
    skipSpace();
    String next = peekWord();
    if (next.equalsIgnoreCase("EMPTY")) {
      throw error("EMPTY geometries cannot be stored; omit the spatial modality instead");
    }
    if (next.equalsIgnoreCase("Z") || next.equalsIgnoreCase("M") || next.equalsIgnoreCase("ZM")) {
      throw error("only two-dimensional WKT is stored; give the altitude in the alt field");
    }
    return switch (keyword.toUpperCase(Locale.ROOT)) {
      case "POINT" -> {
        expect('(');
        Position p = position();
        expect(')');
        yield new Geometry.Point(p);
      }
      case "LINESTRING" -> new Geometry.LineString(positionList());
      case "POLYGON" -> polygon();
      case "MULTIPOINT" -> new Geometry.MultiPoint(multiPoints());
      case "MULTIPOLYGON" -> {
        expect('(');
        List<Geometry.Polygon> polygons = new ArrayList<>();
        do {
          polygons.add(polygon());
        } while (accept(','));
        expect(')');
        yield new Geometry.MultiPolygon(polygons);
      }
      default -> {
        pos = start;
        throw error("unsupported geometry '" + keyword
            + "'; the spatial modality stores POINT, LINESTRING, POLYGON, MULTIPOINT and MULTIPOLYGON");
      }
    };
  }

  private Geometry.Polygon polygon() {
    expect('(');
    List<List<Position>> rings = new ArrayList<>();
    do {
      rings.add(positionList());
    } while (accept(','));
    expect(')');
    return new Geometry.Polygon(rings);
  }

  // MULTIPOINT accepts both (1 2, 3 4) and ((1 2), (3 4)).
  private List<Position> multiPoints() {
    expect('(');
    List<Position> points = new ArrayList<>();
    do {
      if (accept('(')) {
        points.add(position());
        expect(')');
      } else {
        points.add(position());
      }
    } while (accept(','));
    expect(')');
    return points;
  }

  private List<Position> positionList() {
    expect('(');
    List<Position> positions = new ArrayList<>();
    do {
      positions.add(position());
    } while (accept(','));
    expect(')');
    return positions;
  }

  private Position position() {
    double lon = number("longitude");
    double lat = number("latitude");
    skipSpace();
    if (pos < text.length() && isNumberStart(text.charAt(pos))) {
      throw error("a position has two numbers (lon lat); give the altitude in the alt field");
    }
    Position.requireLongitude(lon, "wkt");
    Position.requireLatitude(lat, "wkt");
    return new Position(lon, lat);
  }

  private double number(String what) {
    skipSpace();
    int start = pos;
    if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || ".eE".indexOf(text.charAt(pos)) >= 0
        || (pos > start && (text.charAt(pos) == '-' || text.charAt(pos) == '+') && "eE".indexOf(text.charAt(pos - 1)) >= 0))) {
      pos++;
    }
    if (start == pos) {
      throw error(pos >= text.length() ? "unexpected end of WKT; expected a " + what : "expected a " + what);
    }
    String token = text.substring(start, pos);
    try {
      double value = Double.parseDouble(token);
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      pos = start;
      throw error("'" + token + "' is not a number");
    }
  }

  private static boolean isNumberStart(char c) {
    return Character.isDigit(c) || c == '-' || c == '+' || c == '.';
  }

  private void expect(char c) {
    skipSpace();
    if (pos >= text.length()) {
      throw error("unexpected end of WKT; expected '" + c + "'");
    }
    if (text.charAt(pos) != c) {
      throw error("expected '" + c + "' but found '" + text.charAt(pos) + "'");
    }
    pos++;
  }

  private boolean accept(char c) {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private String word() {
    int start = pos;
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String peekWord() {
    int start = pos;
    String w = word();
    pos = start;
    return w;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private VeriSimException error(String message) {
    return VeriSimException.invalid(ErrorCode.INVALID_GEOMETRY, "wkt", "invalid WKT at character " + (pos + 1) + ": " + message);
  }
}
