package org.verisimdb.engine;

import java.util.List;

/**
 * One page of a listing and the opaque cursor that continues it (null on the last page).
 * Cursors stay valid while the database is open and across restarts; they name a position in
 * id order, so octads created behind the cursor are not seen by the rest of the listing.
 */
public record Page<T>(List<T> items, String nextCursor) {
  public Page {
    items = List.copyOf(items);
  }

  public boolean hasMore() {
    return nextCursor != null;
  }
}
