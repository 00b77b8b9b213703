package org.verisimdb.index.geo;

import org.verisimdb.model.OctadId;

/** An octad a distance search found, with the great-circle distance ({@link GeoDistance}) of its representative point. */
public record GeoHit(OctadId id, double distanceKm) {
  public GeoHit {
    if (id == null || !(distanceKm >= 0)) {
      throw new IllegalArgumentException("bad geo hit " + id + " at " + distanceKm + " km");
    }
  }
}
