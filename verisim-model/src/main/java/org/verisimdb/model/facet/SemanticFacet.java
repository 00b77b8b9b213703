package org.verisimdb.model.facet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.value.Iris;
import org.verisimdb.model.value.Value;

/**
 * What an octad is: its types (names or IRIs, in the order given, duplicates dropped), typed
 * properties (any {@link Value}, including language-tagged strings, typed literals, references
 * and collections), and the proofs and seals attached to it. Present iff any of the four is
 * non-empty.
 */
public record SemanticFacet(List<String> types, SortedMap<String, Value> properties, List<StoredProof> proofs, List<Seal> seals)
    implements Facet {

  public SemanticFacet {
    types = types == null ? List.of() : List.copyOf(new LinkedHashSet<>(types));
    for (int i = 0; i < types.size(); i++) {
      Iris.require(types.get(i), ErrorCode.INVALID_SEMANTIC, "semantic.types[" + i + "]", "type");
    }
    Limits.requireCount(types, Limits.MAX_TYPES, "semantic.types", "types");
    properties = properties(properties);
    proofs = proofs == null ? List.of() : List.copyOf(proofs);
    seals = seals == null ? List.of() : List.copyOf(seals);
    Limits.requireCount(proofs, Limits.MAX_PROOFS, "semantic.proofs", "stored proofs");
    Limits.requireCount(seals, Limits.MAX_PROOFS, "semantic.seals", "seals");
    if (types.isEmpty() && properties.isEmpty() && proofs.isEmpty() && seals.isEmpty()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "semantic",
          "a semantic modality needs a type, a property, a proof or a seal; omit the modality instead");
    }
  }

  /** Types and properties only. */
  public static SemanticFacet of(List<String> types, Map<String, Value> properties) {
    return new SemanticFacet(types, properties == null ? null : new TreeMap<>(properties), List.of(), List.of());
  }

  private static SortedMap<String, Value> properties(Map<String, Value> given) {
    if (given == null || given.isEmpty()) {
      return Collections.emptySortedMap();
    }
    Limits.requireCount(given, Limits.MAX_FIELDS, "semantic.properties", "properties");
    TreeMap<String, Value> copy = new TreeMap<>();
    for (Map.Entry<String, Value> entry : given.entrySet()) {
      String key = entry.getKey();
      Limits.requireName(key, ErrorCode.INVALID_SEMANTIC, "semantic.properties", "property name");
      String field = "semantic.properties." + key;
      Value value = entry.getValue();
      if (value == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, field, "property '" + key + "' has no value; omit it instead");
      }
      checkLength(value, field);
      copy.put(key, value);
    }
    return Collections.unmodifiableSortedMap(copy);
  }

  private static void checkLength(Value value, String field) {
    switch (value) {
      case Value.Str(String s) -> Limits.requireText(s, Limits.MAX_STRING_LENGTH, ErrorCode.INVALID_SEMANTIC, field, "property value");
      case Value.Seq(List<Value> items) -> {
        for (Value item : items) {
          checkLength(item, field);
        }
      }
      default -> { }
    }
  }

  @Override
  public Modality modality() {
    return Modality.SEMANTIC;
  }

  /** True when the octad declares {@code type} directly (supertypes are the index's business). */
  public boolean hasType(String type) {
    return types.contains(type);
  }

  /** A copy with extra stored proofs appended. */
  public SemanticFacet withProofs(List<StoredProof> more) {
    List<StoredProof> all = new ArrayList<>(proofs);
    all.addAll(more);
    return new SemanticFacet(types, properties, all, seals);
  }
}
