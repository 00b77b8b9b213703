package org.verisimdb.engine.query.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.examples.ExampleList.Example;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Bindings;
import org.verisimdb.vql.diag.DiagnosticCode;

/** The harness of the examples test: the example list's format, the golden text and its comparison. */
class GoldenToolsTest {

  @Test
  void exampleListReadsDirectivesAndMultiLineStatements() {
    List<Example> list = ExampleList.parse("""
        # ignored
        ### 7
        @params ["x", 2]
        @before BEGIN
        -- a comment is part of the statement
        SELECT id
        FROM OCTADS

        ### 32b
        @pending not yet
        ROLLBACK
        """);
    assertThat(list).hasSize(2);
    Example first = list.get(0);
    assertThat(first.statement()).isEqualTo("-- a comment is part of the statement\nSELECT id\nFROM OCTADS");
    assertThat(first.before()).containsExactly("BEGIN");
    assertThat(first.params()).isEqualTo(Bindings.positional(List.of("x", 2)));
    assertThat(first.skip()).isNull();
    assertThat(first.goldenFile()).isEqualTo("07.json");
    assertThat(first.needsOwnDatabase()).isTrue();
    assertThat(list.get(1).skip()).isEqualTo("pending: not yet");
    assertThat(list.get(1).goldenFile()).isEqualTo("32b.json");
  }

  @Test
  void diffComparesMemberOrderAndNumberKinds() {
    assertThat(JsonDiff.of("{\"a\": 1, \"b\": [0.5]}", "{\"a\": 1, \"b\": [0.5000000000001]}")).isEmpty();
    assertThat(JsonDiff.of("{\"a\": 1, \"b\": 2}", "{\"b\": 2, \"a\": 1}")).containsExactly("$: expected members [a, b] but got [b, a]");
    assertThat(JsonDiff.of("{\"a\": 2.0}", "{\"a\": 2}")).containsExactly("$.a: expected 2.0 but got 2");
    assertThat(JsonDiff.of("{\"rows\": [{\"id\": \"x\"}]}", "{\"rows\": [{\"id\": \"y\"}, {\"id\": \"z\"}]}"))
        .containsExactly("$.rows: expected 1 elements but got 2", "$.rows[0].id: expected \"x\" but got \"y\"");
    assertThat(JsonDiff.of("{\"a\": 0.5}", "{\"a\": 0.5001}")).hasSize(1);
  }

  @Test
  void errorGoldenIsTheErrorObjectOneMemberPerLine() {
    VqlException e = new VqlException(DiagnosticCode.TX_002, "no transaction is open");
    assertThat(GoldenJson.of(e)).isEqualTo("""
        {
          "code": "VQL-TX-002",
          "message": "no transaction is open",
          "retryable": false,
          "details": {},
          "diagnostics": []
        }
        """);
    assertThat(GoldenJson.compact(new Value.Obj(Map.of("t", new Value.Arr(List.of(new Value.Flt(1.0), Value.NULL, new Value.Str("q\"")))))))
        .isEqualTo("{\"t\": [1.0, null, \"q\\\"\"]}");
  }
}
