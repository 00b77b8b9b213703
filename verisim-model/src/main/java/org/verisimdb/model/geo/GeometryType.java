package org.verisimdb.model.geo;

/** The geometry kinds the spatial modality stores, with their WKT keyword and display name. */
public enum GeometryType {
  POINT("Point", 1),
  LINESTRING("LineString", 2),
  POLYGON("Polygon", 3),
  MULTIPOINT("MultiPoint", 4),
  MULTIPOLYGON("MultiPolygon", 5);

  private final String displayName;
  private final int tag;

  GeometryType(String displayName, int tag) {
    this.displayName = displayName;
    this.tag = tag;
  }

  /** The name VQL's {@code SPATIAL.geometry_type} returns ({@code "LineString"}). */
  public String displayName() {
    return displayName;
  }

  /** The stable number of this kind in stored formats. */
  public int tag() {
    return tag;
  }
}
