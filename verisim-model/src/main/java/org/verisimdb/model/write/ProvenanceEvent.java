package org.verisimdb.model.write;

import org.verisimdb.model.Limits;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.facet.ProvenanceRecord;

/**
 * A provenance event a writer records with a write, appended to the octad's chain after the
 * record the database appends itself. {@code actor} defaults to the writing principal;
 * {@code source} and {@code description} may be null.
 */
public record ProvenanceEvent(String eventType, String actor, String source, String description) {
  public ProvenanceEvent {
    ProvenanceRecord.requireEventType(eventType, "provenance.event_type");
    if (actor != null) {
      Limits.requireShortText(actor, Limits.MAX_SHORT_TEXT, ErrorCode.INVALID_PROVENANCE, "provenance.actor", "actor");
    }
    if (source != null) {
      Limits.requireShortText(source, Limits.MAX_SHORT_TEXT, ErrorCode.INVALID_PROVENANCE, "provenance.source", "source");
    }
    if (description != null) {
      Limits.requireText(description, ProvenanceRecord.MAX_DESCRIPTION, ErrorCode.INVALID_PROVENANCE, "provenance.description",
          "description");
    }
  }

  public static ProvenanceEvent of(String eventType, String source, String description) {
    return new ProvenanceEvent(eventType, null, source, description);
  }
}
