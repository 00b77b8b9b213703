package org.verisimdb.cli.vql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.vql.Vql;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.check.Bindings;

/** {@code --param}: literals as VQL reads them, names, and the values each statement receives. */
class ParamValuesTest {
  @Test
  void valuesAreVqlLiteralsOrElseTheirText() {
    assertThat(ParamValues.literal("42")).isEqualTo(42L);
    assertThat(ParamValues.literal("-7")).isEqualTo(-7L);
    assertThat(ParamValues.literal("2.5e3")).isEqualTo(2500.0);
    assertThat(ParamValues.literal("true")).isEqualTo(true);
    assertThat(ParamValues.literal("FALSE")).isEqualTo(false);
    assertThat(ParamValues.literal("NULL")).isNull();
    assertThat(ParamValues.literal("'it\\'s'")).isEqualTo("it's");
    assertThat(ParamValues.literal("\"a;b\"")).isEqualTo("a;b");
    assertThat(ParamValues.literal("2024-05-01T12:00Z")).isEqualTo("2024-05-01T12:00Z");
    assertThat(ParamValues.literal("0D9A8B7C-1234-4ABC-8DEF-0123456789AB")).isEqualTo("0d9a8b7c-1234-4abc-8def-0123456789ab");
    assertThat(ParamValues.literal("[1, 2.0, 'x', [], [NULL]]")).isEqualTo(Arrays.asList(1L, 2.0, "x", List.of(), Arrays.asList((Object) null)));
    assertThat(ParamValues.literal(" 5 -- the answer")).isEqualTo(5L);
    for (String text : List.of("Oslo", "hello world", "[1,", "[1 2]", "'open", "99999999999999999999", "2025-02-30", "", "5 6", "--x")) {
      assertThat(ParamValues.literal(text)).as(text).isEqualTo(text);
    }
  }

  @Test
  void namesArePositionalOrNamed() {
    ParamValues v = ParamValues.parse(List.of("2=b", "$1=a", ":x=1", "y=[1]", "z=k=v"));
    assertThat(v.positional()).containsExactly("a", "b");
    assertThat(v.named()).containsExactly(Map.entry("x", 1L), Map.entry("y", List.of(1L)), Map.entry("z", "k=v"));
    assertThat(ParamValues.parse(null)).isEqualTo(ParamValues.NONE);
    assertThatThrownBy(() -> ParamValues.parse(List.of("1=a", "$1=b"))).hasMessage("--param $1 is given twice");
    assertThatThrownBy(() -> ParamValues.parse(List.of("x=a", ":x=b"))).hasMessage("--param :x is given twice");
    assertThatThrownBy(() -> ParamValues.parse(List.of("0=a"))).hasMessageContaining("'0' is neither a number");
    assertThatThrownBy(() -> ParamValues.parse(List.of("a-b=1"))).hasMessageContaining("'a-b' is neither");
    assertThatThrownBy(() -> ParamValues.parse(List.of("1=a", "3=c"))).hasMessageContaining("--param $2 is missing");
  }

  static Statement parse(String text) {
    return Vql.parse(text).statement();
  }

  @Test
  void eachStatementGetsTheValuesItUses() {
    ParamValues v = ParamValues.parse(List.of("1=10", "2=20", "3=30", "year=2000", "venue=Oslo"));
    assertThat(v.bindingsFor(parse("SHOW MODALITIES"))).isEqualTo(Bindings.NONE);
    assertThat(v.bindingsFor(parse("SELECT id FROM OCTADS WHERE DOCUMENT.year > $2"))).isEqualTo(new Bindings(List.of(10L, 20L), null));
    assertThat(v.bindingsFor(parse("SELECT id FROM OCTADS WHERE DOCUMENT.year > :year AND DOCUMENT.x = :other")))
        .isEqualTo(new Bindings(null, Map.of("year", 2000L)));
    assertThat(v.bindingsFor(null)).isEqualTo(new Bindings(List.of(10L, 20L, 30L), Map.of("year", 2000L, "venue", "Oslo")));
    assertThat(ParamValues.NONE.bindingsFor(parse("SELECT id FROM OCTADS LIMIT $1"))).isEqualTo(new Bindings(List.of(), null));

    List<Statement> script = List.of(parse("SELECT id FROM OCTADS LIMIT $2"), parse("SELECT id FROM OCTADS WHERE DOCUMENT.year > :year"));
    assertThat(v.unused(script)).isEqualTo("$3");
    assertThat(ParamValues.parse(List.of("1=1", "2=2", "year=1", "venue=x")).unused(script)).isEqualTo(":venue");
    assertThat(ParamValues.parse(List.of("2=2", "1=1", "year=1")).unused(script)).isNull();
  }
}
