package org.verisimdb.index.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.geo.Geometry;
import org.verisimdb.model.geo.Position;
import org.verisimdb.model.geo.Wkt;

/**
 * The area of a VQL §6.9 {@code WITHIN POLYGON}: a POLYGON or MULTIPOLYGON in {@code lon lat}
 * order, read by the stored-WKT reader and checked for validity by JTS (rings that cross
 * themselves or each other, holes outside their shell and the like are INVALID_SEARCH). A point
 * is inside when it is inside a shell and not inside one of its holes, on planar degrees, with
 * every ring's boundary inside: the even-odd rule for valid polygons. The point-in-ring test is
 * JTS's robust ray-crossing count, exact for every double. Immutable and thread-safe.
 */
public final class GeoPolygon {
  /** How far (degrees) the index's candidate bands reach beyond each edge: far more than Lucene's 1e-7° quantization. */
  static final double BAND_DEGREES = 1e-6;
  private static final int MAX_BANDS = 512;
  private static final GeometryFactory JTS = new GeometryFactory();

  /** A ring as JTS coordinates (x lon, y lat) with its bounding box. */
  private record Ring(Coordinate[] points, double minLon, double maxLon, double minLat, double maxLat) {
    static Ring of(List<Position> positions) {
      Coordinate[] points = new Coordinate[positions.size()];
      double minLon = 180;
      double maxLon = -180;
      double minLat = 90;
      double maxLat = -90;
      for (int i = 0; i < points.length; i++) {
        Position p = positions.get(i);
        points[i] = new Coordinate(p.lon(), p.lat());
        minLon = Math.min(minLon, p.lon());
        maxLon = Math.max(maxLon, p.lon());
        minLat = Math.min(minLat, p.lat());
        maxLat = Math.max(maxLat, p.lat());
      }
      return new Ring(points, minLon, maxLon, minLat, maxLat);
    }

    /** INTERIOR, BOUNDARY or EXTERIOR (JTS {@link Location}). */
    int locate(Coordinate c) {
      if (c.x < minLon || c.x > maxLon || c.y < minLat || c.y > maxLat) {
        return Location.EXTERIOR;
      }
      return RayCrossingCounter.locatePointInRing(c, points);
    }
  }

  private final Geometry geometry;
  private final List<List<Ring>> polygons; // each: shell, then holes

  private GeoPolygon(Geometry geometry, List<List<Ring>> polygons) {
    this.geometry = geometry;
    this.polygons = polygons;
  }

  /** Reads and validates {@code wkt}; every problem is INVALID_SEARCH saying what to change. */
  public static GeoPolygon parse(String wkt) {
    Geometry g;
    try {
      g = Wkt.parse(wkt);
    } catch (VeriSimException e) {
      throw invalid(e.getMessage() + "; give a closed POLYGON in lon lat order, e.g. POLYGON ((10 59, 11 59, 11 60, 10 60, 10 59))");
    }
    List<Geometry.Polygon> parts = switch (g) {
      case Geometry.Polygon p -> List.of(p);
      case Geometry.MultiPolygon m -> m.polygons();
      default -> throw invalid("WITHIN POLYGON takes a POLYGON or MULTIPOLYGON, not a " + g.type()
          + "; for a distance use WITHIN RADIUS, for a box WITHIN BOUNDS");
    };
    List<List<Ring>> polygons = new ArrayList<>();
    List<org.locationtech.jts.geom.Polygon> jts = new ArrayList<>();
    for (Geometry.Polygon p : parts) {
      List<Ring> rings = p.rings().stream().map(Ring::of).toList();
      polygons.add(rings);
      LinearRing[] holes = rings.subList(1, rings.size()).stream().map(r -> JTS.createLinearRing(r.points())).toArray(LinearRing[]::new);
      jts.add(JTS.createPolygon(JTS.createLinearRing(rings.getFirst().points()), holes));
    }
    org.locationtech.jts.geom.Geometry whole = jts.size() == 1 ? jts.getFirst()
        : JTS.createMultiPolygon(jts.toArray(org.locationtech.jts.geom.Polygon[]::new));
    TopologyValidationError error = new IsValidOp(whole).getValidationError();
    if (error != null) {
      Coordinate at = error.getCoordinate();
      throw invalid("the polygon is not valid: " + error.getMessage() + (at == null ? "" : " at (" + at.x + " " + at.y + ")")
          + "; rings must not cross or touch themselves or each other, holes must lie inside their shell,"
          + " and the polygons of a MULTIPOLYGON must not overlap");
    }
    return new GeoPolygon(g, List.copyOf(polygons));
  }

