package org.verisimdb.engine.query.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.vql.ast.Value;

/** The ORDER BY order of VQL.md §5.7, case by case. */
class OrderingTest {
  private static final Value.Time T1 = new Value.Time(1_700_000_000L, 0);
  private static final Value.Time T2 = new Value.Time(1_700_000_000L, 1);

  @Test
  void typesOrderBooleanNumberTimestampStringArrayObjectThenNull() {
    List<Value> expected = List.of(Value.FALSE, Value.TRUE, new Value.Int(-5), new Value.Flt(2.5), T1, T2,
        new Value.Str("a"), new Value.Arr(List.of()), new Value.Obj(Map.of()), Value.NULL);
    List<Value> shuffled = new ArrayList<>(expected.reversed());
    shuffled.sort(Ordering.ASC);
    assertThat(shuffled).containsExactlyElementsOf(expected);
  }

  @Test
  void descIsTheExactReverseWithNullFirst() {
    List<Value> list = new ArrayList<>(List.of(new Value.Int(1), Value.NULL, new Value.Str("z"), new Value.Int(3)));
    list.sort(Ordering.DESC);
    assertThat(list).containsExactly(Value.NULL, new Value.Str("z"), new Value.Int(3), new Value.Int(1));
  }

  @Test
  void integersAndFloatsCompareExactly() {
    assertThat(Ordering.ASC.compare(new Value.Int(2), new Value.Flt(2.0))).isZero();
    assertThat(Ordering.ASC.compare(new Value.Int(0), new Value.Flt(-0.0))).isZero();
    assertThat(Ordering.ASC.compare(new Value.Flt(0.0), new Value.Flt(-0.0))).isZero();
    assertThat(Ordering.ASC.compare(new Value.Int(2), new Value.Flt(2.5))).isNegative();
    assertThat(Ordering.ASC.compare(new Value.Int(-2), new Value.Flt(-1.5))).isNegative();
    assertThat(Ordering.ASC.compare(new Value.Int(-1), new Value.Flt(-1.5))).isPositive();
    // 2^53 + 1 rounds to 2^53 as a double; compared exactly it is greater.
    assertThat(Ordering.ASC.compare(new Value.Int((1L << 53) + 1), new Value.Flt(0x1p53))).isPositive();
    assertThat(Ordering.ASC.compare(new Value.Int(Long.MAX_VALUE), new Value.Flt(0x1p63))).isNegative();
    assertThat(Ordering.ASC.compare(new Value.Int(Long.MIN_VALUE), new Value.Flt(-0x1p63))).isZero();
    assertThat(Ordering.ASC.compare(new Value.Int(Long.MIN_VALUE), new Value.Flt(-1e300))).isPositive();
    assertThat(Ordering.ASC.compare(new Value.Int(Long.MAX_VALUE), new Value.Int(Long.MAX_VALUE - 1))).isPositive();
  }

  @Test
  void stringsCompareByCodePointNotUtf16Unit() {
    Value bmpHigh = new Value.Str("\uFFFF");
    Value astral = new Value.Str("\uD83D\uDE00"); // U+1F600, stored as surrogates D83D DE00
    assertThat("\uFFFF".compareTo("\uD83D\uDE00")).isPositive(); // what code unit order would say
    assertThat(Ordering.ASC.compare(bmpHigh, astral)).isNegative();
    assertThat(Ordering.ASC.compare(new Value.Str("\uE000"), astral)).isNegative();
    assertThat(Ordering.ASC.compare(new Value.Str("B"), new Value.Str("a"))).isNegative();
    assertThat(Ordering.ASC.compare(new Value.Str("ab"), new Value.Str("a"))).isPositive();
    assertThat(Ordering.ASC.compare(new Value.Uuid("abc"), new Value.Str("abc"))).isZero();
  }

  @Test
  void timestampsCompareChronologically() {
    assertThat(Ordering.ASC.compare(T1, T2)).isNegative();
    assertThat(Ordering.ASC.compare(new Value.Time(-1, 999_999), new Value.Time(0, 0))).isNegative();
  }

  @Test
  void arraysCompareByElementsThenLength() {
    assertThat(Ordering.ASC.compare(arr(1, 2), arr(1, 3))).isNegative();
    assertThat(Ordering.ASC.compare(arr(1), arr(1, 0))).isNegative();
    assertThat(Ordering.ASC.compare(arr(2), arr(1, 0))).isPositive();
    assertThat(Ordering.ASC.compare(arr(1, 2), new Value.Arr(List.of(new Value.Flt(1.0), new Value.Int(2))))).isZero();
    assertThat(Ordering.ASC.compare(new Value.Arr(List.of(Value.NULL)), arr(5))).isPositive();
  }

  @Test
  void objectsCompareRegardlessOfMemberOrder() {
    Value ab = new Value.Obj(ordered("a", new Value.Int(1), "b", new Value.Int(2)));
    Value ba = new Value.Obj(ordered("b", new Value.Int(2), "a", new Value.Int(1)));
    assertThat(Ordering.ASC.compare(ab, ba)).isZero();
    assertThat(Ordering.ASC.compare(ab, new Value.Obj(ordered("a", new Value.Int(1), "b", new Value.Int(3))))).isNegative();
    assertThat(Ordering.ASC.compare(ab, new Value.Obj(Map.of("a", new Value.Int(1))))).isPositive();
  }

  static Value.Arr arr(long... elements) {
    List<Value> values = new ArrayList<>();
    for (long e : elements) {
      values.add(new Value.Int(e));
    }
    return new Value.Arr(values);
  }

  static Map<String, Value> ordered(String k1, Value v1, String k2, Value v2) {
    Map<String, Value> members = new LinkedHashMap<>();
    members.put(k1, v1);
    members.put(k2, v2);
    return members;
  }
}
