package org.verisimdb.index.geo;

import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * A latitude/longitude box as VQL §6.9 {@code WITHIN BOUNDS} reads it: minLat ≤ lat ≤ maxLat and,
 * when minLon ≤ maxLon, minLon ≤ lon ≤ maxLon; when minLon &gt; maxLon the box crosses the
 * antimeridian and holds lon ≥ minLon or lon ≤ maxLon. Edges are inside. Bad coordinates and
 * minLat &gt; maxLat are INVALID_SEARCH.
 */
public record GeoBox(double minLat, double minLon, double maxLat, double maxLon) {
  public GeoBox {
    GeoInputs.latitude(minLat, "min_lat");
    GeoInputs.longitude(minLon, "min_lon");
    GeoInputs.latitude(maxLat, "max_lat");
    GeoInputs.longitude(maxLon, "max_lon");
    if (minLat > maxLat) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "min_lat",
          "the box's minimum latitude " + minLat + " is above its maximum " + maxLat + "; swap them");
    }
  }

  /** True when the box crosses the antimeridian (minLon &gt; maxLon). */
  public boolean crossesAntimeridian() {
    return minLon > maxLon;
  }

  /** True when (lat, lon) lies in the box or on its edge. */
  public boolean contains(double lat, double lon) {
    if (lat < minLat || lat > maxLat) {
      return false;
    }
    return crossesAntimeridian() ? lon >= minLon || lon <= maxLon : lon >= minLon && lon <= maxLon;
  }
}
