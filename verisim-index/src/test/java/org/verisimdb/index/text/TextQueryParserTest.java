package org.verisimdb.index.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verisimdb.index.text.TextQuery.And;
import org.verisimdb.index.text.TextQuery.Fuzzy;
import org.verisimdb.index.text.TextQuery.Not;
import org.verisimdb.index.text.TextQuery.Or;
import org.verisimdb.index.text.TextQuery.Phrase;
import org.verisimdb.index.text.TextQuery.Prefix;
import org.verisimdb.index.text.TextQuery.Term;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.value.Value;

class TextQueryParserTest {
  private static Term t(String term) {
    return new Term(null, term);
  }

  @Test
  void bareTermsAreAllRequiredAndLowerCased() {
    assertThat(TextQuery.parse("Harbour")).isEqualTo(t("harbour"));
    assertThat(TextQuery.parse("  Harbour   LIGHTS ")).isEqualTo(new And(List.of(t("harbour"), t("lights"))));
    assertThat(TextQuery.parse("new-york")).isEqualTo(new And(List.of(t("new"), t("york"))));
    assertThat(TextQuery.parse("a AND b")).isEqualTo(TextQuery.parse("a b"));
    assertThat(TextQuery.parse("and or not")).isEqualTo(new And(List.of(t("and"), t("or"), t("not"))));
  }

  @Test
  void phrasesPrefixesAndFuzzyTerms() {
    assertThat(TextQuery.parse("\"Old Harbour\"")).isEqualTo(new Phrase(null, List.of("old", "harbour")));
    assertThat(TextQuery.parse("\"harbour!\"")).isEqualTo(t("harbour"));
    assertThat(TextQuery.parse("Harb*")).isEqualTo(new Prefix(null, "harb"));
    assertThat(TextQuery.parse("harbour~")).isEqualTo(new Fuzzy(null, "harbour", 2));
    assertThat(TextQuery.parse("harbour~1")).isEqualTo(new Fuzzy(null, "harbour", 1));
    assertThat(TextQuery.parse("harbour~0")).isEqualTo(new Fuzzy(null, "harbour", 0));
  }

  @Test
  void booleanOperatorsBindNotThenAndThenOr() {
    assertThat(TextQuery.parse("a OR b c")).isEqualTo(new Or(List.of(t("a"), new And(List.of(t("b"), t("c"))))));
    assertThat(TextQuery.parse("(a OR b) c")).isEqualTo(new And(List.of(new Or(List.of(t("a"), t("b"))), t("c"))));
    assertThat(TextQuery.parse("a NOT b")).isEqualTo(new And(List.of(t("a"), new Not(t("b")))));
    assertThat(TextQuery.parse("NOT NOT a")).isEqualTo(new Not(new Not(t("a"))));
    assertThat(TextQuery.parse("a OR NOT (b AND c)")).isEqualTo(new Or(List.of(t("a"), new Not(new And(List.of(t("b"), t("c")))))));
  }

  @Test
  void fieldsTargetTitleBodyOrANamedFieldWithDots() {
    assertThat(TextQuery.parse("title:Harbour")).isEqualTo(new Term("title", "harbour"));
    assertThat(TextQuery.parse("body:\"old harbour\"")).isEqualTo(new Phrase("body", List.of("old", "harbour")));
    assertThat(TextQuery.parse("venue.city:osl*")).isEqualTo(new Prefix("venue.city", "osl"));
    assertThat(TextQuery.parse("title:(a OR b~1) c")).isEqualTo(
        new And(List.of(new Or(List.of(new Term("title", "a"), new Fuzzy("title", "b", 1))), t("c"))));
    // Not a field name: the colon just separates terms.
    assertThat(TextQuery.parse("12:30")).isEqualTo(new And(List.of(t("12"), t("30"))));
  }

  @Test
  void wordsWithoutLettersOrDigitsAreDropped() {
    assertThat(TextQuery.parse("harbour & lights !!")).isEqualTo(new And(List.of(t("harbour"), t("lights"))));
    assertThat(TextQuery.parse("(!!) OR harbour")).isEqualTo(t("harbour"));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("", 0, "empty"),
        Arguments.of("   ", 0, "empty"),
        Arguments.of("!!! ?", 0, "has no terms"),
        Arguments.of("a \"old harbour", 3, "quote is never closed"),
        Arguments.of("(a OR b", 1, "'(' is never closed"),
        Arguments.of("a OR b)", 7, "')' has no matching '('"),
        Arguments.of("a ()", 4, "parentheses hold nothing"),
        Arguments.of("OR a", 1, "OR needs a query before it"),
        Arguments.of("a OR", 3, "OR needs a query after it"),
        Arguments.of("a AND AND b", 3, "AND needs a query after it"),
        Arguments.of("a NOT", 3, "NOT needs a query after it"),
        Arguments.of("NOT !!", 1, "NOT has no terms"),
        Arguments.of("ha*bour", 3, "'*' may only end a term"),
        Arguments.of("*", 1, "a prefix must be one term"),
        Arguments.of("new-yo*", 1, "a prefix must be one term"),
        Arguments.of("harbour~3", 8, "~0, ~1 or ~2"),
        Arguments.of("harbour~x", 8, "~0, ~1 or ~2"),
        Arguments.of("title:", 1, "needs a word"),
        Arguments.of("title: OR a", 1, "needs a word"),
        Arguments.of("title:(body:a)", 8, "inside the group of field 'title'"),
        Arguments.of("title:!!", 1, "has no terms after it"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void errorsNameTheCharacterAndWhatToDo(String query, int at, String message) {
    assertThatThrownBy(() -> TextQuery.parse(query))
        .isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEARCH);
          assertThat(e.getMessage()).contains(message);
          if (at > 0) {
            assertThat(e.getMessage()).contains("at character " + at + ":");
          }
        });
  }

  @Test
  void allTermsIsVqlContains() {
    assertThat(TextQuery.allTerms("The harbour, the LIGHTS")).isEqualTo(new And(List.of(t("the"), t("harbour"), t("lights"))));
    assertThat(TextQuery.allTerms("harbour")).isEqualTo(t("harbour"));
    assertThatThrownBy(() -> TextQuery.allTerms(" -- ")).isInstanceOfSatisfying(VeriSimException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEARCH));
  }

  @Test
  void structuredCasesValidateTheirParts() {
    assertThatThrownBy(() -> new Term(null, "Two words")).isInstanceOf(VeriSimException.class).hasMessageContaining("not one VQL term");
    assertThatThrownBy(() -> new Term("bad name", "x")).isInstanceOf(VeriSimException.class).hasMessageContaining("not a document field name");
    assertThatThrownBy(() -> new Fuzzy(null, "x", 3)).isInstanceOf(VeriSimException.class).hasMessageContaining("0, 1 or 2");
    assertThatThrownBy(() -> TextQuery.fieldRange("year", null, null, true, true)).isInstanceOf(VeriSimException.class)
        .hasMessageContaining("no bound");
    assertThatThrownBy(() -> TextQuery.fieldRange("year", Value.of(1), Value.of("z"), true, true)).isInstanceOf(VeriSimException.class)
        .hasMessageContaining("two numbers or two strings");
    assertThatThrownBy(() -> TextQuery.fieldRange("year", Value.of(true), null, true, true)).isInstanceOf(VeriSimException.class);
    assertThat(((TextQuery.FieldRange) TextQuery.fieldRange("year", Value.of(1), Value.of(2.5), true, false)).numeric()).isTrue();
  }
}
