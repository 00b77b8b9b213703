package org.verisimdb.engine.query.row;

import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.vql.ast.Value;

/**
 * DOCUMENT fields (VQL.md §4.3): every stored field by its full dotted name, so
 * {@code DOCUMENT.a.b} is the field {@code a.b}; a field the document lacks is NULL. A timestamp
 * written into a document is stored as its canonical string and comes back as that string.
 * Thread-safe.
 */
final class DocumentFields implements ModalityFields {
  private final DocumentFacet document;

  DocumentFields(DocumentFacet document) {
    this.document = document;
  }

  @Override
  public Value field(String name) {
    org.verisimdb.model.value.Value value = document.field(name);
    return value == null ? Value.NULL : RowValues.of(value);
  }
}
