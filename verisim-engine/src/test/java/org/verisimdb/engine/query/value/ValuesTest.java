package org.verisimdb.engine.query.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.verisimdb.engine.query.value.Truth.FALSE;
import static org.verisimdb.engine.query.value.Truth.TRUE;
import static org.verisimdb.engine.query.value.Truth.UNKNOWN;
import static org.verisimdb.vql.ast.CmpOp.EQ;
import static org.verisimdb.vql.ast.CmpOp.GE;
import static org.verisimdb.vql.ast.CmpOp.GT;
import static org.verisimdb.vql.ast.CmpOp.LE;
import static org.verisimdb.vql.ast.CmpOp.LT;
import static org.verisimdb.vql.ast.CmpOp.NE;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.vql.ast.CmpOp;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;

/** The comparisons of VQL.md §6.1 in three-valued logic, the = rule, and timestamps read from strings. */
class ValuesTest {
  private static final Value.Time NOON = new Value.Time(1_772_366_400L, 0); // 2026-03-01T12:00:00Z

  @Test
  void nullOperandIsUnknownForEveryOperator() {
    for (CmpOp op : CmpOp.values()) {
      assertThat(Values.compare(Value.NULL, op, new Value.Int(1))).isEqualTo(UNKNOWN);
      assertThat(Values.compare(new Value.Str("a"), op, Value.NULL)).isEqualTo(UNKNOWN);
      assertThat(Values.compare(Value.NULL, op, Value.NULL)).isEqualTo(UNKNOWN);
      assertThat(Values.compare(arr(integer(1)), op, Value.NULL)).isEqualTo(UNKNOWN);
    }
  }

  @Test
  void numbersCompareNumericallyAcrossIntegerAndFloat() {
    assertThat(Values.compare(integer(1), LT, flt(2.5))).isEqualTo(TRUE);
    assertThat(Values.compare(integer(2), EQ, flt(2.0))).isEqualTo(TRUE);
    assertThat(Values.compare(flt(2.0), NE, integer(2))).isEqualTo(FALSE);
    assertThat(Values.compare(integer(3), GE, integer(3))).isEqualTo(TRUE);
    assertThat(Values.compare(integer(Long.MAX_VALUE), GT, integer(Long.MAX_VALUE - 1))).isEqualTo(TRUE);
    assertThat(Values.compare(integer((1L << 53) + 1), EQ, flt(0x1p53))).isEqualTo(FALSE);
  }

  @Test
  void stringsCompareByCodePointCaseSensitively() {
    assertThat(Values.compare(str("a"), LT, str("b"))).isEqualTo(TRUE);
    assertThat(Values.compare(str("B"), LT, str("a"))).isEqualTo(TRUE);
    assertThat(Values.compare(str("Oslo"), EQ, str("oslo"))).isEqualTo(FALSE);
    assertThat(Values.compare(str("\uFFFF"), LT, str("\uD83D\uDE00"))).isEqualTo(TRUE);
    assertThat(Values.compare(new Value.Uuid("0f8fad5b-d9cb-469f-a165-70867728950e"), EQ, str("0f8fad5b-d9cb-469f-a165-70867728950e")))
        .isEqualTo(TRUE);
  }

  @Test
  void timestampsCompareWithTimestampsAndWithStringsReadAsTimestamps() {
    assertThat(Values.compare(NOON, LT, new Value.Time(NOON.epochSecond(), 1))).isEqualTo(TRUE);
    assertThat(Values.compare(NOON, EQ, str("2026-03-01T12:00:00Z"))).isEqualTo(TRUE);
    assertThat(Values.compare(NOON, EQ, str("2026-03-01t12:00z"))).isEqualTo(TRUE);
    assertThat(Values.compare(NOON, EQ, str("2026-03-01T13:00:00+01:00"))).isEqualTo(TRUE);
    assertThat(Values.compare(NOON, EQ, str("2026-03-01T12:00"))).isEqualTo(TRUE); // no zone: UTC
    assertThat(Values.compare(NOON, GT, str("2026-03-01"))).isEqualTo(TRUE);
    assertThat(Values.compare(str("2026-03-01"), LT, NOON)).isEqualTo(TRUE);
    assertThat(Values.compare(NOON, EQ, str("2026-03-01T12:00:00.0000009Z"))).isEqualTo(TRUE); // past micros: truncated
    assertThat(Values.compare(NOON, LT, str("2026-03-01T12:00:00.000001Z"))).isEqualTo(TRUE);
    assertThat(Values.compare(NOON, EQ, str("yesterday"))).isEqualTo(UNKNOWN);
    assertThat(Values.compare(NOON, LT, str("2025-02-30"))).isEqualTo(UNKNOWN);
    assertThat(Values.compare(NOON, GT, integer(0))).isEqualTo(UNKNOWN);
  }

