package org.verisimdb.engine.query.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.verisimdb.vql.ast.CmpOp;
import org.verisimdb.vql.ast.Value;

/**
 * Random mixed values: the ORDER BY order is a total order that agrees with equality and its
 * hash, and the comparisons of §6.1 agree with it wherever both apply.
 */
class OrderingPropertyTest {
  private final long seed = Long.getLong("tests.seed", System.nanoTime());
  private final Random random = new Random(seed);
  private final RandomValues values = new RandomValues(random);

  @Test
  void ascIsATotalOrderConsistentWithEqualityAndHash() {
    for (int round = 0; round < 15; round++) {
      List<Value> sample = sample(40);
      for (Value a : sample) {
        assertThat(Ordering.ASC.compare(a, a)).as("seed=%d %s", seed, a).isZero();
        for (Value b : sample) {
          int ab = Integer.signum(Ordering.ASC.compare(a, b));
          assertThat(Integer.signum(Ordering.ASC.compare(b, a))).as("antisymmetric, seed=%d %s %s", seed, a, b).isEqualTo(-ab);
          assertThat(Integer.signum(Ordering.DESC.compare(a, b))).as("DESC reverses ASC, seed=%d %s %s", seed, a, b).isEqualTo(-ab);
          assertThat(ab == 0).as("0 iff equal, seed=%d %s %s", seed, a, b).isEqualTo(Values.deepEqual(a, b));
          assertThat(new GroupKey(a).equals(new GroupKey(b))).as("seed=%d %s %s", seed, a, b).isEqualTo(ab == 0);
          if (ab == 0) {
            assertThat(Values.hash(a)).as("hash, seed=%d %s %s", seed, a, b).isEqualTo(Values.hash(b));
          }
          for (Value c : sample) {
            int bc = Ordering.ASC.compare(b, c);
            if (ab <= 0 && bc <= 0) {
              int ac = Ordering.ASC.compare(a, c);
              assertThat(ac).as("transitive, seed=%d %s %s %s", seed, a, b, c).isLessThanOrEqualTo(0);
              if (ab == 0 && bc == 0) {
                assertThat(ac).as("equality transitive, seed=%d %s %s %s", seed, a, b, c).isZero();
              }
            }
          }
        }
      }
    }
  }

  @Test
  void sortingLargeMixedListsNeverBreaksTheComparatorContract() {
    for (int round = 0; round < 20; round++) {
      List<Value> sample = sample(2_000);
      sample.sort(Ordering.ASC);
      for (int i = 1; i < sample.size(); i++) {
        assertThat(Ordering.ASC.compare(sample.get(i - 1), sample.get(i))).as("seed=%d", seed).isLessThanOrEqualTo(0);
      }
      assertThat(sample.getLast() instanceof Value.Null || sample.stream().noneMatch(v -> v instanceof Value.Null))
          .as("null sorts last, seed=%d", seed).isTrue();
    }
  }

  @Test
  void comparisonsAreSymmetricAndAgreeWithTheOrderOnComparableScalars() {
    for (int i = 0; i < 50_000; i++) {
      Value a = values.any();
      Value b = values.any();
      for (CmpOp op : CmpOp.values()) {
        Truth t = Values.compare(a, op, b);
        assertThat(Values.compare(b, flip(op), a)).as("seed=%d %s %s %s", seed, a, op.text(), b).isEqualTo(t);
        if (sameScalarKind(a, b)) {
          int order = Ordering.ASC.compare(a, b);
          assertThat(t).as("seed=%d %s %s %s", seed, a, op.text(), b).isEqualTo(Truth.of(holds(op, order)));
        }
      }
      if (!(a instanceof Value.Arr) && !(b instanceof Value.Arr) && !(a instanceof Value.Time) && !(b instanceof Value.Time)) {
        assertThat(Values.compare(a, CmpOp.EQ, b).isTrue()).as("= agrees with equal, seed=%d %s %s", seed, a, b).isEqualTo(Values.equal(a, b));
      }
      assertThat(Values.compare(a, CmpOp.NE, b)).as("!= is NOT =, seed=%d %s %s", seed, a, b)
          .isEqualTo(Values.compare(a, CmpOp.EQ, b).not());
    }
  }

  private List<Value> sample(int n) {
    List<Value> sample = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sample.add(values.any());
    }
    return sample;
  }

  private static boolean sameScalarKind(Value a, Value b) {
    return (Ordering.isNumber(a) && Ordering.isNumber(b))
        || (Values.text(a) != null && Values.text(b) != null)
        || (a instanceof Value.Time && b instanceof Value.Time);
  }

  private static CmpOp flip(CmpOp op) {
    return switch (op) {
      case EQ, NE -> op;
      case LT -> CmpOp.GT;
      case LE -> CmpOp.GE;
      case GT -> CmpOp.LT;
      case GE -> CmpOp.LE;
    };
  }

  private static boolean holds(CmpOp op, int order) {
    return switch (op) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
    };
  }
}
