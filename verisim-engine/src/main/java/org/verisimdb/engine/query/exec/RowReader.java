package org.verisimdb.engine.query.exec;

import java.util.Iterator;
import org.verisimdb.engine.query.row.Incoming;
import org.verisimdb.engine.query.row.OctadRow;
import org.verisimdb.model.OctadId;

/**
 * The read view of one statement (VQL.md §5.1 step 2): octads as the statement sees them, now or
 * as of a time or version, with the incoming edges of that same view.
 */
interface RowReader {

  /** The row of {@code id}: the octad in the view, or a dangling node (no modalities) when it has none. */
  OctadRow row(OctadId id);

  /** True when the octad exists in the view. */
  default boolean exists(OctadId id) {
    return row(id).octad() != null;
  }

  /** Every octad of the view, in id order, read lazily. */
  Iterator<OctadId> ids();

  /** Incoming edges in the view. */
  Incoming incoming();

  /** Every version record of the octad, oldest first (its TEMPORAL lists only the newest few). */
  java.util.List<org.verisimdb.model.facet.VersionRecord> versions(org.verisimdb.model.Octad octad);

  /** The number of octads in the view, or an estimate when counting would read them all. */
  long size();
}