  @Test
  void booleansCompareOnlyForEquality() {
    assertThat(Values.compare(Value.TRUE, EQ, Value.TRUE)).isEqualTo(TRUE);
    assertThat(Values.compare(Value.TRUE, NE, Value.FALSE)).isEqualTo(TRUE);
    assertThat(Values.compare(Value.FALSE, LT, Value.TRUE)).isEqualTo(UNKNOWN);
  }

  @Test
  void incompatibleTypesAreUnknown() {
    assertThat(Values.compare(str("1"), EQ, integer(1))).isEqualTo(UNKNOWN);
    assertThat(Values.compare(str("1"), NE, integer(1))).isEqualTo(UNKNOWN);
    assertThat(Values.compare(Value.TRUE, EQ, integer(1))).isEqualTo(UNKNOWN);
    assertThat(Values.compare(obj("a", integer(1)), EQ, str("a"))).isEqualTo(UNKNOWN);
  }

  @Test
  void arraysAgainstArraysCompareOnlyForEquality() {
    assertThat(Values.compare(arr(integer(1), integer(2)), EQ, arr(flt(1.0), integer(2)))).isEqualTo(TRUE);
    assertThat(Values.compare(arr(integer(1), integer(2)), EQ, arr(integer(1)))).isEqualTo(FALSE);
    assertThat(Values.compare(arr(integer(1), integer(2)), NE, arr(integer(2), integer(1)))).isEqualTo(TRUE);
    assertThat(Values.compare(arr(Value.NULL), EQ, arr(Value.NULL))).isEqualTo(TRUE);
    assertThat(Values.compare(arr(), EQ, arr())).isEqualTo(TRUE);
    assertThat(Values.compare(arr(integer(1)), LT, arr(integer(2)))).isEqualTo(UNKNOWN);
  }

  @Test
  void arraysAgainstScalarsAreExistential() {
    Value tags = arr(str("sensor"), str("tide"));
    assertThat(Values.compare(tags, EQ, str("tide"))).isEqualTo(TRUE);
    assertThat(Values.compare(tags, EQ, str("wind"))).isEqualTo(FALSE);
    assertThat(Values.compare(tags, NE, str("tide"))).isEqualTo(FALSE); // some element equals
    assertThat(Values.compare(tags, NE, str("wind"))).isEqualTo(TRUE);
    assertThat(Values.compare(arr(integer(1), integer(5)), GT, integer(4))).isEqualTo(TRUE);
    assertThat(Values.compare(arr(integer(1), integer(2)), GT, integer(4))).isEqualTo(FALSE);
    assertThat(Values.compare(integer(4), LT, arr(integer(1), integer(5)))).isEqualTo(TRUE); // array on the right
    assertThat(Values.compare(str("tide"), EQ, tags)).isEqualTo(TRUE);
    for (CmpOp op : CmpOp.values()) {
      assertThat(Values.compare(arr(), op, integer(1))).as(op.text()).isEqualTo(Truth.of(op == NE));
    }
  }

  @Test
  void existentialElementsThatAreNullOrIncomparableSatisfyNothing() {
    assertThat(Values.compare(arr(Value.NULL, str("a")), EQ, integer(1))).isEqualTo(FALSE);
    assertThat(Values.compare(arr(Value.NULL, str("a")), NE, integer(1))).isEqualTo(TRUE);
    assertThat(Values.compare(arr(Value.NULL, integer(1)), LE, integer(1))).isEqualTo(TRUE);
    assertThat(Values.compare(arr(NOON), EQ, str("2026-03-01T12:00:00Z"))).isEqualTo(TRUE);
  }

