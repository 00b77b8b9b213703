package org.verisimdb.model.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HintsTest {

  @Test
  void distanceCountsTranspositionsAsOneEdit() {
    assertThat(Hints.distance("graph", "grpah")).isEqualTo(1);
    assertThat(Hints.distance("vector", "vectr")).isEqualTo(1);
    assertThat(Hints.distance("abc", "abc")).isZero();
    assertThat(Hints.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void suggestsOnlyWithinDistanceTwo() {
    assertThat(Hints.closest("documnt", List.of("DOCUMENT", "GRAPH"))).contains("DOCUMENT");
    assertThat(Hints.closest("xyzzy", List.of("DOCUMENT", "GRAPH"))).isEmpty();
  }

  @Test
  void tiesGoToTheAlphabeticallyFirst() {
    assertThat(Hints.closest("cat", List.of("cut", "bat", "cap"))).contains("bat");
  }
}
