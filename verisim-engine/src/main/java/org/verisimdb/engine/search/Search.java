package org.verisimdb.engine.search;

import org.verisimdb.index.provenance.ProvenanceSearch;

/**
 * Searches over the modality indexes. Each search sees every commit that returned before it
 * started, runs on one index view, and returns the octads it found as they stood at that view's
 * LSN ({@link Hits#lsn()}). Results are bounded by the limit the caller gives (1 to
 * {@code vql.max_limit}). Searches run outside transactions: a transaction's own uncommitted
 * writes are not in the indexes.
 */
public interface Search {

  /** Octads with a provenance record matching every given part of {@code query}, in id order; score = matching records. */
  Hits provenance(ProvenanceSearch query, int limit);
}
