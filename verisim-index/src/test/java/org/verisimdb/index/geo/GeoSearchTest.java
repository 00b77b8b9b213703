package org.verisimdb.index.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.SpatialFacet;

class GeoSearchTest {
  private static List<String> names(List<OctadId> ids) {
    return ids.stream().map(OctadId::value).toList();
  }

  @Test
  void haversineOnTheVqlSphere() {
    assertThat(GeoDistance.km(0, 0, 0, 180)).isEqualTo(Math.PI * 6371.0);
    assertThat(GeoDistance.km(90, 0, -90, 0)).isEqualTo(Math.PI * 6371.0);
    assertThat(GeoDistance.km(0, 179.5, 0, -179.5)).isCloseTo(6371.0 * Math.toRadians(1), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(GeoDistance.km(59.9139, 10.7522, 60.3913, 5.3221)).isCloseTo(305.0, org.assertj.core.data.Offset.offset(1.0)); // Oslo–Bergen
    assertThat(GeoDistance.km(63.4305, 10.3951, 63.4305, 10.3951)).isZero();
    Random random = new Random(7);
    for (int i = 0; i < 1000; i++) {
      double lat1 = -90 + 180 * random.nextDouble();
      double lon1 = -180 + 360 * random.nextDouble();
      double lat2 = -90 + 180 * random.nextDouble();
      double lon2 = -180 + 360 * random.nextDouble();
      assertThat(GeoDistance.km(lat1, lon1, lat2, lon2)).isEqualTo(GeoDistance.km(lat2, lon2, lat1, lon1));
    }
  }

  @Test
  void updatesMoveAndDeletesRemovePlaces() {
    try (GeoFixture f = new GeoFixture()) {
      f.put(GeoFixture.at("oslo", 59.9139, 10.7522), GeoFixture.at("bergen", 60.3913, 5.3221));
      f.put(GeoFixture.at("oslo", 63.4305, 10.3951)); // moved to Trondheim
      f.delete("bergen");
      try (IndexView v = f.index.view()) {
        GeoSearch s = new GeoSearch(v);
        assertThat(s.radius(59.9139, 10.7522, 50, null, 10)).isEmpty();
        assertThat(s.radius(63.43, 10.39, 5, null, 10)).extracting(h -> h.id().value()).containsExactly("oslo");
        assertThat(s.nearest(60.3913, 5.3221, 5, null)).extracting(h -> h.id().value()).containsExactly("oslo");
        assertThat(names(s.bbox(55, 0, 70, 20, null, 10))).containsExactly("oslo");
      }
    }
  }

  @Test
  void boxesAcrossTheAntimeridianAndRadiiOverThePoles() {
    try (GeoFixture f = new GeoFixture()) {
      f.put(GeoFixture.at("fiji", -17.7, 178.0), GeoFixture.at("samoa", -13.8, -172.1), GeoFixture.at("edge", -15, 180),
          GeoFixture.at("west-edge", -15, -180), GeoFixture.at("greenwich", 51.48, 0), GeoFixture.at("north", 89.9, 45),
          GeoFixture.at("north2", 89.9, -135));
      try (IndexView v = f.index.view()) {
        GeoSearch s = new GeoSearch(v);
        assertThat(names(s.bbox(-20, 170, -10, -170, null, 10))).containsExactly("edge", "fiji", "samoa", "west-edge");
        assertThat(names(s.bbox(-20, -170, -10, 170, null, 10))).isEmpty();
        assertThat(names(s.bbox(-20, 180, -10, 180, null, 10))).containsExactly("edge");
        // The two northern places are 0.2° of latitude apart across the pole: about 22.2 km.
        assertThat(s.radius(89.9, 45, 23, null, 10)).extracting(h -> h.id().value()).containsExactly("north", "north2");
        assertThat(s.nearest(89.9, 45, 2, null).get(1).distanceKm()).isEqualTo(GeoDistance.km(89.9, 45, 89.9, -135));
      }
    }
  }

  @Test
  void nearestIsExactlyKAmongThoseThatPassTheFilter() {
    try (GeoFixture f = new GeoFixture()) {
      for (int i = 0; i < 30; i++) {
        // Three octads share each point: ties resolved by id.
        f.put(GeoFixture.octad("t" + i + "a", SpatialFacet.point(10 + i * 0.01, 20), org.verisimdb.model.facet.DocumentFacet.of(
            java.util.Map.of("kind", i % 2 == 0 ? "even" : "odd"))), GeoFixture.at("t" + i + "b", 10 + i * 0.01, 20),
            GeoFixture.at("t" + i + "c", 10 + i * 0.01, 20));
      }
      try (IndexView v = f.index.view()) {
        GeoSearch s = new GeoSearch(v);
        assertThat(s.nearest(10, 20, 4, null)).extracting(h -> h.id().value()).containsExactly("t0a", "t0b", "t0c", "t1a");
        TermQuery odd = new TermQuery(new Term(org.verisimdb.index.text.TextFields.KEYWORD + "kind", "odd"));
        assertThat(s.nearest(10, 20, 5, odd)).extracting(h -> h.id().value()).containsExactly("t1a", "t3a", "t5a", "t7a", "t9a");
        assertThat(s.nearest(10, 20, 100, odd)).hasSize(15);
        assertThat(s.nearest(10, 20, 1000, null)).hasSize(90);
      }
    }
  }

  @Test
  void polygonsKeepTheirBoundaryAndDropTheirHoles() {
    String wkt = "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))";
    try (GeoFixture f = new GeoFixture()) {
      f.put(GeoFixture.at("corner", 0, 0), GeoFixture.at("edge", 0, 2.5), GeoFixture.at("inside", 3, 3), GeoFixture.at("hole", 1.5, 1.5),
          GeoFixture.at("hole-edge", 1, 1.5), GeoFixture.at("outside", 4.0000001, 2));
      try (IndexView v = f.index.view()) {
        GeoSearch s = new GeoSearch(v);
        assertThat(names(s.polygon(wkt, null, 10))).containsExactly("corner", "edge", "hole-edge", "inside");
        assertThat(names(s.polygon("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((3 3, 5 3, 5 5, 3 5, 3 3)))", null, 10)))
            .containsExactly("corner", "inside");
        assertThat(names(s.polygon(wkt, null, 2))).containsExactly("corner", "edge");
      }
    }
  }

  @Test
  void shapesAltitudesAndGeometryTypes() {
    try (GeoFixture f = new GeoFixture()) {
      f.put(GeoFixture.octad("lake", SpatialFacet.ofWkt("POLYGON ((10 60, 11 60, 11 61, 10 61, 10 60))"), null),
          GeoFixture.octad("road", SpatialFacet.ofWkt("LINESTRING (12 60, 12 62)"), null),
          GeoFixture.octad("peak", SpatialFacet.point(61.6, 8.3, 2469), null),
          GeoFixture.octad("shore", SpatialFacet.point(59, 10, -0.0), null),
          GeoFixture.octad("bowtie", SpatialFacet.ofWkt("POLYGON ((20 60, 21 61, 21 60, 20 61, 20 60))"), null));
      try (IndexView v = f.index.view()) {
        GeoSearch s = new GeoSearch(v);
        // The lake's centroid is outside this box, but its area meets it.
        assertThat(names(s.intersecting("POLYGON ((10.9 60.9, 11.5 60.9, 11.5 61.5, 10.9 61.5, 10.9 60.9))", null, 10))).containsExactly("lake");
        assertThat(names(s.intersecting("LINESTRING (11.5 61, 12.5 61)", null, 10))).containsExactly("road");
        assertThat(names(s.intersecting("LINESTRING (19 60.5, 22 60.5)", null, 10))).containsExactly("bowtie"); // indexed by its outline
        assertThat(names(s.altitude(0, 3000, null, 10))).containsExactly("peak", "shore");
        assertThat(names(s.altitude(-10, 0, null, 10))).containsExactly("shore");
        assertThat(v.searcher().count(new TermQuery(new Term(GeoFields.TYPE, "LineString")))).isOne();
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("radius lat 91", (Consumer<GeoSearch>) s -> s.radius(91, 0, 1, null, 1), "latitude 91.0 is outside [-90, 90]"),
        Arguments.of("radius lat NaN", (Consumer<GeoSearch>) s -> s.radius(Double.NaN, 0, 1, null, 1), "latitude NaN"),
        Arguments.of("radius lon 181", (Consumer<GeoSearch>) s -> s.radius(0, 181, 1, null, 1), "longitude 181.0"),
        Arguments.of("radius km -1", (Consumer<GeoSearch>) s -> s.radius(0, 0, -1, null, 1), "finite number >= 0"),
        Arguments.of("radius km inf", (Consumer<GeoSearch>) s -> s.radius(0, 0, Double.POSITIVE_INFINITY, null, 1), "finite number >= 0"),
        Arguments.of("radius limit 0", (Consumer<GeoSearch>) s -> s.radius(0, 0, 1, null, 0), "at least 1"),
        Arguments.of("nearest k 0", (Consumer<GeoSearch>) s -> s.nearest(0, 0, 0, null), "k is 0"),
        Arguments.of("nearest lon", (Consumer<GeoSearch>) s -> s.nearest(0, -180.5, 1, null), "longitude -180.5"),
        Arguments.of("bbox swapped", (Consumer<GeoSearch>) s -> s.bbox(10, 0, 5, 1, null, 1), "swap them"),
        Arguments.of("bbox lat", (Consumer<GeoSearch>) s -> s.bbox(-95, 0, 5, 1, null, 1), "latitude -95.0"),
        Arguments.of("polygon malformed", (Consumer<GeoSearch>) s -> s.polygon("POLYGON ((0 0, 1 0, 1 1 0 0))", null, 1), "at character 25"),
        Arguments.of("polygon empty", (Consumer<GeoSearch>) s -> s.polygon("", null, 1), "empty"),
        Arguments.of("polygon not polygon", (Consumer<GeoSearch>) s -> s.polygon("LINESTRING (0 0, 1 1)", null, 1), "not a LINESTRING"),
        Arguments.of("polygon unclosed", (Consumer<GeoSearch>) s -> s.polygon("POLYGON ((0 0, 1 0, 1 1, 0 1))", null, 1), "not closed"),
        Arguments.of("polygon short", (Consumer<GeoSearch>) s -> s.polygon("POLYGON ((0 0, 1 0, 0 0))", null, 1), "at least 4"),
        Arguments.of("polygon bowtie", (Consumer<GeoSearch>) s -> s.polygon("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))", null, 1), "not valid"),
        Arguments.of("polygon hole outside", (Consumer<GeoSearch>) s -> s.polygon("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0), (5 5, 6 5, 6 6, 5 6, 5 5))", null, 1),
            "not valid"),
        Arguments.of("polygon lat", (Consumer<GeoSearch>) s -> s.polygon("POLYGON ((0 0, 1 0, 1 95, 0 0))", null, 1), "latitude 95.0"),
        Arguments.of("altitude swapped", (Consumer<GeoSearch>) s -> s.altitude(10, 0, null, 1), "swap them"),
        Arguments.of("intersecting", (Consumer<GeoSearch>) s -> s.intersecting("CIRCLE (0 0)", null, 1), "unsupported geometry"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void badInputIsInvalidSearchSayingWhy(String name, Consumer<GeoSearch> call, String message) {
    try (GeoFixture f = new GeoFixture(); IndexView v = f.index.view()) {
      ThrowingCallable search = () -> call.accept(new GeoSearch(v));
      assertThatThrownBy(search).isInstanceOfSatisfying(VeriSimException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEARCH);
        assertThat(e.getMessage()).contains(message);
      });
    }
  }
}
