package org.verisimdb.model.geo;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.model.Limits;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * A geometry of the spatial modality, in WGS 84 degrees, lon/lat order as in WKT.
 * Representative points and areas are computed on planar degrees (VQL §6.9 uses the same plane
 * for polygon containment); they are for choosing a point, not for measuring the earth.
 */
public sealed interface Geometry {

  GeometryType type();

  /** Every position, in order. */
  List<Position> positions();

  /**
   * The point that stands for the geometry when none is given: the point itself, the mean of a
   * multipoint, the length-weighted centre of a line, the area-weighted centroid of a polygon
   * (holes subtracted). A degenerate line or polygon falls back to the mean of its positions.
   */
  Position representativePoint();

  /** The canonical WKT text: upper-case keyword, one space after it and after commas. */
  default String toWkt() {
    return Wkt.write(this);
  }

  record Point(Position position) implements Geometry {
    public Point {
      if (position == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_GEOMETRY, "wkt", "a point needs a position");
      }
    }

    @Override
    public GeometryType type() {
      return GeometryType.POINT;
    }

    @Override
    public List<Position> positions() {
      return List.of(position);
    }

    @Override
    public Position representativePoint() {
      return position;
    }
  }

  record LineString(List<Position> points) implements Geometry {
    public LineString {
      points = List.copyOf(points);
      Limits.requireCount(points, Limits.MAX_GEOMETRY_POSITIONS, "wkt", "geometry positions");
      if (points.size() < 2) {
        throw VeriSimException.invalid(ErrorCode.INVALID_GEOMETRY, "wkt", "a LINESTRING needs at least 2 positions, got " + points.size());
      }
    }

    @Override
    public GeometryType type() {
      return GeometryType.LINESTRING;
    }

    @Override
    public List<Position> positions() {
      return points;
    }

    @Override
    public Position representativePoint() {
      double length = 0;
      double x = 0;
      double y = 0;
      for (int i = 1; i < points.size(); i++) {
        Position a = points.get(i - 1);
        Position b = points.get(i);
        double segment = Math.hypot(b.lon() - a.lon(), b.lat() - a.lat());
        length += segment;
        x += segment * (a.lon() + b.lon()) / 2;
        y += segment * (a.lat() + b.lat()) / 2;
      }
      return length == 0 ? mean(points) : position(x / length, y / length);
    }
  }

  /** A polygon: the first ring is the shell, the others are holes; every ring is closed. */
  record Polygon(List<List<Position>> rings) implements Geometry {
    public Polygon {
      if (rings.isEmpty()) {
        throw VeriSimException.invalid(ErrorCode.INVALID_GEOMETRY, "wkt", "a POLYGON needs at least one ring");
      }
      List<List<Position>> copy = new ArrayList<>(rings.size());
      int count = 0;
      for (int r = 0; r < rings.size(); r++) {
        List<Position> ring = List.copyOf(rings.get(r));
        if (ring.size() < 4) {
          throw VeriSimException.invalid(ErrorCode.INVALID_GEOMETRY, "wkt",
              "polygon ring " + (r + 1) + " has " + ring.size() + " positions; a closed ring needs at least 4");
        }
        if (!ring.getFirst().equals(ring.getLast())) {
          throw VeriSimException.invalid(ErrorCode.INVALID_GEOMETRY, "wkt",
              "polygon ring " + (r + 1) + " is not closed: its last position must repeat its first");
        }
        count += ring.size();
        copy.add(ring);
      }
      Limits.requireCount(count, Limits.MAX_GEOMETRY_POSITIONS, "wkt", "geometry positions");
      rings = List.copyOf(copy);
    }

    @Override
    public GeometryType type() {
      return GeometryType.POLYGON;
    }

    @Override
    public List<Position> positions() {
      return rings.stream().flatMap(List::stream).toList();
    }

    @Override
    public Position representativePoint() {
      double[] acc = new double[3];
      accumulate(acc);
      return acc[0] == 0 ? mean(rings.getFirst()) : position(acc[1] / acc[0], acc[2] / acc[0]);
    }

    /** Adds this polygon's area and area-weighted centroid sums to acc = {area, Σx·a, Σy·a}. */
    void accumulate(double[] acc) {
      for (int r = 0; r < rings.size(); r++) {
        List<Position> ring = rings.get(r);
        double area = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
          Position a = ring.get(i);
          Position b = ring.get(i + 1);
          double cross = a.lon() * b.lat() - b.lon() * a.lat();
          area += cross;
          cx += (a.lon() + b.lon()) * cross;
          cy += (a.lat() + b.lat()) * cross;
        }
        area /= 2;
        if (area == 0) {
          continue;
        }
        // Shell counts positive, holes negative, whatever the ring orientation.
        double sign = (r == 0) == (area > 0) ? 1 : -1;
        double weight = Math.abs(area) * sign;
        acc[0] += weight;
        acc[1] += cx / (6 * area) * weight;
        acc[2] += cy / (6 * area) * weight;
      }
    }
  }

  record MultiPoint(List<Position> points) implements Geometry {
    public MultiPoint {
      points = List.copyOf(points);
      Limits.requireCount(points, Limits.MAX_GEOMETRY_POSITIONS, "wkt", "geometry positions");
      if (points.isEmpty()) {
        throw VeriSimException.invalid(ErrorCode.INVALID_GEOMETRY, "wkt", "a MULTIPOINT needs at least one point");
      }
    }

    @Override
    public GeometryType type() {
      return GeometryType.MULTIPOINT;
    }

    @Override
    public List<Position> positions() {
      return points;
    }

    @Override
    public Position representativePoint() {
      return mean(points);
    }
  }

  record MultiPolygon(List<Polygon> polygons) implements Geometry {
    public MultiPolygon {
      polygons = List.copyOf(polygons);
      if (polygons.isEmpty()) {
        throw VeriSimException.invalid(ErrorCode.INVALID_GEOMETRY, "wkt", "a MULTIPOLYGON needs at least one polygon");
      }
      int count = polygons.stream().mapToInt(p -> p.positions().size()).sum();
      Limits.requireCount(count, Limits.MAX_GEOMETRY_POSITIONS, "wkt", "geometry positions");
    }

    @Override
    public GeometryType type() {
      return GeometryType.MULTIPOLYGON;
    }

    @Override
    public List<Position> positions() {
      return polygons.stream().flatMap(p -> p.positions().stream()).toList();
    }

    @Override
    public Position representativePoint() {
      double[] acc = new double[3];
      for (Polygon polygon : polygons) {
        polygon.accumulate(acc);
      }
      return acc[0] == 0 ? mean(positions()) : position(acc[1] / acc[0], acc[2] / acc[0]);
    }
  }

  private static Position mean(List<Position> points) {
    double x = 0;
    double y = 0;
    for (Position p : points) {
      x += p.lon();
      y += p.lat();
    }
    return position(x / points.size(), y / points.size());
  }

  // Weighted averages of in-range positions stay in range up to rounding; clamp that rounding away.
  private static Position position(double lon, double lat) {
    return new Position(Math.max(-180, Math.min(180, lon)), Math.max(-90, Math.min(90, lat)));
  }
}
