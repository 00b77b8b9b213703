package org.verisimdb.index.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Octad;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.value.Value;

class ConstraintsTest {
  private static final Contract ADULT = Contract.of("adult", Map.of("age", Value.of(18)), octad -> {
    Value age = octad.semantic().map(s -> s.properties().get("age")).orElse(null);
    return age instanceof Value.Int(long a) ? a >= 18 : null; // unknown without an age
  });
  private static final Contract BROKEN = Contract.of("broken", Map.of(), octad -> {
    throw new IllegalStateException("boom");
  });
  private static final ContractRegistry CONTRACTS = ContractRegistry.of(ADULT, BROKEN);

  /** Agent ← Person ← Employee; Person declares most constraints, so Employee inherits them. */
  private static final TypeHierarchy TYPES = TypeHierarchy.of(List.of(
      TypeDefinition.of("Agent", List.of(), new Constraint.Required("name")),
      TypeDefinition.of("Person", List.of("Agent"),
          new Constraint.Pattern("email", "[^@\\s]+@[^@\\s]+"),
          new Constraint.Range("age", Value.of(0), Value.of(130.5), true, false),
          new Constraint.Datatype("age", Constraint.Kind.INTEGER),
          new Constraint.Datatype("tags", Constraint.Kind.STRING)),
      TypeDefinition.of("Employee", List.of("Person"), new Constraint.Required("employer"), new Constraint.ContractRef("adult")),
      TypeDefinition.of("Fragile", List.of(), new Constraint.ContractRef("broken")),
      TypeDefinition.of("Listy", List.of(), new Constraint.Datatype("tags", Constraint.Kind.LIST))), CONTRACTS);

  private static Octad octad(List<String> types, Map<String, Value> props) {
    return Octads.of("o", SemanticFacet.of(types, new TreeMap<>(props)));
  }

  private static List<String> problems(List<String> types, Map<String, Value> props) {
    return Constraints.check(octad(types, props), TYPES, CONTRACTS).stream()
        .map(v -> v.declaredBy() + ":" + v.path() + ":" + v.constraint().getClass().getSimpleName()).toList();
  }

  @Test
  void validOctadsPass() {
    assertThat(problems(List.of("Employee"), Map.of("name", Value.of("Ann"), "email", Value.of("ann@example.org"), "age", Value.of(30),
        "employer", Value.of("ACME"), "tags", Value.from(List.of("a", "b"))))).isEmpty();
    assertThat(problems(List.of("Undefined"), Map.of())).isEmpty();
    assertThat(Constraints.check(Octads.of("plain"), TYPES, CONTRACTS)).isEmpty();
    // the upper bound is exclusive and compared exactly: 130 passes, 130.5 does not
    assertThat(problems(List.of("Person"), Map.of("name", Value.of("x"), "age", Value.of(130)))).isEmpty();
  }

  @Test
  void eachKindFailsWithItsPathAndDeclaringType() {
    assertThat(problems(List.of("Person"), Map.of())).containsExactly("Agent:semantic.properties.name:Required");
    assertThat(problems(List.of("Person"), Map.of("name", Value.of("x"), "email", Value.of("not-an-email"))))
        .containsExactly("Person:semantic.properties.email:Pattern");
    assertThat(problems(List.of("Person"), Map.of("name", Value.of("x"), "email", Value.of(5))))
        .containsExactly("Person:semantic.properties.email:Pattern");
    assertThat(problems(List.of("Person"), Map.of("name", Value.of("x"), "email", new Value.LangStr("a@b", "en")))).isEmpty();
    assertThat(problems(List.of("Person"), Map.of("name", Value.of("x"), "age", Value.of(-1))))
        .containsExactly("Person:semantic.properties.age:Range");
    assertThat(problems(List.of("Person"), Map.of("name", Value.of("x"), "age", Value.of(130.5))))
        .containsExactly("Person:semantic.properties.age:Range", "Person:semantic.properties.age:Datatype");
    assertThat(problems(List.of("Person"), Map.of("name", Value.of("x"), "age", Value.of("old"))))
        .containsExactly("Person:semantic.properties.age:Range", "Person:semantic.properties.age:Datatype");
    assertThat(problems(List.of("Person"), Map.of("name", Value.of("x"), "tags", Value.from(List.of("a", 2, "c")))))
        .containsExactly("Person:semantic.properties.tags[1]:Datatype");
    assertThat(problems(List.of("Listy"), Map.of("tags", Value.of("a")))).containsExactly("Listy:semantic.properties.tags:Datatype");
    assertThat(problems(List.of("Listy"), Map.of("tags", Value.from(List.of("a"))))).isEmpty();
  }

