package org.verisimdb.engine.query.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.hash.CanonicalJson;
import org.verisimdb.vql.ast.Value;

/** Result JSON (VQL.md §9.2), plain Java values for canonical hashing (§7.6), and stored values. */
class ValueJsonTest {
  private static final Value.Time NOON = new Value.Time(1_772_366_400L, 250_000);

  @Test
  void writesResultJsonWithFloatsKeptAsFloatsAndMembersInOrder() throws IOException {
    Map<String, Value> members = new LinkedHashMap<>();
    members.put("z", new Value.Flt(2.0));
    members.put("a", new Value.Arr(List.of(new Value.Int(2), new Value.Str("x\"y"), Value.NULL, Value.TRUE)));
    members.put("t", NOON);
    members.put("u", new Value.Uuid("0f8fad5b-d9cb-469f-a165-70867728950e"));
    members.put("o", new Value.Obj(Map.of()));
    members.put("f", new Value.Flt(-0.5));
    assertThat(json(new Value.Obj(members))).isEqualTo("{\"z\":2.0,\"a\":[2,\"x\\\"y\",null,true],"
        + "\"t\":\"2026-03-01T12:00:00.25Z\",\"u\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"o\":{},\"f\":-0.5}");
    assertThat(json(Value.NULL)).isEqualTo("null");
    assertThat(json(new Value.Flt(1e300))).isEqualTo("1.0E300");
  }

  @Test
  void plainValuesHashAsCanonicalJson() {
    Map<String, Value> members = new LinkedHashMap<>();
    members.put("b", new Value.Int(1));
    members.put("a", new Value.Arr(List.of(new Value.Flt(2.0), new Value.Str("x"), Value.NULL, Value.FALSE, NOON)));
    Object plain = ValueJson.toPlain(new Value.Obj(members));
    assertThat(plain).isInstanceOf(LinkedHashMap.class);
    assertThat(CanonicalJson.write(plain)).isEqualTo("{\"a\":[2,\"x\",null,false,\"2026-03-01T12:00:00.25Z\"],\"b\":1}");
    assertThat(ValueJson.toPlain(new Value.Int(7))).isEqualTo(7L);
    assertThat(ValueJson.toPlain(new Value.Flt(7.5))).isEqualTo(7.5);
    assertThat(ValueJson.toPlain(new Value.Uuid("u"))).isEqualTo("u");
    assertThat(ValueJson.toPlain(Value.NULL)).isNull();
  }

  @Test
  void fromPlainInvertsToPlainExceptThatTimesAndUuidsBecomeStrings() {
    Random random = new Random(Long.getLong("tests.seed", System.nanoTime()));
    RandomValues values = new RandomValues(random);
    for (int i = 0; i < 2_000; i++) {
      Value v = values.any();
      Value back = ValueJson.fromPlain(ValueJson.toPlain(v));
      assertThat(ValueJson.toPlain(back)).isEqualTo(ValueJson.toPlain(v));
      if (!containsTimeOrUuid(v)) {
        assertThat(back).isEqualTo(v);
      }
    }
  }

  @Test
  void fromPlainAcceptsJsonLikeJavaValues() {
    Map<String, Object> map = new TreeMap<>(Map.of("n", 3, "d", 1.5f, "l", Arrays.asList(null, "s", true)));
    assertThat(ValueJson.fromPlain(map)).isEqualTo(new Value.Obj(Map.of("d", new Value.Flt(1.5), "l",
        new Value.Arr(List.of(Value.NULL, new Value.Str("s"), Value.TRUE)), "n", new Value.Int(3))));
    assertThat(ValueJson.fromPlain(Instant.parse("2026-03-01T12:00:00.250000999Z"))).isEqualTo(NOON);
    assertThat(ValueJson.fromPlain(OctadId.of("station-1"))).isEqualTo(new Value.Str("station-1"));
    assertThatThrownBy(() -> ValueJson.fromPlain(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueJson.fromPlain(new Object())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void storedValuesConvertAndHashAsTheStoreHashesThem() {
    List<org.verisimdb.model.value.Value> stored = List.of(
        org.verisimdb.model.value.Value.of("Oslo"),
        org.verisimdb.model.value.Value.of(42),
        org.verisimdb.model.value.Value.of(2.0),
        org.verisimdb.model.value.Value.of(0.1),
        org.verisimdb.model.value.Value.of(true),
        new org.verisimdb.model.value.Value.LangStr("Oslo", "nb"),
        new org.verisimdb.model.value.Value.Typed("2020-01-01", "http://www.w3.org/2001/XMLSchema#date"),
        new org.verisimdb.model.value.Value.Ref(OctadId.of("city-7")),
        org.verisimdb.model.value.Value.from(List.of(1L, List.of("a", 2.5))));
    List<Value> expected = List.of(new Value.Str("Oslo"), new Value.Int(42), new Value.Flt(2.0), new Value.Flt(0.1), Value.TRUE,
        new Value.Obj(Map.of("@value", new Value.Str("Oslo"), "@language", new Value.Str("nb"))),
        new Value.Obj(Map.of("@value", new Value.Str("2020-01-01"), "@type", new Value.Str("http://www.w3.org/2001/XMLSchema#date"))),
        new Value.Obj(Map.of("@id", new Value.Str("city-7"))),
        new Value.Arr(List.of(new Value.Int(1), new Value.Arr(List.of(new Value.Str("a"), new Value.Flt(2.5))))));
    List<Value> converted = new ArrayList<>();
    for (org.verisimdb.model.value.Value v : stored) {
      converted.add(ValueJson.fromModel(v));
      assertThat(CanonicalJson.write(ValueJson.toPlain(ValueJson.fromModel(v)))).isEqualTo(CanonicalJson.write(v));
    }
    assertThat(converted).isEqualTo(expected);
  }

  @Test
  void instantsTruncateToMicrosecondsTowardsThePast() {
    assertThat(ValueJson.time(Instant.parse("2026-03-01T12:00:00.123456789Z"))).isEqualTo(new Value.Time(1_772_366_400L, 123_456));
    assertThat(ValueJson.time(Instant.ofEpochSecond(0, -500))).isEqualTo(new Value.Time(-1, 999_999));
    assertThat(ValueJson.time(Instant.ofEpochSecond(-1, 500_000_000))).isEqualTo(new Value.Time(-1, 500_000));
  }

  private static String json(Value v) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      ValueJson.write(v, g);
    }
    return out.toString();
  }

  private static boolean containsTimeOrUuid(Value v) {
    return switch (v) {
      case Value.Time _, Value.Uuid _ -> true;
      case Value.Arr(List<Value> elements) -> elements.stream().anyMatch(ValueJsonTest::containsTimeOrUuid);
      case Value.Obj(Map<String, Value> members) -> members.values().stream().anyMatch(ValueJsonTest::containsTimeOrUuid);
      default -> false;
    };
  }
}
