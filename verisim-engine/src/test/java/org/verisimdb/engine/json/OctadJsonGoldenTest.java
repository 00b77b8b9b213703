package org.verisimdb.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Octad;

/**
 * The JSON of one octad with every modality, byte for byte. Run with {@code -Dgolden.update=true}
 * to rewrite the expected file, then review its diff like code (STYLE rule 15).
 */
class OctadJsonGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/org/verisimdb/engine/json/all-modalities.json");

  @Test
  void allModalitiesMatchTheGoldenFile() throws IOException {
    String json = OctadJson.toJson(AllModalities.octad());
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, json, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(GOLDEN, StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @Test
  void theGoldenFileReadsBackToTheOctad() throws IOException {
    Octad read = OctadJson.read(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    assertThat(read).isEqualTo(AllModalities.octad());
    assertThat(read.provenance().orElseThrow().verify().valid()).isTrue();
  }
}
