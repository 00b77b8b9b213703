package org.verisimdb.engine.query.row;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Value;

class SpatialFieldsTest {

  private static Value field(SpatialFacet spatial, String... path) {
    return Station.row(Station.with(spatial)).field(Modality.SPATIAL, List.of(path));
  }

  @Test
  void aPointWithAltitudeAndProperties() {
    SpatialFacet spatial = new SpatialFacet(63.4305, 10.3951, 12.5, 25833, null, new TreeMap<>(Map.of(
        "station_class", org.verisimdb.model.value.Value.of("A"), "mast.height", org.verisimdb.model.value.Value.of(7))));
    assertThat(field(spatial, "lat")).isEqualTo(new Value.Flt(63.4305));
    assertThat(field(spatial, "lon")).isEqualTo(new Value.Flt(10.3951));
    assertThat(field(spatial, "alt")).isEqualTo(new Value.Flt(12.5));
    assertThat(field(spatial, "srid")).isEqualTo(new Value.Int(25833));
    assertThat(field(spatial, "wkt")).isEqualTo(new Value.Str("POINT (10.3951 63.4305)"));
    assertThat(field(spatial, "geometry_type")).isEqualTo(new Value.Str("Point"));
    assertThat(ValueText.of(field(spatial, "properties"))).isEqualTo("{\"mast.height\":7,\"station_class\":\"A\"}");
    assertThat(field(spatial, "properties", "station_class")).isEqualTo(new Value.Str("A"));
    assertThat(field(spatial, "properties", "mast", "height")).isEqualTo(new Value.Int(7));
    assertThat(field(spatial, "properties", "missing")).isEqualTo(Value.NULL);
  }

  @Test
  void noAltitudeIsNullAndTheDefaultSridIsWgs84() {
    SpatialFacet spatial = SpatialFacet.point(63.4305, 10.3951);
    assertThat(field(spatial, "alt")).isEqualTo(Value.NULL);
    assertThat(field(spatial, "srid")).isEqualTo(new Value.Int(4326));
    assertThat(ValueText.of(field(spatial, "properties"))).isEqualTo("{}");
  }

  @Test
  void everyGeometryTypeHasItsDisplayName() {
    Map<String, String> types = Map.of(
        "POINT (10 60)", "Point",
        "LINESTRING (10 60, 11 61)", "LineString",
        "POLYGON ((10 60, 11 60, 11 61, 10 60))", "Polygon",
        "MULTIPOINT ((10 60), (11 61))", "MultiPoint",
        "MULTIPOLYGON (((10 60, 11 60, 11 61, 10 60)), ((20 60, 21 60, 21 61, 20 60)))", "MultiPolygon");
    types.forEach((wkt, type) -> assertThat(field(SpatialFacet.ofWkt(wkt), "geometry_type")).as(wkt).isEqualTo(new Value.Str(type)));
  }

  @Test
  void aLineHasItsRepresentativePointAndCanonicalWkt() {
    SpatialFacet line = SpatialFacet.ofWkt("LINESTRING (10 60, 12 60)");
    assertThat(field(line, "wkt")).isEqualTo(new Value.Str(line.wkt()));
    assertThat(field(line, "lat")).isEqualTo(new Value.Flt(line.lat()));
    assertThat(field(line, "lon")).isEqualTo(new Value.Flt(line.lon()));
  }
}
