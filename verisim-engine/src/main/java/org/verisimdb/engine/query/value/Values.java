package org.verisimdb.engine.query.value;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.vql.ast.CmpOp;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;
import org.verisimdb.vql.lex.Literals;

/**
 * The comparisons and string predicates of VQL.md §6.1 on run-time values, in the three-valued
 * logic of §4.6, and the equality that GROUP BY and membership use.
 *
 * <p>Rules shared by every predicate here: a NULL operand gives UNKNOWN; operands of types the
 * predicate does not relate (a string against a number, {@code <} on booleans) give UNKNOWN; a
 * UUID is a string. An array operand against a non-array is existential: TRUE iff some element
 * satisfies the predicate, else FALSE, so an element that is null or of an unrelated type simply
 * does not satisfy it; {@code !=} is TRUE iff no element is equal. Stateless and thread-safe.
 */
public final class Values {
  private Values() {}

  /**
   * {@code left op right}: numbers numerically (exactly, also between an integer and a float),
   * strings by code point, timestamps chronologically (a string against a timestamp is read as
   * one, and UNKNOWN if it is not one), booleans and objects only by {@code =} and {@code !=},
   * arrays against arrays only by {@code =} and {@code !=} (same length, elements pairwise
   * {@link #equal} but with nulls equal to each other), arrays against anything else existentially.
   */
  public static Truth compare(Value left, CmpOp op, Value right) {
    if (left instanceof Value.Null || right instanceof Value.Null) {
      return Truth.UNKNOWN;
    }
    if (left instanceof Value.Arr(List<Value> a)) {
      if (right instanceof Value.Arr(List<Value> b)) {
        return op.isEquality() ? Truth.of(sameElements(a, b) == (op == CmpOp.EQ)) : Truth.UNKNOWN;
      }
      return existential(a, op, right, false);
    }
    if (right instanceof Value.Arr(List<Value> b)) {
      return existential(b, op, left, true);
    }
    Integer order = order(left, op, right);
    return order == null ? Truth.UNKNOWN : Truth.of(holds(op, order));
  }

  private static Truth existential(List<Value> elements, CmpOp op, Value other, boolean arrayOnRight) {
    CmpOp test = op == CmpOp.NE ? CmpOp.EQ : op;
    for (Value e : elements) {
      Truth t = arrayOnRight ? compare(other, test, e) : compare(e, test, other);
      if (t.isTrue()) {
        return Truth.of(op != CmpOp.NE);
      }
    }
    return Truth.of(op == CmpOp.NE);
  }

  /** The sign of {@code left - right} for two non-null non-arrays, or null when §6.1 does not relate them under {@code op}. */
  private static Integer order(Value left, CmpOp op, Value right) {
    if (Ordering.isNumber(left) && Ordering.isNumber(right)) {
      return Ordering.compareNumbers(left, right);
    }
    String ls = text(left);
    String rs = text(right);
    if (ls != null && rs != null) {
      return Ordering.compareCodePoints(ls, rs);
    }
    if (left instanceof Value.Time || right instanceof Value.Time) {
      Value.Time lt = left instanceof Value.Time t ? t : ls == null ? null : parseTime(ls);
      Value.Time rt = right instanceof Value.Time t ? t : rs == null ? null : parseTime(rs);
      return lt == null || rt == null ? null : Ordering.compareTimes(lt, rt);
    }
    if (!op.isEquality()) {
      return null;
    }
    if (left instanceof Value.Bool(boolean a) && right instanceof Value.Bool(boolean b)) {
      return Boolean.compare(a, b);
    }
    if (left instanceof Value.Obj && right instanceof Value.Obj) {
      return deepEqual(left, right) ? 0 : 1;
    }
    return null;
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

  /** {@code value LIKE pattern} (see {@link LikePattern}); UNKNOWN unless both are strings (or the value an array). */
  public static Truth like(Value value, Value pattern) {
    String p = text(pattern);
    if (p == null || value instanceof Value.Null) {
      return Truth.UNKNOWN;
    }
    return test(value, LikePattern.compile(p)::matches);
  }

  /**
   * {@code left CONTAINS right}: a case-sensitive substring test for two strings; membership
   * ({@code =} by {@link #compare}) for an array on the left; UNKNOWN otherwise.
   */
  public static Truth contains(Value left, Value right) {
    if (left instanceof Value.Null || right instanceof Value.Null) {
      return Truth.UNKNOWN;
    }
    if (left instanceof Value.Arr(List<Value> elements)) {
      for (Value e : elements) {
        if (compare(e, CmpOp.EQ, right).isTrue()) {
          return Truth.TRUE;
        }
      }
      return Truth.FALSE;
    }
    String l = text(left);
    String r = text(right);
    return l == null || r == null ? Truth.UNKNOWN : Truth.of(l.contains(r));
  }

  /** {@code value MATCHES regex}: the expression is found anywhere in the string. */
  public static Truth matches(Value value, Pattern regex) {
    return test(value, s -> regex.matcher(s).find());
  }

  /** Compiles a regular expression of a MATCHES predicate; VQL-VALUE-005 at {@code span} if it is invalid. */
  public static Pattern regex(String text, Span span) {
    return regex(text, 0, span);
  }

  /** As {@link #regex(String, Span)}, with {@link Pattern} flags (FULLTEXT MATCHES' i, m and s). */
  public static Pattern regex(String text, int flags, Span span) {
    try {
      return Pattern.compile(text, flags);
    } catch (PatternSyntaxException e) {
      throw VqlException.at(DiagnosticCode.VALUE_005, span, "invalid regular expression '" + text + "': "
          + e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "")
          + "; use java.util.regex syntax and escape a literal metacharacter with a backslash");
    }
  }

