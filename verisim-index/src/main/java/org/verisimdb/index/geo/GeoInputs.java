package org.verisimdb.index.geo;

import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/** Checks of the numbers a spatial search is given; each failure is INVALID_SEARCH naming the value. Stateless. */
final class GeoInputs {
  private GeoInputs() {}

  static double latitude(double lat, String field) {
    if (!(lat >= -90 && lat <= 90)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, field, "latitude " + lat + " is outside [-90, 90]"
          + (Math.abs(lat) <= 180 ? "; are latitude and longitude swapped?" : "; give degrees north, -90 to 90"));
    }
    return lat;
  }

  static double longitude(double lon, String field) {
    if (!(lon >= -180 && lon <= 180)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, field, "longitude " + lon + " is outside [-180, 180]; give degrees east, -180 to 180");
    }
    return lon;
  }

  static double radiusKm(double km) {
    if (!(km >= 0) || Double.isInfinite(km)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "km", "the radius " + km + " km must be a finite number >= 0");
    }
    return km;
  }

  static int count(int n, String field) {
    if (n < 1) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, field, field + " is " + n + "; ask for at least 1 octad");
    }
    return n;
  }

  static double metres(double m, String field) {
    if (!Double.isFinite(m)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, field, "altitude " + m + " is not a finite number of metres");
    }
    return m;
  }
}