  /** The area as canonical WKT. */
  public String wkt() {
    return geometry.toWkt();
  }

  /** True when (lat, lon) lies inside the area or on the boundary of one of its rings. */
  public boolean contains(double lat, double lon) {
    Coordinate c = new Coordinate(lon, lat);
    for (List<Ring> rings : polygons) {
      int shell = rings.getFirst().locate(c);
      if (shell == Location.BOUNDARY) {
        return true;
      }
      if (shell == Location.INTERIOR && !inHole(rings, c)) {
        return true;
      }
    }
    return false;
  }

  /** True when c is strictly inside a hole; a point on a hole's boundary is on the polygon's boundary, so inside. */
  private static boolean inHole(List<Ring> rings, Coordinate c) {
    for (int h = 1; h < rings.size(); h++) {
      int where = rings.get(h).locate(c);
      if (where == Location.BOUNDARY) {
        return false;
      }
      if (where == Location.INTERIOR) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lucene polygons whose union holds every point {@link #contains} accepts, after Lucene's
   * quantization: the polygons themselves, and boxes {@link #BAND_DEGREES} wider than runs of
   * consecutive edges, so that points on or next to an edge are candidates whichever side
   * quantization moved them to.
   */
  org.apache.lucene.geo.Polygon[] candidates() {
    List<org.apache.lucene.geo.Polygon> out = new ArrayList<>();
    int edges = 0;
    for (List<Ring> rings : polygons) {
      org.apache.lucene.geo.Polygon[] holes = rings.subList(1, rings.size()).stream().map(r -> lucene(r, null))
          .toArray(org.apache.lucene.geo.Polygon[]::new);
      out.add(lucene(rings.getFirst(), holes));
      for (Ring r : rings) {
        edges += r.points().length - 1;
      }
    }
    int run = Math.max(1, (edges + MAX_BANDS - 1) / MAX_BANDS);
    for (List<Ring> rings : polygons) {
      for (Ring r : rings) {
        Coordinate[] p = r.points();
        for (int from = 0; from < p.length - 1; from += run) {
          int to = Math.min(p.length - 1, from + run); // edges from..to-1, vertices from..to
          double minLon = 180;
          double maxLon = -180;
          double minLat = 90;
          double maxLat = -90;
          for (int i = from; i <= to; i++) {
            minLon = Math.min(minLon, p[i].x);
            maxLon = Math.max(maxLon, p[i].x);
            minLat = Math.min(minLat, p[i].y);
            maxLat = Math.max(maxLat, p[i].y);
          }
          out.add(box(minLat - BAND_DEGREES, maxLat + BAND_DEGREES, minLon - BAND_DEGREES, maxLon + BAND_DEGREES));
        }
      }
    }
    return out.toArray(org.apache.lucene.geo.Polygon[]::new);
  }

  private static org.apache.lucene.geo.Polygon lucene(Ring r, org.apache.lucene.geo.Polygon[] holes) {
    Coordinate[] p = r.points();
    double[] lats = new double[p.length];
    double[] lons = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      lats[i] = p[i].y;
      lons[i] = p[i].x;
    }
    return holes == null ? new org.apache.lucene.geo.Polygon(lats, lons) : new org.apache.lucene.geo.Polygon(lats, lons, holes);
  }

  /** A box clamped to the valid ranges. */
  static org.apache.lucene.geo.Polygon box(double minLat, double maxLat, double minLon, double maxLon) {
    double s = Math.max(-90, minLat);
    double n = Math.min(90, maxLat);
    double w = Math.max(-180, minLon);
    double e = Math.min(180, maxLon);
    return new org.apache.lucene.geo.Polygon(new double[] {s, s, n, n, s}, new double[] {w, e, e, w, w});
  }

  private static VeriSimException invalid(String message) {
    return VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "wkt", message);
  }
}
