package org.verisimdb.engine;

import java.util.Optional;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;

/**
 * Reads and writes of octads: what a {@link Session} does each in its own transaction, and what a
 * {@link Transaction} does inside one. Every write is atomic across all modalities of the octad.
 */
public interface OctadAccess {

  /**
   * Creates an octad. Its id is the input's, or a new random UUID. An id that is in use is
   * OCTAD_ALREADY_EXISTS; the id of a deleted octad may be reused, and its version numbers
   * continue. Returns the octad as stored.
   */
  Octad create(OctadInput input);

  /** The live octad with this id, with its newest versions and its provenance chain. */
  Optional<Octad> get(OctadId id);

  default Optional<Octad> get(String id) {
    return get(OctadId.of(id));
  }

  /** True when a live octad with this id exists. */
  boolean exists(OctadId id);

  /**
   * Changes an octad as {@link OctadPatch} describes (per modality: replace, remove, set fields,
   * add or remove edges). A missing octad is OCTAD_NOT_FOUND. Returns the octad as stored.
   */
  Octad update(OctadId id, OctadPatch patch);

  /**
   * Deletes an octad and all its modalities; a missing octad is OCTAD_NOT_FOUND. Its version
   * history and provenance chain are kept. Returns the number of the deletion version.
   */
  long delete(OctadId id);

  /**
   * A page of live octads in id order, after {@code cursor} (null for the first page). The page's
   * {@link Page#nextCursor()} continues the listing; it is null on the last page.
   *
   * @param limit 1 to {@code vql.max_limit} octads per page
   */
  Page<Octad> list(String cursor, int limit);
}
