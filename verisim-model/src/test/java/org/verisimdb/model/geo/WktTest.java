package org.verisimdb.model.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

class WktTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "point(10 20)|POINT (10 20)",
      "  POINT ( -0.5   51.25 )  |POINT (-0.5 51.25)",
      "LINESTRING(0 0,1 1, 2 0)|LINESTRING (0 0, 1 1, 2 0)",
      "POLYGON((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))|POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))",
      "MULTIPOINT (1 2, 3 4)|MULTIPOINT ((1 2), (3 4))",
      "MULTIPOINT ((1 2), (3 4))|MULTIPOINT ((1 2), (3 4))",
      "MultiPolygon(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))|MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
      "POINT (1e-7 2.5E1)|POINT (1e-7 25)"})
  void parsesAndWritesCanonically(String input, String canonical) {
    Geometry g = Wkt.parse(input);
    assertThat(g.toWkt()).isEqualTo(canonical);
    assertThat(Wkt.parse(g.toWkt())).isEqualTo(g);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "POLYGON((0 0, 1 1))|ring 1 has 2 positions",
      "POLYGON((0 0, 1 0, 1 1, 0 1))|not closed",
      "POINT EMPTY|EMPTY",
      "POINT Z (1 2 3)|two-dimensional",
      "POINT (1 2 3)|two numbers",
      "CIRCLE (1 2)|unsupported geometry 'CIRCLE'",
      "POINT (1 2) extra|character 13",
      "POINT (1|unexpected end",
      "POINT (abc 2)|expected a longitude",
      "LINESTRING (1 2)|at least 2 positions"})
  void explainsWhatIsWrong(String input, String message) {
    assertThatThrownBy(() -> Wkt.parse(input))
        .isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_GEOMETRY);
          assertThat(e.getMessage()).contains(message);
        });
  }

  @Test
  void coordinatesOutOfRangeAreCoordinateErrors() {
    assertThatThrownBy(() -> Wkt.parse("POINT (10 95)"))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_COORDINATE));
  }

  @Test
  void representativePointsAreCentroids() {
    Offset<Double> eps = Offset.offset(1e-9);
    Position square = Wkt.parse("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))").representativePoint();
    assertThat(square.lon()).isCloseTo(2, eps);
    assertThat(square.lat()).isCloseTo(2, eps);
    // A hole in the left half pulls the centroid right.
    Position holed = Wkt.parse("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (0.5 0.5, 1.5 0.5, 1.5 3.5, 0.5 3.5, 0.5 0.5))").representativePoint();
    assertThat(holed.lon()).isGreaterThan(2);
    assertThat(holed.lat()).isCloseTo(2, eps);
    Position line = Wkt.parse("LINESTRING (0 0, 10 0)").representativePoint();
    assertThat(line.lon()).isCloseTo(5, eps);
    Position multi = Wkt.parse("MULTIPOINT (0 0, 2 4)").representativePoint();
    assertThat(multi).isEqualTo(new Position(1, 2));
    // Clockwise rings give the same centroid as counter-clockwise ones.
    Position clockwise = Wkt.parse("POLYGON ((0 0, 0 4, 4 4, 4 0, 0 0))").representativePoint();
    assertThat(clockwise.lon()).isCloseTo(2, eps);
  }
}
