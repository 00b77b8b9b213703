package org.verisimdb.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.facet.ProofType;
import org.verisimdb.model.facet.Seal;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.StoredProof;

/**
 * The JSON form of the SEMANTIC modality: types, properties in their JSON-LD forms, and the
 * stored proofs and seals with their binary parts in base64url. A proof's {@code type} is the
 * upper-case name VQL uses ({@code EXISTENCE}), as in certificates (VQL §7.7); a seal's
 * {@code level} is lower case ({@code standard}). Stateless and thread-safe.
 */
public final class SemanticJson {
  static final Members.Shape SEMANTIC = Members.Shape.of("semantic", List.of("types", "properties", "proofs", "seals"));
  static final Members.Shape PROOF = Members.Shape.of("a stored proof",
      List.of("type", "claim", "issuer", "key_id", "issued_at", "subject_hash", "data"));
  static final Members.Shape SEAL = Members.Shape.of("a seal",
      List.of("sanctifier", "key_id", "level", "content_hash", "sealed_at", "signature"));

  private SemanticJson() {}

  static Map<String, Object> semantic(SemanticFacet semantic) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("types", semantic.types());
    json.put("properties", semantic.properties());
    json.put("proofs", semantic.proofs().stream().map(SemanticJson::proof).toList());
    json.put("seals", semantic.seals().stream().map(SemanticJson::seal).toList());
    return json;
  }

  /** A stored proof as JSON: {type, claim, issuer, key_id, issued_at, subject_hash, data}. */
  public static Map<String, Object> proof(StoredProof proof) {
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

  /** A seal as JSON: {sanctifier, key_id, level, content_hash, sealed_at, signature}. */
  public static Map<String, Object> seal(Seal seal) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sanctifier", seal.sanctifier());
    json.put("key_id", seal.keyId());
    json.put("level", seal.level().wireName());
    json.put("content_hash", seal.contentHash());
    json.put("sealed_at", seal.sealedAt());
    json.put("signature", seal.signature());
    return json;
  }

  static SemanticFacet readSemantic(JsonNode node) {
    Members semantic = Members.read(node, "semantic", SEMANTIC);
    List<String> types = semantic.strings("types");
    var properties = ValueJson.readObject(semantic.get("properties"), semantic.path("properties"));
    List<StoredProof> proofs = list(semantic, "proofs", PROOF, SemanticJson::readProof);
    List<Seal> seals = list(semantic, "seals", SEAL, SemanticJson::readSeal);
    return new SemanticFacet(types, properties, proofs, seals);
  }

  private static <T> List<T> list(Members semantic, String name, Members.Shape shape, Function<Members, T> reader) {
    JsonNode array = semantic.array(name);
    List<T> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(reader.apply(Members.read(array.get(i), Nodes.element(semantic.path(name), i), shape)));
    }
    return out;
  }

  private static StoredProof readProof(Members proof) {
    ProofType type = ProofType.parse(proof.string("type"), proof.path("type"));
    String claim = proof.stringOrNull("claim");
    String issuer = proof.string("issuer");
    String keyId = proof.stringOrNull("key_id");
    Instant issuedAt = proof.timestamp("issued_at", ErrorCode.INVALID_SEMANTIC);
    String subjectHash = proof.stringOrNull("subject_hash");
    byte[] data = proof.base64url("data");
    return Nodes.build(proof.path(), () -> new StoredProof(type, claim, issuer, keyId, issuedAt, subjectHash, data));
  }

  private static Seal readSeal(Members seal) {
    String sanctifier = seal.string("sanctifier");
    String keyId = seal.stringOrNull("key_id");
    String levelName = seal.string("level");
    Seal.Level level = Nodes.build(seal.path(), () -> Seal.Level.parse(levelName));
    String contentHash = seal.string("content_hash");
    Instant sealedAt = seal.timestamp("sealed_at", ErrorCode.INVALID_SEMANTIC);
    byte[] signature = seal.base64url("signature");
    return Nodes.build(seal.path(), () -> new Seal(sanctifier, keyId, level, contentHash, sealedAt, signature));
  }
}
