package org.verisimdb.engine.query.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.vql.ast.Expr.AggregateFn;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;

/** COUNT, SUM, AVG, MIN and MAX of VQL.md §5.6 over one group. */
class AggregatorTest {
  private static final Value.Time T = new Value.Time(1_772_366_400L, 0);

  @Test
  void countStarCountsRowsAndCountCountsNonNullValues() {
    assertThat(run(AggregateFn.COUNT, true, Value.NULL, num(1), Value.NULL)).isEqualTo(num(3));
    assertThat(run(AggregateFn.COUNT, false, Value.NULL, num(1), str("a"), Value.NULL)).isEqualTo(num(2));
    assertThat(run(AggregateFn.COUNT, false)).isEqualTo(num(0));
    assertThat(run(AggregateFn.COUNT, true)).isEqualTo(num(0));
  }

  @Test
  void overNoNonNullValueEveryOtherAggregateIsNull() {
    for (AggregateFn fn : List.of(AggregateFn.SUM, AggregateFn.AVG, AggregateFn.MIN, AggregateFn.MAX)) {
      assertThat(run(fn, false)).as(fn.name()).isEqualTo(Value.NULL);
      assertThat(run(fn, false, Value.NULL, Value.NULL)).as(fn.name()).isEqualTo(Value.NULL);
    }
  }

  @Test
  void sumOfIntegersIsAnIntegerAndWithAnyFloatAFloat() {
    assertThat(run(AggregateFn.SUM, false, num(1), Value.NULL, num(2))).isEqualTo(num(3));
    assertThat(run(AggregateFn.SUM, false, num(1), flt(2.0))).isEqualTo(flt(3.0));
    assertThat(run(AggregateFn.SUM, false, flt(0.5), flt(0.25))).isEqualTo(flt(0.75));
    assertThat(run(AggregateFn.SUM, false, num(-5))).isEqualTo(num(-5));
  }

  @Test
  void integerOverflowOfTheTotalIsExec006() {
    VqlException e = catchThrowableOfType(VqlException.class, () -> run(AggregateFn.SUM, false, num(Long.MAX_VALUE), num(1)));
    assertThat(e.code()).isEqualTo(DiagnosticCode.EXEC_006);
    assertThat(e.getMessage()).contains("2^63-1");
    assertThat(catchThrowableOfType(VqlException.class, () -> run(AggregateFn.SUM, false, num(Long.MIN_VALUE), num(-1))).code())
        .isEqualTo(DiagnosticCode.EXEC_006);
  }

  @Test
  void onlyTheFinalTotalCountsForOverflow() {
    assertThat(run(AggregateFn.SUM, false, num(Long.MAX_VALUE), num(10), num(-20))).isEqualTo(num(Long.MAX_VALUE - 10));
    assertThat(run(AggregateFn.SUM, false, num(Long.MAX_VALUE), num(Long.MAX_VALUE), flt(0.5))).isEqualTo(flt(0x1p64));
    assertThat(run(AggregateFn.SUM, false, flt(1e308), flt(1e308), flt(-1e308))).isEqualTo(flt(1e308));
  }

  @Test
  void floatOverflowOfTheTotalIsExec006() {
    VqlException e = catchThrowableOfType(VqlException.class, () -> run(AggregateFn.SUM, false, flt(1e308), flt(1e308)));
    assertThat(e.code()).isEqualTo(DiagnosticCode.EXEC_006);
  }

  @Test
  void avgIsAFloatAndStaysFiniteForHugeValues() {
    assertThat(run(AggregateFn.AVG, false, num(1), num(2))).isEqualTo(flt(1.5));
    assertThat(run(AggregateFn.AVG, false, num(4), Value.NULL)).isEqualTo(flt(4.0));
    assertThat(run(AggregateFn.AVG, false, num(Long.MAX_VALUE), num(Long.MAX_VALUE))).isEqualTo(flt(0x1p63));
    assertThat(run(AggregateFn.AVG, false, flt(1e308), flt(1e308))).isEqualTo(flt(1e308));
  }

  @Test
  void sumAndAvgIgnoreNonNumbersAndSaySo() {
    Aggregator sum = Aggregator.of(AggregateFn.SUM, false);
    sum.add(num(1));
    assertThat(sum.ignoredNonNumeric()).isFalse();
    sum.add(str("2"));
    sum.add(Value.TRUE);
    assertThat(sum.result()).isEqualTo(num(1));
    assertThat(sum.ignoredNonNumeric()).isTrue();

    Aggregator avg = Aggregator.of(AggregateFn.AVG, false);
    avg.add(str("x"));
    avg.add(Value.NULL);
    assertThat(avg.result()).isEqualTo(Value.NULL);
    assertThat(avg.ignoredNonNumeric()).isTrue();

    Aggregator nulls = Aggregator.of(AggregateFn.SUM, false);
    nulls.add(Value.NULL);
    assertThat(nulls.ignoredNonNumeric()).isFalse();
  }

  @Test
  void minAndMaxReturnTheValueItselfByTheOrder() {
    assertThat(run(AggregateFn.MIN, false, flt(2.5), num(2), Value.NULL, num(7))).isEqualTo(num(2));
    assertThat(run(AggregateFn.MAX, false, flt(2.5), num(2), Value.NULL, num(7))).isEqualTo(num(7));
    assertThat(run(AggregateFn.MIN, false, num(2), flt(2.0))).isEqualTo(num(2)); // the first of equal values
    assertThat(run(AggregateFn.MAX, false, str("b"), str("B"), str("a"))).isEqualTo(str("b"));
    assertThat(run(AggregateFn.MAX, false, T, new Value.Time(T.epochSecond() - 1, 0))).isEqualTo(T);
  }

  @Test
  void minAndMaxOfMixedTypesFollowTheTypeOrderAndSkipArraysAndObjects() {
    Value[] mixed = {str("a"), num(1), Value.TRUE, T, new Value.Arr(List.of()), new Value.Obj(Map.of())};
    assertThat(run(AggregateFn.MIN, false, mixed)).isEqualTo(Value.TRUE);
    assertThat(run(AggregateFn.MAX, false, mixed)).isEqualTo(str("a"));
    assertThat(run(AggregateFn.MAX, false, new Value.Arr(List.of(num(1))))).isEqualTo(Value.NULL);
  }

  @Test
  void onlyCountTakesAStar() {
    assertThatThrownBy(() -> Aggregator.of(AggregateFn.SUM, true)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Aggregator.of(AggregateFn.COUNT, true).ignoredNonNumeric()).isFalse();
  }

  private static Value run(AggregateFn fn, boolean star, Value... values) {
    Aggregator aggregator = Aggregator.of(fn, star);
    for (Value v : values) {
      aggregator.add(v);
    }
    return aggregator.result();
  }

  private static Value num(long l) {
    return new Value.Int(l);
  }

  private static Value flt(double d) {
    return new Value.Flt(d);
  }

  private static Value str(String s) {
    return new Value.Str(s);
  }
}