  @Test
  void objectsCompareByDeepEqualityOnly() {
    Value a = obj("k", arr(integer(1), Value.NULL));
    assertThat(Values.compare(a, EQ, obj("k", arr(flt(1.0), Value.NULL)))).isEqualTo(TRUE);
    assertThat(Values.compare(a, NE, obj("k", arr(integer(2))))).isEqualTo(TRUE);
    assertThat(Values.compare(a, LT, obj("k", arr(integer(2))))).isEqualTo(UNKNOWN);
  }

  @Test
  void likeMatchesWholeStringsWithWildcardsAndEscapes() {
    assertThat(Values.like(str("abc"), str("a%"))).isEqualTo(TRUE);
    assertThat(Values.like(str("abc"), str("a_c"))).isEqualTo(TRUE);
    assertThat(Values.like(str("abc"), str("ab"))).isEqualTo(FALSE);
    assertThat(Values.like(str("abc"), str("b"))).isEqualTo(FALSE);
    assertThat(Values.like(str("ABC"), str("a%"))).isEqualTo(FALSE);
    assertThat(Values.like(str("\uD83D\uDE00"), str("_"))).isEqualTo(TRUE); // one code point, two UTF-16 units
    assertThat(Values.like(str("50%"), str("50\\%"))).isEqualTo(TRUE);
    assertThat(Values.like(str("500"), str("50\\%"))).isEqualTo(FALSE);
    assertThat(Values.like(str("a_b"), str("a\\_b"))).isEqualTo(TRUE);
    assertThat(Values.like(str("axb"), str("a\\_b"))).isEqualTo(FALSE);
    assertThat(Values.like(str("a\\b"), str("a\\\\b"))).isEqualTo(TRUE);
    assertThat(Values.like(str("a\\"), str("a\\"))).isEqualTo(TRUE); // a trailing backslash is literal
    assertThat(Values.like(str(""), str("%"))).isEqualTo(TRUE);
    assertThat(Values.like(str(""), str("_"))).isEqualTo(FALSE);
    assertThat(Values.like(str("a".repeat(5_000)), str("%a%a%a%a%b"))).isEqualTo(FALSE);
  }

  @Test
  void likeOnNonStringsIsUnknownAndOnArraysExistential() {
    assertThat(Values.like(integer(3), str("3%"))).isEqualTo(UNKNOWN);
    assertThat(Values.like(Value.NULL, str("%"))).isEqualTo(UNKNOWN);
    assertThat(Values.like(str("a"), Value.NULL)).isEqualTo(UNKNOWN);
    assertThat(Values.like(new Value.Uuid("0f8fad5b-d9cb-469f-a165-70867728950e"), str("0f8f%"))).isEqualTo(TRUE);
    assertThat(Values.like(arr(str("x"), str("ab")), str("a%"))).isEqualTo(TRUE);
    assertThat(Values.like(arr(integer(1), str("x")), str("a%"))).isEqualTo(FALSE);
    assertThat(Values.like(arr(), str("%"))).isEqualTo(FALSE);
  }

  @Test
  void containsIsSubstringForStringsAndMembershipForArrays() {
    assertThat(Values.contains(str("harbour"), str("arb"))).isEqualTo(TRUE);
    assertThat(Values.contains(str("Harbour"), str("harb"))).isEqualTo(FALSE);
    assertThat(Values.contains(str("harbour"), str(""))).isEqualTo(TRUE);
    assertThat(Values.contains(arr(str("a"), str("b")), str("b"))).isEqualTo(TRUE);
    assertThat(Values.contains(arr(str("ab")), str("b"))).isEqualTo(FALSE); // membership, not substring
    assertThat(Values.contains(arr(integer(1), integer(2)), flt(2.0))).isEqualTo(TRUE);
    assertThat(Values.contains(arr(), str("a"))).isEqualTo(FALSE);
    assertThat(Values.contains(arr(str("a")), Value.NULL)).isEqualTo(UNKNOWN);
    assertThat(Values.contains(integer(12), str("1"))).isEqualTo(UNKNOWN);
    assertThat(Values.contains(Value.NULL, str("1"))).isEqualTo(UNKNOWN);
  }

