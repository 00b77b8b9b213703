package org.verisimdb.index.tensor;

import java.util.List;
import java.util.Locale;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DType;

/**
 * An element-wise operation for {@link TensorOps#map}. Scalars are Java numbers: Integer, Long,
 * Short or Byte are integers; Float or Double are floats (finite).
 *
 * <p>Result dtypes. Arithmetic ({@link Abs}, {@link Neg}, {@link Add}, {@link Mul},
 * {@link Clamp}) keeps an int32 or int64 tensor's dtype when every scalar is an integer, and is
 * exact: a result outside the dtype's range is INVALID_TENSOR; with a float scalar the result is
 * float64. A bool tensor counts as int32 0 and 1. Float tensors keep their dtype; float32 results
 * are computed in float64 and rounded once. {@link Sqrt}, {@link Exp} and {@link Log} keep
 * float32 and float64 and give float64 for integers and bools. {@link Cast} converts: to bool,
 * non-zero is true; float to integer truncates toward zero; a value the target cannot hold
 * (out of range, or overflowing float32) is INVALID_TENSOR. Any non-finite result (the square root
 * or logarithm of a negative number, the logarithm of 0, an overflow) is INVALID_TENSOR naming
 * the element.
 */
public sealed interface ElementOp {

  /** The operation's name as {@link #of} parses it. */
  String name();

  /** Absolute value. */
  record Abs() implements ElementOp {
    @Override
    public String name() {
      return "abs";
    }
  }

  /** Negation. */
  record Neg() implements ElementOp {
    @Override
    public String name() {
      return "neg";
    }
  }

  /** Adds a scalar. */
  record Add(Number scalar) implements ElementOp {
    public Add {
      ElementOp.requireScalar(scalar, "add");
    }

    @Override
    public String name() {
      return "add";
    }
  }

  /** Multiplies by a scalar. */
  record Mul(Number scalar) implements ElementOp {
    public Mul {
      ElementOp.requireScalar(scalar, "mul");
    }

    @Override
    public String name() {
      return "mul";
    }
  }

  /** Square root. */
  record Sqrt() implements ElementOp {
    @Override
    public String name() {
      return "sqrt";
    }
  }

  /** e raised to the element. */
  record Exp() implements ElementOp {
    @Override
    public String name() {
      return "exp";
    }
  }

  /** Natural logarithm. */
  record Log() implements ElementOp {
    @Override
    public String name() {
      return "log";
    }
  }

  /** Limits each element to [min, max]. */
  record Clamp(Number min, Number max) implements ElementOp {
    public Clamp {
      ElementOp.requireScalar(min, "clamp");
      ElementOp.requireScalar(max, "clamp");
      boolean bothIntegers = ElementOp.isInteger(min) && ElementOp.isInteger(max);
      if (bothIntegers ? min.longValue() > max.longValue() : new java.math.BigDecimal(min.toString()).compareTo(new java.math.BigDecimal(max.toString())) > 0) {
        throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "clamp", "clamp bounds " + min + " > " + max + "; give the smaller bound first");
      }
    }

    @Override
    public String name() {
      return "clamp";
    }
  }

  /** Converts to another dtype. */
  record Cast(DType to) implements ElementOp {
    public Cast {
      if (to == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "cast", "cast needs a target dtype");
      }
    }

    @Override
    public String name() {
      return "cast";
    }
  }

  /**
   * The operation {@code name} with its arguments: abs, neg, sqrt, exp, log (none); add, mul (a
   * number); clamp (two numbers); cast (a dtype name). Anything else is INVALID_TENSOR.
   */
  static ElementOp of(String name, List<?> args) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    int arity = switch (n) {
      case "abs", "neg", "sqrt", "exp", "log" -> 0;
      case "add", "mul", "cast" -> 1;
      case "clamp" -> 2;
      default -> throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "op",
          "unknown tensor operation '" + name + "'; use abs, neg, add, mul, sqrt, exp, log, clamp or cast");
    };
    if (args.size() != arity) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "op", n + " takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", not " + args.size());
    }
    return switch (n) {
      case "abs" -> new Abs();
      case "neg" -> new Neg();
      case "sqrt" -> new Sqrt();
      case "exp" -> new Exp();
      case "log" -> new Log();
      case "add" -> new Add(number(args.getFirst(), n));
      case "mul" -> new Mul(number(args.getFirst(), n));
      case "clamp" -> new Clamp(number(args.get(0), n), number(args.get(1), n));
      default -> new Cast(args.getFirst() instanceof DType d ? d : DType.parse(String.valueOf(args.getFirst())));
    };
  }

  private static Number number(Object arg, String op) {
    if (arg instanceof Number number) {
      return number;
    }
    throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, op, op + " takes numbers, not " + arg);
  }

  private static void requireScalar(Number scalar, String op) {
    boolean ok = switch (scalar) {
      case Integer i -> true;
      case Long l -> true;
      case Short s -> true;
      case Byte b -> true;
      case Double d -> Double.isFinite(d);
      case Float f -> Float.isFinite(f);
      case null, default -> false;
    };
    if (!ok) {
      throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, op, op + " needs a finite integer or float, not " + scalar);
    }
  }

  /** True for the integer kinds of Number. */
  private static boolean isInteger(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }
}