  @Test
  void inheritedConstraintsAndContractsApply() {
    assertThat(problems(List.of("Employee"), Map.of("age", Value.of(12))))
        .containsExactly("Employee:semantic.properties.employer:Required", "Employee:semantic:ContractRef",
            "Agent:semantic.properties.name:Required");
    // the contract is unknown without an age, and unknown passes
    assertThat(problems(List.of("Employee"), Map.of("name", Value.of("x"), "employer", Value.of("y")))).isEmpty();
    assertThat(problems(List.of("Fragile"), Map.of("x", Value.of(1)))).containsExactly("Fragile:semantic:ContractRef");
    // a facet alone cannot evaluate contracts
    assertThat(Constraints.check(SemanticFacet.of(List.of("Employee"), Map.of("name", Value.of("x"), "employer", Value.of("y"), "age",
        Value.of(3))), TYPES)).isEmpty();
    // types declared twice over (directly and as a supertype) are checked once
    assertThat(problems(List.of("Employee", "Person", "Agent"), Map.of("employer", Value.of("y"))))
        .containsExactly("Agent:semantic.properties.name:Required");
  }

  @Test
  void enforceListsEveryViolationUnderOneCode() {
    Octad bad = octad(List.of("Employee"), Map.of("age", Value.of(200), "email", Value.of("nope")));
    assertThatThrownBy(() -> Constraints.enforce(bad, TYPES, CONTRACTS)).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.CONSTRAINT_VIOLATION);
      assertThat(e.field()).isEqualTo("semantic");
      assertThat(e.getMessage()).startsWith("octad o breaks 4 constraints of its types: 1) ")
          .contains("property 'employer' is required by type 'Employee' but missing; set it")
          .contains("property 'email' is \"nope\", which does not match pattern '[^@\\s]+@[^@\\s]+' required by type 'Person'")
          .contains("property 'age' is 200, outside the range 0 ≤ age < 130.5 required by type 'Person'; give a value in range")
          .contains("4) property 'name' is required by type 'Agent'");
    });
    Octad one = octad(List.of("Agent"), Map.of("x", Value.of(1)));
    assertThatThrownBy(() -> Constraints.enforce(one, TYPES, CONTRACTS)).isInstanceOfSatisfying(VeriSimException.class,
        e -> assertThat(e.field()).isEqualTo("semantic.properties.name"));
  }

  @Test
  void definitionsAreCheckedWhenMade() {
    assertThatThrownBy(() -> new Constraint.Pattern("code", "[a-z")).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEMANTIC);
      assertThat(e.getMessage()).contains("'[a-z'");
    });
    assertThatThrownBy(() -> TypeHierarchy.of(List.of(TypeDefinition.of("T", List.of(), new Constraint.ContractRef("adlut"))), CONTRACTS))
        .isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_NOT_FOUND);
          assertThat(e.getMessage()).contains("did you mean adult?");
        });
    for (Runnable bad : List.<Runnable>of(
        () -> new Constraint.Range("a", null, null, true, true),
        () -> new Constraint.Range("a", Value.of(2), Value.of(1), true, true),
        () -> new Constraint.Range("a", Value.of(1), Value.of(1.0), true, false),
        () -> new Constraint.Range("a", Value.of("x"), null, true, true),
        () -> new Constraint.Required("not a name"),
        () -> new Constraint.Datatype("a", null),
        () -> new Constraint.ContractRef(" "))) {
      assertThatThrownBy(bad::run).isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEMANTIC));
    }
    assertThat(new Constraint.Range("a", Value.of(1), Value.of(1.0), true, true).contains(Value.of(1.0))).isTrue();
  }
}
