package org.verisimdb.index.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;

class SnippetsTest {
  // Each sentence is a passage of its own.
  private static final String FOG = "Fog rolled over the harbour at dawn, thick and grey, and hid the breakwater, the cranes and the long row of warehouses.";
  private static final String SHIPS = "Nobody on the quay saw the ships leave, though the watchman swore he heard their engines turning somewhere out in the murk.";
  private static final String NOON = "By noon the harbour lights were lit again & the bell <rang> from the tower over the fish market, calling the boats home.";
  private static final DocumentFacet DOC = DocumentFacet.of(Map.of(
      "title", "The Old Harbour", "body", FOG + " " + SHIPS + " " + NOON, "tag", "harbour town", "year", 1901L));

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Test
  void marksMatchesInTitleBodyAndFieldsInThatOrder() {
    assertThat(Snippets.highlight(TextQuery.allTerms("harbour"), DOC, 10)).containsExactly(
        new Snippet("title", "The Old <b>Harbour</b>"),
        new Snippet("body", FOG.replace("harbour", "<b>harbour</b>")),
        new Snippet("body", html(NOON).replace("harbour", "<b>harbour</b>")),
        new Snippet("tag", "<b>harbour</b> town"));
  }

  @Test
  void maxPassagesCountsAcrossFields() {
    assertThat(Snippets.highlight(TextQuery.allTerms("harbour"), DOC, 2)).extracting(Snippet::field).containsExactly("title", "body");
    assertThatThrownBy(() -> Snippets.highlight(TextQuery.allTerms("harbour"), DOC, 0)).isInstanceOf(VeriSimException.class);
  }

  @Test
  void phrasesPrefixesFuzzyTermsAndFieldsMarkWhatTheyMatch() {
    assertThat(Snippets.highlight(TextQuery.parse("\"harbour lights\""), DOC, 5)).extracting(Snippet::text)
        .containsExactly(html(NOON).replace("harbour lights", "<b>harbour lights</b>"));
    assertThat(Snippets.highlight(TextQuery.parse("title:harb*"), DOC, 5)).containsExactly(new Snippet("title", "The Old <b>Harbour</b>"));
    assertThat(Snippets.highlight(TextQuery.parse("shipz~1"), DOC, 5)).extracting(Snippet::text)
        .containsExactly(SHIPS.replace("ships", "<b>ships</b>"));
  }

  @Test
  void negatedTermsAndComparisonsMarkNothing() {
    assertThat(Snippets.highlight(TextQuery.parse("fog NOT harbour"), DOC, 5)).extracting(Snippet::text)
        .containsExactly(FOG.replace("Fog", "<b>Fog</b>"));
    assertThat(Snippets.highlight(TextQuery.fieldEquals("tag", org.verisimdb.model.value.Value.of("harbour town")), DOC, 5)).isEmpty();
    assertThat(Snippets.highlight(TextQuery.allTerms("mountain"), DOC, 5)).isEmpty();
  }

  @Test
  void marksAreConfigurable() {
    Snippets plain = Snippets.marking("[", "]", false);
    assertThat(plain.passages(TextQuery.allTerms("bell"), DOC, 5)).extracting(Snippet::text)
        .containsExactly(NOON.replace("bell", "[bell]"));
  }
}