  // A string predicate on a string, or existentially on the elements of an array.
  private static Truth test(Value value, Predicate<String> predicate) {
    if (value instanceof Value.Arr(List<Value> elements)) {
      for (Value e : elements) {
        if (test(e, predicate).isTrue()) {
          return Truth.TRUE;
        }
      }
      return Truth.FALSE;
    }
    String s = text(value);
    return s == null ? Truth.UNKNOWN : Truth.of(predicate.test(s));
  }

  /**
   * The {@code =} rule as a plain boolean: false when either is null; numbers by value (so
   * {@code 2 = 2.0}), a UUID equal to the string of its text, arrays by length and elements,
   * objects by their members regardless of order. Inside arrays and objects nulls are equal to
   * each other. Unlike {@link #compare}, a timestamp never equals a string: this equality must
   * be transitive and agree with {@link #hash}, and reading strings as times would break both.
   */
  public static boolean equal(Value a, Value b) {
    return !(a instanceof Value.Null) && !(b instanceof Value.Null) && deepEqual(a, b);
  }

  /** {@link #equal}, except that null equals null: the equality of GROUP BY keys ({@link GroupKey}). */
  static boolean deepEqual(Value a, Value b) {
    return switch (a) {
      case Value.Null _ -> b instanceof Value.Null;
      case Value.Bool(boolean x) -> b instanceof Value.Bool(boolean y) && x == y;
      case Value.Int _, Value.Flt _ -> Ordering.isNumber(b) && Ordering.compareNumbers(a, b) == 0;
      case Value.Str(String x) -> x.equals(text(b));
      case Value.Uuid(String x) -> x.equals(text(b));
      case Value.Time t -> t.equals(b);
      case Value.Arr(List<Value> x) -> b instanceof Value.Arr(List<Value> y) && sameElements(x, y);
      case Value.Obj(Map<String, Value> x) -> b instanceof Value.Obj(Map<String, Value> y) && sameMembers(x, y);
    };
  }

  private static boolean sameElements(List<Value> a, List<Value> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!deepEqual(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameMembers(Map<String, Value> a, Map<String, Value> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, Value> member : a.entrySet()) {
      Value other = b.get(member.getKey());
      if (other == null || !deepEqual(member.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  /** A hash consistent with {@link #equal} and with GROUP BY key equality: equal values hash alike. */
  public static int hash(Value v) {
    return switch (v) {
      case Value.Null _ -> 0;
      case Value.Bool(boolean b) -> Boolean.hashCode(b);
      case Value.Int(long l) -> Long.hashCode(l);
      // An integral float hashes as the integer it equals; -0.0 becomes 0 like 0.0.
      case Value.Flt(double d) -> d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63 ? Long.hashCode((long) d) : Double.hashCode(d);
      case Value.Str(String s) -> s.hashCode();
      case Value.Uuid(String s) -> s.hashCode();
      case Value.Time(long seconds, int micros) -> 31 * Long.hashCode(seconds) + micros;
      case Value.Arr(List<Value> elements) -> {
        int h = 1;
        for (Value e : elements) {
          h = 31 * h + hash(e);
        }
        yield h;
      }
      case Value.Obj(Map<String, Value> members) -> {
        int h = 0; // a sum, so that member order does not matter
        for (Map.Entry<String, Value> member : members.entrySet()) {
          h += member.getKey().hashCode() ^ hash(member.getValue());
        }
        yield h;
      }
    };
  }

  /**
   * A string read as a timestamp of the §2.5 form ({@code YYYY-MM-DD[Thh:mm[:ss[.fraction]]][Z|±hh:mm]},
   * UTC when the zone is missing, digits past microseconds dropped), or null if it is not one or
   * names an impossible date or time.
   */
  public static Value.Time parseTime(String text) {
    return Literals.timestampOrNull(text);
  }

  /** The text of a string or UUID, else null. */
  static String text(Value v) {
    return switch (v) {
      case Value.Str(String s) -> s;
      case Value.Uuid(String s) -> s;
      default -> null;
    };
  }
}
