package org.verisimdb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

class OctadIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "station-0042", "lab_3", "urn:isbn:0451450523", "v1.2", "550e8400-e29b-41d4-a716-446655440000", "A-Z.a_z:0-9"})
  void acceptsTheIdSyntax(String id) {
    assertThat(OctadId.of(id).value()).isEqualTo(id);
  }

  @Test
  void acceptsExactly128Characters() {
    assertThat(OctadId.of("x".repeat(128)).value()).hasSize(128);
    assertThatThrownBy(() -> OctadId.of("x".repeat(129)))
        .isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID);
          assertThat(e.getMessage()).contains("129 characters").contains("128");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "slash/no", "é", "tab\t", "semi;colon", "quote'"})
  void rejectsEverythingElseWithAnInvalidIdError(String id) {
    assertThatThrownBy(() -> OctadId.of(id))
        .isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID);
          assertThat(e.field()).isEqualTo("id");
        });
  }

  @Test
  void namesTheOffendingCharacterAndItsPosition() {
    assertThatThrownBy(() -> OctadId.of("ab c")).hasMessageContaining("a space at position 3");
    assertThatThrownBy(() -> OctadId.of("caf\u00e9")).hasMessageContaining("U+00E9").hasMessageContaining("position 4");
  }

  @Test
  void nullIsAnInvalidId() {
    assertThatThrownBy(() -> OctadId.of(null))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID));
  }

  @Test
  void randomIdsAreDistinctVersion4Uuids() {
    Set<OctadId> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      OctadId id = OctadId.random();
      assertThat(id.isUuid()).isTrue();
      assertThat(id.value()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(seen.add(id)).isTrue();
    }
  }

  @Test
  void idsAreCaseSensitive() {
    assertThat(OctadId.of("Lab")).isNotEqualTo(OctadId.of("lab"));
  }
}
