package org.verisimdb.engine.query.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.Value;

class RowValuesTest {

  @Test
  void timesKeepMicroseconds() {
    Instant t = Instant.parse("1969-12-31T23:59:59.000001Z");
    assertThat(RowValues.time(t)).isEqualTo(new Value.Time(-1, 1));
    assertThat(((Value.Time) RowValues.time(Instant.parse("2026-03-01T12:00:00.25Z"))).canonical()).isEqualTo("2026-03-01T12:00:00.25Z");
    assertThat(RowValues.time(null)).isEqualTo(Value.NULL);
  }

  @Test
  void floatsBecomeTheirShortestDecimal() {
    assertThat(RowValues.decimal(0.1f)).isEqualTo(0.1);
    assertThat(RowValues.decimal(-0.37f)).isEqualTo(-0.37);
    assertThat(RowValues.decimal(16777216f)).isEqualTo(16777216.0);
    assertThat(RowValues.decimal(Float.MIN_VALUE)).isEqualTo(1.4e-45);
  }

  @Test
  void jsonShapedValuesKeepMemberOrder() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("z", 1);
    json.put("a", List.of(2L, 2.5, true, "s"));
    json.put("id", OctadId.of("x-1"));
    json.put("bytes", new byte[] {0, 1});
    json.put("none", null);
    Value.Obj value = (Value.Obj) RowValues.fromJson(json);
    assertThat(value.members().keySet()).containsExactly("z", "a", "id", "bytes", "none");
    assertThat(ValueText.of(value)).isEqualTo("{\"z\":1,\"a\":[2,2.5,true,\"s\"],\"id\":\"x-1\",\"bytes\":\"AAE\",\"none\":null}");
    assertThatThrownBy(() -> RowValues.fromJson(new Object())).isInstanceOf(IllegalArgumentException.class);
  }
}
