package org.verisimdb.engine.query.row;

import org.verisimdb.vql.ast.Value;

/**
 * The fields of one modality of one row, by canonical name (the field path joined by dots). An
 * implementation may keep what it computed, so it is thread-safe only where it says so; each
 * belongs to one {@link OctadRow}.
 */
sealed interface ModalityFields
    permits GraphFields, VectorFields, TensorFields, SemanticFields, DocumentFields, TemporalFields, ProvenanceFields, SpatialFields {

  /** The value of field {@code name}, or {@link Value#NULL} when the field is unknown or has no value. */
  Value field(String name);
}
