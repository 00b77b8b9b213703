package org.verisimdb.engine.query.row;

import org.verisimdb.engine.json.SemanticJson;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.vql.ast.Value;

/**
 * SEMANTIC fields (VQL.md §4.3): {@code types}, {@code properties} (an object in key order),
 * {@code properties.<key>}, and the stored {@code proofs} and {@code seals}. As in the octad
 * JSON, a proof's {@code type} is the upper-case VQL name ({@code INTEGRITY}), a seal's
 * {@code level} is lower case, times are timestamps and binary parts are base64url strings.
 * Thread-safe.
 */
final class SemanticFields implements ModalityFields {
  private final SemanticFacet semantic;

  SemanticFields(SemanticFacet semantic) {
    this.semantic = semantic;
  }

  @Override
  public Value field(String name) {
    return switch (name) {
      case "types" -> RowValues.strings(semantic.types());
      case "proofs" -> RowValues.fromJson(semantic.proofs().stream().map(SemanticJson::proof).toList());
      case "seals" -> RowValues.fromJson(semantic.seals().stream().map(SemanticJson::seal).toList());
      default -> RowValues.properties(semantic.properties(), name);
    };
  }
}
