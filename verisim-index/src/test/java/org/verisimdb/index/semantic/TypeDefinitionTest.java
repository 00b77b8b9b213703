package org.verisimdb.index.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.model.write.OctadInput;

class TypeDefinitionTest {
  private static final TypeDefinition PERSON = TypeDefinition.of("https://schema.org/Person", List.of("Agent", "Named"),
      new Constraint.Required("name"),
      new Constraint.Pattern("email", ".+@.+"),
      new Constraint.Range("age", Value.of(0), null, true, false),
      new Constraint.Range("height", null, Value.of(2.5), false, true),
      new Constraint.Datatype("tags", Constraint.Kind.LIST),
      new Constraint.ContractRef("adult"));

  @Test
  void aDefinitionRoundTripsThroughItsOctad() {
    OctadInput input = PERSON.toOctadInput();
    assertThat(input.id().value()).startsWith(TypeDefinition.ID_PREFIX).hasSize(TypeDefinition.ID_PREFIX.length() + 64);
    assertThat(input.id()).isEqualTo(TypeDefinition.idOf("https://schema.org/Person"));
    assertThat(input.facets()).containsOnlyKeys(Modality.SEMANTIC);
    Octad stored = Octads.of(input.id().value(), input.facets().values().toArray(Facet[]::new));
    assertThat(TypeDefinition.isDefinition(stored)).isTrue();
    assertThat(TypeDefinition.fromOctad(stored)).isEqualTo(PERSON);
    assertThat(TypeDefinition.fromFacet(TypeDefinition.of("Plain", List.of()).toFacet())).isEqualTo(TypeDefinition.of("Plain", List.of()));
    assertThat(TypeDefinition.isDefinition(Octads.of("x"))).isFalse();
  }

  @Test
  void malformedDefinitionsAreRejectedWithTheirPath() {
    SemanticFacet good = PERSON.toFacet();
    assertThatThrownBy(() -> TypeDefinition.fromOctad(Octads.of("vs.type.wrong", good)))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.field()).isEqualTo("id"));
    rejects(with(good, "vs.format", Value.of(2)), "semantic.properties.vs.format");
    rejects(with(good, "vs.name", Value.of(1)), "semantic.properties.vs.name");
    rejects(with(good, "vs.supertypes", Value.from(List.of("ok", 3))), "semantic.properties.vs.supertypes[1]");
    rejects(with(good, "vs.constraints", Value.from(List.of(List.of("required", "a"), List.of("shout", "a")))),
        "semantic.properties.vs.constraints[1]");
    rejects(with(good, "vs.constraints", Value.from(List.of(List.of("pattern", "a", "[")))), "semantic.properties.vs.constraints[0]");
    rejects(with(good, "vs.constraints", Value.from(List.of(List.of("range", "a", "x", List.of(), true, true)))),
        "semantic.properties.vs.constraints[0][2]");
    rejects(SemanticFacet.of(List.of("NotADefinition"), good.properties()), "semantic.types");
  }

  private static SemanticFacet with(SemanticFacet facet, String key, Value value) {
    Map<String, Value> p = new TreeMap<>(facet.properties());
    p.put(key, value);
    return SemanticFacet.of(facet.types(), p);
  }

  private static void rejects(SemanticFacet facet, String field) {
    assertThatThrownBy(() -> TypeDefinition.fromFacet(facet)).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEMANTIC);
      assertThat(e.field()).isEqualTo(field);
    });
  }

  @Test
  void idsAreValidForAnyName() {
    String longIri = "https://example.org/" + "x".repeat(2000);
    assertThat(TypeDefinition.idOf(longIri).value()).hasSize(72);
    assertThat(TypeDefinition.idOf("A")).isNotEqualTo(TypeDefinition.idOf("a"));
    assertThat(OctadId.of(TypeDefinition.idOf("Person").value())).isEqualTo(TypeDefinition.idOf("Person"));
  }
}
