package org.verisimdb.testkit.sample;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.testkit.sample.Cities.City;

/**
 * The spatial modality of sample octads: places stand at their city (as a point, a point with
 * altitude, or a small hexagon around it); everything else stands within 2 km of the place it
 * links to. Offsets use a local flat-earth approximation, accurate to well under 1% at these
 * distances. Stateless and thread-safe.
 */
final class Locations {
  /** Kilometres per degree of latitude (and of longitude at the equator). */
  static final double KM_PER_DEGREE = 111.32;
  /** How far a linked octad may stand from its place. */
  static final double NEARBY_KM = 2;

  private Locations() {}

  /** A position up to {@code maxKm} from (lat, lon), uniform over the disc, rounded to 6 decimals (~0.1 m). */
  static double[] jitter(double lat, double lon, double maxKm, SplittableRandom random) {
    double distance = maxKm * Math.sqrt(random.nextDouble());
    double bearing = random.nextDouble() * 2 * Math.PI;
    double north = distance * Math.cos(bearing) / KM_PER_DEGREE;
    double east = distance * Math.sin(bearing) / (KM_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(lat))));
    double newLat = Math.max(-90, Math.min(90, lat + north));
    double newLon = lon + east;
    if (newLon > 180) {
      newLon -= 360;
    } else if (newLon < -180) {
      newLon += 360;
    }
    return new double[] {round(newLat), round(newLon)};
  }

  /** The spatial modality of an octad that links to {@code place}; a quarter carry an altitude. */
  static SpatialFacet near(World world, int place, SplittableRandom random) {
    double[] at = world.placePoint(place);
    double[] point = jitter(at[0], at[1], NEARBY_KM, random);
    if (random.nextInt(4) == 0) {
      // A building in the city: ground level plus up to 60 m of storeys.
      return SpatialFacet.point(point[0], point[1], World.city(place).elevation() + random.nextInt(61));
    }
    return SpatialFacet.point(point[0], point[1]);
  }

  /** The spatial modality of place {@code place} itself. */
  static SpatialFacet ofPlace(World world, int place, SplittableRandom random) {
    City city = World.city(place);
    double[] at = world.placePoint(place);
    SpatialFacet facet = switch (random.nextInt(4)) {
      case 0 -> SpatialFacet.ofWkt(hexagon(at[0], at[1], 2 + 2 * random.nextDouble()));
      case 1 -> SpatialFacet.point(at[0], at[1], city.elevation());
      default -> SpatialFacet.point(at[0], at[1]);
    };
    return facet.withProperties(Map.of("country", Value.of(city.country()), "continent", Value.of(city.continent())));
  }

  /**
   * A closed hexagonal ring of the given radius around (lat, lon), {@code lon lat} order,
   * counter-clockwise. No sample city lies within 0.5° of the antimeridian (CitiesTest checks),
   * far more than a ring of a few km around a site at most 5 km out, so no ring crosses it.
   */
  static String hexagon(double lat, double lon, double radiusKm) {
    StringBuilder wkt = new StringBuilder("POLYGON ((");
    String first = null;
    for (int i = 0; i < 6; i++) {
      double angle = Math.toRadians(60 * i);
      double y = round(lat + radiusKm * Math.sin(angle) / KM_PER_DEGREE);
      double x = round(lon + radiusKm * Math.cos(angle) / (KM_PER_DEGREE * Math.cos(Math.toRadians(lat))));
      String vertex = String.format(Locale.ROOT, "%.6f %.6f", x, y);
      if (first == null) {
        first = vertex;
      }
      wkt.append(vertex).append(", ");
    }
    return wkt.append(first).append("))").toString();
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e6) / 1e6;
  }
}
