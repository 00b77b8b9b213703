package org.verisimdb.index.geo;

/**
 * Great-circle distance as VQL §6.9 defines it: the haversine formula on a sphere of radius
 * {@value #EARTH_RADIUS_KM} km, in kilometres. Computed with {@link StrictMath}, so the same
 * coordinates give the same bits on every JVM and platform, and symmetric in its two points:
 * the index and any other evaluator of a SPATIAL predicate agree exactly. Stateless.
 */
public final class GeoDistance {
  /** The sphere VQL measures on, in kilometres. */
  public static final double EARTH_RADIUS_KM = 6371.0;
  /** Half the circumference: no two points are farther apart. */
  public static final double MAX_KM = Math.PI * EARTH_RADIUS_KM;

  private GeoDistance() {}

  /** The distance in kilometres between (lat1, lon1) and (lat2, lon2), in degrees. */
  public static double km(double lat1, double lon1, double lat2, double lon2) {
    double sinLat = StrictMath.sin(StrictMath.toRadians(lat2 - lat1) / 2);
    double sinLon = StrictMath.sin(StrictMath.toRadians(lon2 - lon1) / 2);
    double a = sinLat * sinLat + StrictMath.cos(StrictMath.toRadians(lat1)) * StrictMath.cos(StrictMath.toRadians(lat2)) * sinLon * sinLon;
    return 2 * EARTH_RADIUS_KM * StrictMath.asin(Math.min(1, StrictMath.sqrt(a)));
  }
}