  @Test
  void matchesFindsTheExpressionAnywhere() {
    Pattern digits = Values.regex("\\d+", Span.NONE);
    assertThat(Values.matches(str("station-42"), digits)).isEqualTo(TRUE);
    assertThat(Values.matches(str("station"), digits)).isEqualTo(FALSE);
    assertThat(Values.matches(str("xa"), Values.regex("^a", Span.NONE))).isEqualTo(FALSE);
    assertThat(Values.matches(arr(str("a"), str("b7")), digits)).isEqualTo(TRUE);
    assertThat(Values.matches(integer(42), digits)).isEqualTo(UNKNOWN);
    assertThat(Values.matches(Value.NULL, digits)).isEqualTo(UNKNOWN);
    assertThat(Values.matches(str("ABC"), Values.regex("abc", Pattern.CASE_INSENSITIVE, Span.NONE))).isEqualTo(TRUE);
  }

  @Test
  void anInvalidRegularExpressionIsValue005AtItsSpan() {
    Span span = new Span(30, 36, 1, 31, 1, 37);
    VqlException e = catchThrowableOfType(VqlException.class, () -> Values.regex("[a-", span));
    assertThat(e.code()).isEqualTo(DiagnosticCode.VALUE_005);
    assertThat(e.position()).isEqualTo(span);
    assertThat(e.getMessage()).contains("'[a-'");
  }

  @Test
  void equalIsTheEqualsRuleAndHashAgrees() {
    assertThat(Values.equal(integer(2), flt(2.0))).isTrue();
    assertThat(Values.hash(integer(2))).isEqualTo(Values.hash(flt(2.0)));
    assertThat(Values.hash(integer(0))).isEqualTo(Values.hash(flt(-0.0)));
    assertThat(Values.equal(new Value.Uuid("x"), str("x"))).isTrue();
    assertThat(Values.hash(new Value.Uuid("x"))).isEqualTo(Values.hash(str("x")));
    assertThat(Values.equal(obj("a", integer(1)), obj("a", flt(1.0)))).isTrue();
    assertThat(Values.equal(Value.NULL, Value.NULL)).isFalse();
    assertThat(Values.equal(NOON, str("2026-03-01T12:00:00Z"))).isFalse(); // only compare() reads strings as times
    assertThat(Values.equal(str("1"), integer(1))).isFalse();
    assertThat(Values.equal(arr(integer(1)), integer(1))).isFalse();
  }

  @Test
  void groupKeysTreatNullAsAKeyOfItsOwn() {
    assertThat(new GroupKey(Value.NULL)).isEqualTo(new GroupKey(Value.NULL)).isNotEqualTo(new GroupKey(str("")));
    assertThat(new GroupKey(integer(2))).isEqualTo(new GroupKey(flt(2.0))).hasSameHashCodeAs(new GroupKey(flt(2.0)));
    assertThat(Map.of(List.of(new GroupKey(Value.NULL), new GroupKey(str("a"))), 1))
        .containsKey(List.of(new GroupKey(Value.NULL), new GroupKey(new Value.Uuid("a"))));
  }

  @Test
  void parseTimeReadsTheFormsOfSection25() {
    assertThat(Values.parseTime("2026-03-01")).isEqualTo(new Value.Time(1_772_323_200L, 0));
    assertThat(Values.parseTime("2026-03-01T12:00:00.1234567Z")).isEqualTo(new Value.Time(NOON.epochSecond(), 123_456));
    assertThat(Values.parseTime("2026-03-01T12:00:00-01:30")).isEqualTo(new Value.Time(NOON.epochSecond() + 5_400, 0));
    assertThat(Values.parseTime("2026-03-01 12:00")).isNull();
    assertThat(Values.parseTime("2026-13-01")).isNull();
    assertThat(Values.parseTime("")).isNull();
  }

  static Value str(String s) {
    return new Value.Str(s);
  }

  static Value integer(long l) {
    return new Value.Int(l);
  }

  static Value flt(double d) {
    return new Value.Flt(d);
  }

  static Value arr(Value... elements) {
    return new Value.Arr(List.of(elements));
  }

  static Value obj(String name, Value member) {
    return new Value.Obj(Map.of(name, member));
  }
}
