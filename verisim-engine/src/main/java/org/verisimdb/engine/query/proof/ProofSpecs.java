package org.verisimdb.engine.query.proof;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * Proof specs as the verifiers take them: resolved, with parameters bound and arguments in
 * their normal text, plus typed access to their {@code WITH} parameters. The checker has
 * already applied rules P1–P4 of VQL.md §7.2 to literal values; the readers here apply the same
 * rules again because a bound parameter is only known at run time. Stateless.
 */
public final class ProofSpecs {
  /** The argument that means every subject octad. */
  public static final String ALL = "*";
  /** The eleven proof types of §7.3. */
  public static final List<String> TYPES = List.of(
      "EXISTENCE", "INTEGRITY", "CONSISTENCY", "PROVENANCE", "FRESHNESS", "ACCESS", "CITATION", "CUSTOM", "ZKP", "PROVEN", "SANCTIFY");
  /** The types whose argument is a contract: one obligation per subject octad whatever the argument. */
  public static final Set<String> CONTRACT_TYPES = Set.of("INTEGRITY", "CUSTOM", "ZKP");

  private ProofSpecs() {}

  /**
   * One spec of a PROOF clause, resolved.
   *
   * @param type one of {@link #TYPES}, upper case
   * @param argument {@link #ALL}, an octad id, or a contract name
   * @param params the {@code WITH} parameters as written, values bound, in written order
   */
  public record Spec(String type, String argument, Map<String, Value> params) {
    public Spec {
      if (type == null || !TYPES.contains(type)) {
        throw new IllegalArgumentException("unknown proof type " + type + "; expected one of " + TYPES);
      }
      if (argument == null || argument.isEmpty()) {
        throw new IllegalArgumentException(type + " needs an argument: '*', an octad id or a contract");
      }
      LinkedHashMap<String, Value> copy = new LinkedHashMap<>();
      if (params != null) {
        params.forEach((name, value) -> {
          if (name == null || value == null) {
            throw new IllegalArgumentException("parameter " + name + " of " + type + " has no value");
          }
          copy.put(name, value);
        });
      }
      params = Collections.unmodifiableMap(copy);
    }

    /** A spec without parameters. */
    public static Spec of(String type, String argument) {
      return new Spec(type, argument, Map.of());
    }

    /** True for {@code *}. */
    public boolean all() {
      return ALL.equals(argument);
    }

    /** True when the spec yields one obligation per subject octad. */
    public boolean perSubject() {
      return all() || CONTRACT_TYPES.contains(type);
    }

    /** The parameters as the certificate's {@code params} object. */
    public Value.Obj paramsObject() {
      return new Value.Obj(params);
    }

    /** {@code TYPE(argument)}, for messages. */
    public String label() {
      return type + "(" + argument + ")";
    }
  }

  /** Rejects parameters other than {@code allowed} (VQL-NAME-009). */
  static void allowOnly(Spec spec, List<String> allowed) {
    for (String name : spec.params().keySet()) {
      if (!allowed.contains(name)) {
        throw new VqlException(DiagnosticCode.NAME_009, allowed.isEmpty() ? spec.type() + " takes no parameters; found '" + name + "'"
            : "unknown parameter '" + name + "' of " + spec.type() + "; expected " + String.join(", ", allowed));
      }
    }
  }

  /** An integer parameter of at least {@code min}, or {@code fallback} when not given. */
  static long integer(Spec spec, String name, long fallback, long min) {
    Value v = spec.params().get(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Value.Int(long n))) {
      throw wrongType(spec, name, "an integer", v);
    }
    if (n < min) {
      throw new VqlException(DiagnosticCode.VALUE_006, name + " of " + spec.type() + " is " + n + "; it must be at least " + min);
    }
    return n;
  }

  /** A number parameter in [{@code min}, {@code max}], or {@code fallback} when not given. */
  static double number(Spec spec, String name, double fallback, double min, double max) {
    Value v = spec.params().get(name);
    if (v == null) {
      return fallback;
    }
    double d = switch (v) {
      case Value.Int(long n) -> n;
      case Value.Flt(double f) -> f;
      default -> throw wrongType(spec, name, "a number", v);
    };
    if (d < min || d > max) {
      throw new VqlException(DiagnosticCode.VALUE_006, name + " of " + spec.type() + " is " + d + "; it must be in [" + min + ", " + max + "]");
    }
    return d;
  }

  /** A string parameter, or null when not given. */
  static String text(Spec spec, String name) {
    Value v = spec.params().get(name);
    return switch (v) {
      case null -> null;
      case Value.Str(String s) -> s;
      case Value.Uuid(String s) -> s;
      default -> throw wrongType(spec, name, "a string", v);
    };
  }

  /** A non-negative ISO 8601 duration parameter, or {@code fallback} when not given. */
  static Duration duration(Spec spec, String name, Duration fallback) {
    String s = text(spec, name);
    if (s == null) {
      return fallback;
    }
    Duration d;
    try {
      d = Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw new VqlException(DiagnosticCode.VALUE_004, "invalid duration '" + s + "' for " + name + " of " + spec.type()
          + ": expected ISO 8601 such as 'PT1H' or 'P1D'");
    }
    if (d.isNegative()) {
      throw new VqlException(DiagnosticCode.VALUE_006, name + " of " + spec.type() + " must not be negative; found '" + s + "'");
    }
    return d;
  }

  private static VqlException wrongType(Spec spec, String name, String expected, Value found) {
    return new VqlException(DiagnosticCode.TYPE_011, name + " of " + spec.type() + " must be " + expected + "; found a " + found.typeName());
  }
}
