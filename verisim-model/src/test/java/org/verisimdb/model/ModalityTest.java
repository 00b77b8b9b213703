package org.verisimdb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

class ModalityTest {

  @Test
  void tagsAreUniqueAndStable() {
    assertThat(Arrays.stream(Modality.values()).mapToInt(Modality::tag)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    for (Modality m : Modality.values()) {
      assertThat(Modality.ofTag(m.tag())).isEqualTo(m);
    }
  }

  @Test
  void parsesCaseInsensitivelyAndHintsMisspellings() {
    assertThat(Modality.parse("document")).isEqualTo(Modality.DOCUMENT);
    assertThatThrownBy(() -> Modality.parse("VECTR"))
        .isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("did you mean VECTOR?");
        });
  }

  @Test
  void onlyTheDatabaseWritesTemporalAndProvenance() {
    assertThat(Arrays.stream(Modality.values()).filter(m -> !m.userWritable())).containsExactly(Modality.TEMPORAL, Modality.PROVENANCE);
  }

  @Test
  void unknownStoredTagIsCorruption() {
    assertThatThrownBy(() -> Modality.ofTag(99))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT));
  }
}
