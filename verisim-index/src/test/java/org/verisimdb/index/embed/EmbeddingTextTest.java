package org.verisimdb.index.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;

/** Which text of a document is embedded. */
class EmbeddingTextTest {
  @Test
  void titleAndBodyByDefault() {
    EmbeddingText text = EmbeddingText.defaults();
    assertThat(text.textOf(DocumentFacet.of("Harbours", "Ships come and go."))).isEqualTo("Harbours\nShips come and go.");
    assertThat(text.textOf(DocumentFacet.of(null, "  only a body "))).isEqualTo("only a body");
    assertThat(text.textOf(DocumentFacet.of("only a title", null))).isEqualTo("only a title");
  }

  @Test
  void noTextIsNull() {
    assertThat(EmbeddingText.defaults().textOf(null)).isNull();
    assertThat(EmbeddingText.defaults().textOf(DocumentFacet.of(Map.of("year", 2020)))).isNull();
    assertThat(EmbeddingText.defaults().textOf(DocumentFacet.of(" ", "\n"))).isNull();
  }

  @Test
  void configuredFieldsInTheirOrderWithScalarsAsText() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("title", "Report");
    fields.put("summary", "short");
    fields.put("year", 2024);
    fields.put("draft", true);
    DocumentFacet doc = DocumentFacet.of(fields);
    assertThat(EmbeddingText.of(List.of("summary", "year", "missing", "draft", "title")).textOf(doc)).isEqualTo("short\n2024\ntrue\nReport");
  }

  @Test
  void longTextIsCutWithoutSplittingACharacter() {
    EmbeddingText text = new EmbeddingText(List.of("body"), 5);
    assertThat(text.textOf(DocumentFacet.of(null, "abcdefgh"))).isEqualTo("abcde");
    assertThat(text.textOf(DocumentFacet.of(null, "abcd\uD83D\uDE00x"))).isEqualTo("abcd");
  }

  @Test
  void badConfigurationsSayWhatToDo() {
    assertConfig(() -> EmbeddingText.of(List.of()), "at least one");
    assertConfig(() -> EmbeddingText.of(List.of("title", "title")), "listed twice");
    assertConfig(() -> EmbeddingText.of(List.of("no spaces")), "not a valid name");
    assertConfig(() -> new EmbeddingText(List.of("body"), 0), "use 1 to");
  }

  private static void assertConfig(Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
      assertThat(e.getMessage()).contains(message);
    });
  }
}
