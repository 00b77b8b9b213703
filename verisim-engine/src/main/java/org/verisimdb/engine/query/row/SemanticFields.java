package org.verisimdb.engine.query.row;

import java.util.LinkedHashMap;
import java.util.Map;
import org.verisimdb.model.facet.Seal;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.StoredProof;
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
      case "proofs" -> RowValues.fromJson(semantic.proofs().stream().map(SemanticFields::proof).toList());
      case "seals" -> RowValues.fromJson(semantic.seals().stream().map(SemanticFields::seal).toList());
      default -> RowValues.properties(semantic.properties(), name);
    };
  }

  private static Map<String, Object> proof(StoredProof proof) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", proof.type().name());
    json.put("claim", proof.claim());
    json.put("issuer", proof.issuer());
    json.put("key_id", proof.keyId());
    json.put("issued_at", proof.issuedAt());
    json.put("subject_hash", proof.subjectHash());
    json.put("data", proof.data());
    return json;
  }

  private static Map<String, Object> seal(Seal seal) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sanctifier", seal.sanctifier());
    json.put("key_id", seal.keyId());
    json.put("level", seal.level().wireName());
    json.put("content_hash", seal.contentHash());
    json.put("sealed_at", seal.sealedAt());
    json.put("signature", seal.signature());
    return json;
  }
}
