package org.verisimdb.index.semantic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.model.value.Iris;
import org.verisimdb.model.write.OctadInput;

/**
 * A semantic type as a schema declares it: its name (a bare name or an IRI, as octads write
 * their types), its direct supertypes, and the constraints its octads must meet. Octads of a
 * type must also meet the constraints of every supertype.
 *
 * <p>A definition is stored as an ordinary octad ({@link #toOctadInput}), so it is logged,
 * versioned and backed up like data: id {@code vs.type.} + the SHA-256 of the name, semantic type
 * {@value #MARKER_TYPE}, the definition in properties ({@link TypeDefinitionFormatV1}).
 */
public record TypeDefinition(String name, List<String> supertypes, List<Constraint> constraints) {
  /** The semantic type of the octads that store type definitions. */
  public static final String MARKER_TYPE = "vs:TypeDefinition";
  /** The start of the id of every type definition octad. */
  public static final String ID_PREFIX = "vs.type.";

  public TypeDefinition {
    Iris.require(name, ErrorCode.INVALID_SEMANTIC, "type.name", "type name");
    supertypes = supertypes == null ? List.of() : List.copyOf(supertypes);
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < supertypes.size(); i++) {
      String s = Iris.require(supertypes.get(i), ErrorCode.INVALID_SEMANTIC, "type.supertypes[" + i + "]", "supertype");
      if (s.equals(name)) {
        throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "type.supertypes[" + i + "]",
            "type '" + name + "' names itself as a supertype; remove it");
      }
      if (!seen.add(s)) {
        throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "type.supertypes[" + i + "]",
            "type '" + name + "' names supertype '" + s + "' twice; name it once");
      }
    }
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
  }

  public static TypeDefinition of(String name, List<String> supertypes, Constraint... constraints) {
    return new TypeDefinition(name, supertypes, List.of(constraints));
  }

  /** The id of the octad that stores the definition of {@code typeName}. */
  public static OctadId idOf(String typeName) {
    return OctadId.of(ID_PREFIX + Sha256.hex(typeName));
  }

  /** The id of the octad that stores this definition. */
  public OctadId id() {
    return idOf(name);
  }

  /** Fails with SCHEMA_NOT_FOUND when a contract this type refers to is not in {@code contracts}. */
  public void requireContracts(ContractRegistry contracts) {
    for (Constraint c : constraints) {
      if (c instanceof Constraint.ContractRef(String contract)) {
        contracts.require(contract, "type '" + name + "'");
      }
    }
  }

  /** The semantic modality of the definition's octad. */
  public SemanticFacet toFacet() {
    return TypeDefinitionFormatV1.write(this);
  }

  /** An input that creates the definition's octad. */
  public OctadInput toOctadInput() {
    return OctadInput.builder().id(id()).with(toFacet()).build();
  }

  /** True when {@code octad} stores a type definition (it has the marker type). */
  public static boolean isDefinition(Octad octad) {
    return octad.semantic().map(s -> s.hasType(MARKER_TYPE)).orElse(false);
  }

  /** Reads a definition back from its octad; INVALID_SEMANTIC when the octad does not hold a valid one. */
  public static TypeDefinition fromOctad(Octad octad) {
    SemanticFacet facet = octad.semantic().orElseThrow(() -> VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "semantic",
        "octad " + octad.id() + " has no semantic modality, so it holds no type definition"));
    TypeDefinition definition = fromFacet(facet);
    if (!definition.id().equals(octad.id())) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "id", "octad " + octad.id() + " holds the definition of '"
          + definition.name() + "', whose octad id is " + definition.id() + "; store each definition under its own id");
    }
    return definition;
  }

  /** Reads a definition from the semantic modality of its octad. */
  public static TypeDefinition fromFacet(SemanticFacet facet) {
    return TypeDefinitionFormatV1.read(facet);
  }
}
