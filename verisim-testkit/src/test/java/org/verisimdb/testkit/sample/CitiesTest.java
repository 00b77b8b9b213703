package org.verisimdb.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.verisimdb.testkit.sample.Cities.City;

class CitiesTest {
  @Test
  void tableHasAtLeastEightyCitiesWithUniqueNames() {
    assertThat(Cities.size()).isGreaterThanOrEqualTo(80);
    Set<String> names = new HashSet<>();
    for (City city : Cities.all()) {
      assertThat(names.add(city.name())).as("duplicate city name %s", city.name()).isTrue();
    }
  }

  @Test
  void coordinatesPopulationsAndElevationsAreInRange() {
    for (City city : Cities.all()) {
      assertThat(city.lat()).as(city.name()).isBetween(-90.0, 90.0);
      // Sites and hexagons are drawn a few km around a city; this margin keeps them off the antimeridian.
      assertThat(city.lon()).as(city.name()).isBetween(-179.5, 179.5);
      assertThat(city.population()).as(city.name()).isPositive();
      assertThat(city.elevation()).as(city.name()).isBetween(-100, 5000);
      assertThat(city.country()).as(city.name()).isNotBlank();
    }
  }

  @Test
  void citiesSpanEveryContinentBothHemispheresAndTheAntimeridian() {
    Set<String> continents = new HashSet<>();
    Cities.all().forEach(c -> continents.add(c.continent()));
    assertThat(continents).containsExactlyInAnyOrder(
        "Europe", "Africa", "Asia", "North America", "South America", "Oceania", "Antarctica");
    assertThat(Cities.all()).filteredOn(c -> c.lat() < -30).hasSizeGreaterThanOrEqualTo(10);
    assertThat(Cities.all()).filteredOn(c -> c.lon() > 170).isNotEmpty();
    assertThat(Cities.all()).filteredOn(c -> c.lon() < -170).isNotEmpty();
    assertThat(Cities.all()).extracting(City::name).contains("Auckland", "Suva", "Anchorage", "Bergen");
  }

  @Test
  void everyPrefixOfThirtyCitiesCoversSixContinents() {
    Set<String> continents = new HashSet<>();
    Cities.all().subList(0, 30).forEach(c -> continents.add(c.continent()));
    assertThat(continents).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void haversineMatchesKnownDistances() {
    City oslo = find("Oslo");
    City bergen = find("Bergen");
    City london = find("London");
    City paris = find("Paris");
    // Great-circle distances between these centres, rounded: 305 km and 344 km.
    assertThat(Cities.distanceKm(oslo.lat(), oslo.lon(), bergen.lat(), bergen.lon())).isCloseTo(305, within(3.0));
    assertThat(Cities.distanceKm(london.lat(), london.lon(), paris.lat(), paris.lon())).isCloseTo(344, within(3.0));
    assertThat(Cities.distanceKm(10, 20, 10, 20)).isZero();
    assertThat(Cities.distanceKm(0, 179.5, 0, -179.5)).as("across the antimeridian").isCloseTo(111.2, within(0.5));
  }

  @Test
  void nearestAgreesWithBruteForceHaversineForEveryCityAndLimit() {
    for (int limit = 1; limit <= Cities.size(); limit++) {
      for (int city = 0; city < limit; city++) {
        int expected = bruteForceNearest(Cities.get(city).lat(), Cities.get(city).lon(), city, limit);
        assertThat(Cities.nearest(city, limit)).as("nearest to %s among %d", Cities.get(city).name(), limit).isEqualTo(expected);
      }
    }
  }

  @Test
  void nearestToAnyPositionAgreesWithBruteForce() {
    long seed = Long.getLong("tests.seed", 20261121L);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 5_000; i++) {
      double lat = -90 + 180 * random.nextDouble();
      double lon = -180 + 360 * random.nextDouble();
      int expected = bruteForceNearest(lat, lon, -1, Cities.size());
      int actual = Cities.nearestTo(lat, lon);
      // Ties aside, the two must pick the same city; compare distances to allow exact ties.
      assertThat(distance(lat, lon, actual)).as("seed=%d position (%f, %f)", seed, lat, lon)
          .isCloseTo(distance(lat, lon, expected), within(1e-6));
    }
  }

  @Test
  void nearestExamples() {
    assertThat(Cities.get(Cities.nearest(index("Bergen"), Cities.size())).name()).isIn("Oslo", "Trondheim");
    assertThat(Cities.get(Cities.nearest(index("Auckland"), Cities.size())).name()).isEqualTo("Wellington");
    assertThat(Cities.get(Cities.nearestTo(-18.2, 178.5)).name()).isEqualTo("Suva");
    assertThat(Cities.nearest(0, 1)).as("no other city below the limit").isEqualTo(-1);
  }

  private static int bruteForceNearest(double lat, double lon, int exclude, int limit) {
    int best = -1;
    double bestKm = Double.POSITIVE_INFINITY;
    for (int i = 0; i < limit; i++) {
      double km = distance(lat, lon, i);
      if (i != exclude && km < bestKm) {
        bestKm = km;
        best = i;
      }
    }
    return best;
  }

  private static double distance(double lat, double lon, int city) {
    return Cities.distanceKm(lat, lon, Cities.get(city).lat(), Cities.get(city).lon());
  }

  private static City find(String name) {
    return Cities.get(index(name));
  }

  private static int index(String name) {
    for (int i = 0; i < Cities.size(); i++) {
      if (Cities.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no city " + name);
  }
}
