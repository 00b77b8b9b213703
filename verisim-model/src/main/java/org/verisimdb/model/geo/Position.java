package org.verisimdb.model.geo;

import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * A WGS 84 position in degrees. Longitude first, as in WKT.
 *
 * @param lon longitude in [−180, 180]
 * @param lat latitude in [−90, 90]
 */
public record Position(double lon, double lat) {
  public Position {
    requireLatitude(lat, "lat");
    requireLongitude(lon, "lon");
  }

  public static double requireLatitude(double lat, String field) {
    if (!(lat >= -90 && lat <= 90)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_COORDINATE, field,
          "latitude " + lat + " is outside [-90, 90]" + (Math.abs(lat) <= 180 ? "; are latitude and longitude swapped?" : ""));
    }
    return lat;
  }

  public static double requireLongitude(double lon, String field) {
    if (!(lon >= -180 && lon <= 180)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_COORDINATE, field, "longitude " + lon + " is outside [-180, 180]");
    }
    return lon;
  }
}
