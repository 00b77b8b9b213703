package org.verisimdb.index.provenance;

import java.time.Instant;
import org.verisimdb.model.facet.ProvenanceRecord;

/** A search of provenance records: by actor, event type and time range, each optional. */
public record ProvenanceSearch(String actor, String eventType, Instant from, Instant to) {
  public ProvenanceSearch {
    if (from != null && to != null && from.isAfter(to)) {
      throw org.verisimdb.model.error.VeriSimException.invalid(org.verisimdb.model.error.ErrorCode.INVALID_SEARCH, "from",
          "the time range starts (" + from + ") after it ends (" + to + "); swap the bounds");
    }
  }

  /** True when one record matches every given part. */
  public boolean matches(ProvenanceRecord r) {
    return (actor == null || actor.equals(r.actor()))
        && (eventType == null || eventType.equals(r.eventType()))
        && (from == null || !r.timestamp().isBefore(from))
        && (to == null || !r.timestamp().isAfter(to));
  }

  /** The index query whose hits include every octad with a matching record. */
  public org.apache.lucene.search.Query candidates() {
    return ProvenanceFields.candidates(actor, eventType, from, to);
  }
}
