package org.verisimdb.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.index.semantic.Constraint;
import org.verisimdb.index.semantic.Contract;
import org.verisimdb.index.semantic.TypeDefinition;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;

/** Types stored as octads, their constraints enforced on every write, supertypes followed. */
class SchemaTest {
  @TempDir
  Path dir;

  static final DatabaseConfig CONFIG = DatabaseConfig.defaults().withBackend("memory").withAutoEmbedding(false);

  static OctadInput person(String id, Map<String, Value> properties, String... types) {
    return OctadInput.builder().id(id).with(SemanticFacet.of(List.of(types), properties)).with(DocumentFacet.of(id, null)).build();
  }

  static void defineTypes(Database db) {
    db.schema().defineType(TypeDefinition.of("Person", List.of(), new Constraint.Required("name"),
        new Constraint.Pattern("email", "[^@\\s]+@[^@\\s]+")));
    db.schema().defineType(TypeDefinition.of("Employee", List.of("Person"),
        new Constraint.Range("age", Value.from(16), Value.from(100), true, true)));
  }

  static void assertRefused(Runnable write, ErrorCode code) {
    assertThatThrownBy(write::run).isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void constraintsOfATypeAndItsSupertypesAreEnforced() {
    try (Database db = VeriSimDB.openInMemory(CONFIG)) {
      defineTypes(db);
      assertThat(db.schema().types().supertypes("Employee")).containsExactly("Person");
      db.create(person("ann", Map.of("name", Value.from("Ann"), "email", Value.from("ann@example.org"), "age", Value.from(40)), "Employee"));
      long before = db.stats().octads();
      assertRefused(() -> db.create(person("bob", Map.of("email", Value.from("bob@example.org")), "Employee")), ErrorCode.CONSTRAINT_VIOLATION);
      assertRefused(() -> db.create(person("cid", Map.of("name", Value.from("Cid"), "age", Value.from(12)), "Employee")),
          ErrorCode.CONSTRAINT_VIOLATION);
      assertRefused(() -> db.create(person("dan", Map.of("name", Value.from("Dan"), "email", Value.from("not an address")), "Person")),
          ErrorCode.CONSTRAINT_VIOLATION);
      assertThat(db.stats().octads()).isEqualTo(before);
      assertRefused(() -> db.update(OctadId.of("ann"), OctadPatch.builder().replace(SemanticFacet.of(List.of("Employee"), Map.of("age",
          Value.from(30)))).build()), ErrorCode.CONSTRAINT_VIOLATION);
      assertThat(db.get("ann").orElseThrow().version()).isEqualTo(1);
      // an untyped octad, or one of an undefined type, is free
      db.create(person("eve", Map.of(), "Robot"));
    }
  }

  @Test
  void aBadHierarchyIsRefused() {
    try (Database db = VeriSimDB.openInMemory(CONFIG)) {
      defineTypes(db);
      assertRefused(() -> db.schema().defineType(TypeDefinition.of("Intern", List.of("Student"))), ErrorCode.SCHEMA_NOT_FOUND);
      assertRefused(() -> db.schema().defineType(TypeDefinition.of("Person", List.of("Employee"))), ErrorCode.INVALID_SEMANTIC);
      assertRefused(() -> db.schema().dropType("Person"), ErrorCode.INVALID_SEMANTIC);
      assertRefused(() -> db.schema().defineType(TypeDefinition.of("Audited", List.of(), new Constraint.ContractRef("NoSuch"))),
          ErrorCode.SCHEMA_NOT_FOUND);
      db.schema().dropType("Employee");
      assertThat(db.schema().types().types()).containsExactly("Person");
    }
  }

  @Test
  void contractsAreEvaluatedOnWrite() {
    try (Database db = VeriSimDB.openInMemory(CONFIG)) {
      db.schema().registerContract(Contract.of("HasTitle", Map.of(), o -> o.document().map(d -> d.title() != null).orElse(null)));
      db.schema().defineType(TypeDefinition.of("Report", List.of(), new Constraint.ContractRef("HasTitle")));
      db.create(OctadInput.builder().id("r1").with(SemanticFacet.of(List.of("Report"), Map.of())).with(DocumentFacet.of("T", "b")).build());
      assertRefused(() -> db.create(OctadInput.builder().id("r2").with(SemanticFacet.of(List.of("Report"), Map.of()))
          .with(DocumentFacet.of(null, "only a body")).build()), ErrorCode.CONSTRAINT_VIOLATION);
    }
  }

  @Test
  void typesSurviveReopeningAndContractsMustBeRegisteredAgain() {
    Path path = dir.resolve("db");
    try (Database db = VeriSimDB.open(path, CONFIG)) {
      defineTypes(db);
      db.schema().registerContract(Contract.of("Always", Map.of(), o -> true));
      db.schema().defineType(TypeDefinition.of("Checked", List.of(), new Constraint.ContractRef("Always")));
    }
    try (Database db = VeriSimDB.open(path, CONFIG)) {
      assertThat(db.schema().types().types()).containsExactlyInAnyOrder("Person", "Employee", "Checked");
      assertRefused(() -> db.create(person("x", Map.of(), "Employee")), ErrorCode.CONSTRAINT_VIOLATION);
      assertRefused(() -> db.create(person("y", Map.of(), "Checked")), ErrorCode.SCHEMA_NOT_FOUND);
      db.schema().registerContract(Contract.of("Always", Map.of(), o -> true));
      db.create(person("y", Map.of(), "Checked"));
    }
  }
}
