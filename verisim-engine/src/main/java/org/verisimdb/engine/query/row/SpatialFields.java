package org.verisimdb.engine.query.row;

import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.vql.ast.Value;

/**
 * SPATIAL fields (VQL.md §4.3): the representative point {@code lat}, {@code lon}, the altitude
 * {@code alt} (NULL when not stored), {@code srid}, the geometry as canonical {@code wkt}, its
 * {@code geometry_type} ({@code Point}, {@code LineString}, {@code Polygon}, {@code MultiPoint},
 * {@code MultiPolygon}), {@code properties} and {@code properties.<key>}. Thread-safe.
 */
final class SpatialFields implements ModalityFields {
  private final SpatialFacet spatial;

  SpatialFields(SpatialFacet spatial) {
    this.spatial = spatial;
  }

  @Override
  public Value field(String name) {
    return switch (name) {
      case "lat" -> new Value.Flt(spatial.lat());
      case "lon" -> new Value.Flt(spatial.lon());
      case "alt" -> spatial.alt() == null ? Value.NULL : new Value.Flt(spatial.alt());
      case "srid" -> new Value.Int(spatial.srid());
      case "wkt" -> new Value.Str(spatial.wkt());
      case "geometry_type" -> new Value.Str(spatial.geometryType().displayName());
      default -> RowValues.properties(spatial.properties(), name);
    };
  }
}
