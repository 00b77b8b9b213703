package org.verisimdb.model.facet;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.geo.Geometry;
import org.verisimdb.model.geo.GeometryType;
import org.verisimdb.model.geo.Position;
import org.verisimdb.model.geo.Wkt;
import org.verisimdb.model.value.Value;

/**
 * Where an octad is: a WGS 84 geometry, its representative point ({@code lat}, {@code lon}:
 * the point itself, or for other geometries the centroid unless given), an optional altitude in
 * metres, a spatial reference id (default 4326, stored and returned, never used in
 * calculations) and free properties. For a point geometry the position and lat/lon agree.
 */
public record SpatialFacet(double lat, double lon, Double alt, int srid, Geometry geometry, SortedMap<String, Value> properties)
    implements Facet {

  public static final int WGS84 = 4326;

  public SpatialFacet {
    Position.requireLatitude(lat, "spatial.lat");
    Position.requireLongitude(lon, "spatial.lon");
    if (alt != null && !Double.isFinite(alt)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_COORDINATE, "spatial.alt", "altitude " + alt + " is not a finite number of metres");
    }
    if (srid <= 0) {
      throw VeriSimException.invalid(ErrorCode.INVALID_GEOMETRY, "spatial.srid", "spatial reference id " + srid + " must be positive (WGS 84 is 4326)");
    }
    if (geometry == null) {
      geometry = new Geometry.Point(new Position(lon, lat));
    }
    if (geometry instanceof Geometry.Point(Position p) && (Double.compare(p.lat(), lat) != 0 || Double.compare(p.lon(), lon) != 0)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_COORDINATE, "spatial.lat",
          "lat/lon (" + lat + ", " + lon + ") differ from the point geometry " + geometry.toWkt() + "; give one or make them agree");
    }
    properties = properties(properties);
  }

  private static SortedMap<String, Value> properties(Map<String, Value> given) {
    if (given == null || given.isEmpty()) {
      return Collections.emptySortedMap();
    }
    Limits.requireCount(given, Limits.MAX_FIELDS, "spatial.properties", "properties");
    TreeMap<String, Value> copy = new TreeMap<>();
    given.forEach((key, value) -> {
      Limits.requireName(key, ErrorCode.INVALID_GEOMETRY, "spatial.properties", "property name");
      if (value == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_GEOMETRY, "spatial.properties." + key, "property '" + key + "' has no value; omit it instead");
      }
      if (value instanceof Value.Str(String s)) {
        Limits.requireText(s, Limits.MAX_STRING_LENGTH, ErrorCode.INVALID_GEOMETRY, "spatial.properties." + key, "property value");
      }
      copy.put(key, value);
    });
    return Collections.unmodifiableSortedMap(copy);
  }

  /** A point. */
  public static SpatialFacet point(double lat, double lon) {
    return new SpatialFacet(lat, lon, null, WGS84, null, null);
  }

  /** A point with an altitude in metres. */
  public static SpatialFacet point(double lat, double lon, double alt) {
    return new SpatialFacet(lat, lon, alt, WGS84, null, null);
  }

  /** A geometry from WKT; its representative point is computed. */
  public static SpatialFacet ofWkt(String wkt) {
    Geometry geometry = Wkt.parse(wkt);
    Position p = geometry.representativePoint();
    return new SpatialFacet(p.lat(), p.lon(), null, WGS84, geometry, null);
  }

  /** A copy with these properties. */
  public SpatialFacet withProperties(Map<String, Value> more) {
    return new SpatialFacet(lat, lon, alt, srid, geometry, new TreeMap<>(more));
  }

  /** A copy with this altitude (null to clear). */
  public SpatialFacet withAlt(Double altitude) {
    return new SpatialFacet(lat, lon, altitude, srid, geometry, properties);
  }

  @Override
  public Modality modality() {
    return Modality.SPATIAL;
  }

  /** The geometry as canonical WKT ({@code POINT (10.3951 63.4305)}). */
  public String wkt() {
    return geometry.toWkt();
  }

  public GeometryType geometryType() {
    return geometry.type();
  }
}
