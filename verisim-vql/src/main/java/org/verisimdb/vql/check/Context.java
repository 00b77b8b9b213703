package org.verisimdb.vql.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Expr.Term;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;
import org.verisimdb.vql.lex.Literals;

/**
 * One check: the catalog, the bound parameter values, the diagnostics found so far, and the
 * checks of single values shared by every rule (counts, numbers, times, ids, vectors). A value
 * that is a parameter without a binding is unknown and not checked.
 */
final class Context {
  private static final Pattern OCTAD_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

  final Catalog catalog;
  final Bindings bindings;
  final List<Diagnostic> out = new ArrayList<>();

  Context(Catalog catalog, Bindings bindings) {
    this.catalog = catalog;
    this.bindings = bindings;
  }

  void error(DiagnosticCode code, Span span, String message) {
    out.add(Diagnostic.of(code, span, message));
  }

  void error(DiagnosticCode code, Span span, String message, String hint) {
    out.add(new Diagnostic(span, code.severity(), code, message, hint));
  }

  /** The value of a term: its literal, its bound value, or null when unknown. */
  Value value(Term t) {
    return switch (t) {
      case Expr.Lit l -> l.value();
      case Expr.Positional p -> bindings.positional() == null || p.index() > bindings.positional().size() ? null
          : fromJson(bindings.positional().get(p.index() - 1));
      case Expr.Named n -> bindings.named() == null || !bindings.named().containsKey(n.name()) ? null : fromJson(bindings.named().get(n.name()));
    };
  }

  /** A JSON-like Java value as a VQL value (§5.17), or null if it has no VQL form. */
  static Value fromJson(Object o) {
    return switch (o) {
      case null -> Value.NULL;
      case String s -> new Value.Str(s);
      case Integer i -> new Value.Int(i);
      case Long l -> new Value.Int(l);
      case Double d -> Double.isFinite(d) ? new Value.Flt(d) : null;
      case Float f -> Float.isFinite(f) ? new Value.Flt(f) : null;
      case Boolean b -> b ? Value.TRUE : Value.FALSE;
      case List<?> list -> {
        List<Value> elements = new ArrayList<>();
        for (Object e : list) {
          Value v = fromJson(e);
          if (v == null) {
            yield null;
          }
          elements.add(v);
        }
        yield new Value.Arr(elements);
      }
      case Map<?, ?> m -> null;
      default -> null;
    };
  }

  /** Reports a value of the wrong kind: VQL-TYPE-011 for a bound parameter, else {@code literalCode}. */
  void wrongKind(Term t, String expected, DiagnosticCode literalCode) {
    if (t instanceof Expr.Lit) {
      error(literalCode, t.span(), "expected " + expected + " but found " + describe(value(t)));
    } else {
      error(DiagnosticCode.TYPE_011, t.span(), "parameter " + paramName(t) + " is bound to " + describe(value(t)) + " where " + expected + " is expected");
    }
  }

  static String paramName(Term t) {
    return t instanceof Expr.Positional p ? "$" + p.index() : t instanceof Expr.Named n ? ":" + n.name() : "value";
  }

  static String describe(Value v) {
    if (v == null) {
      return "an unknown value";
    }
    StringBuilder text = new StringBuilder();
    org.verisimdb.vql.format.Literal.value(text, v);
    String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text.toString();
    return v.typeName() + " " + shown;
  }

  /** An integer, or null (reported) when the value is known and is no integer. */
  Long integer(Term t, String what) {
    Value v = value(t);
    if (v == null) {
      return null;
    }
    if (v instanceof Value.Int i) {
      return i.value();
    }
    wrongKind(t, what, DiagnosticCode.TYPE_001);
    return null;
  }

  Double number(Term t, String what) {
    Value v = value(t);
    if (v == null) {
      return null;
    }
    if (v instanceof Value.Int i) {
      return (double) i.value();
    }
    if (v instanceof Value.Flt f) {
      return f.value();
    }
    wrongKind(t, what, DiagnosticCode.TYPE_001);
    return null;
  }

  String string(Term t, String what) {
    Value v = value(t);
    if (v == null) {
      return null;
    }
    if (v instanceof Value.Str s) {
      return s.value();
    }
    if (v instanceof Value.Uuid u) {
      return u.value();
    }
    wrongKind(t, what, DiagnosticCode.TYPE_001);
    return null;
  }

  /** A time: a timestamp, or a string holding one (VQL-VALUE-007 otherwise). */
  Value.Time time(Term t, String what) {
    Value v = value(t);
    if (v == null) {
      return null;
    }
    if (v instanceof Value.Time time) {
      return time;
    }
    if (v instanceof Value.Str s) {
      Value.Time time = Literals.timestampOrNull(s.value());
      if (time == null) {
        error(DiagnosticCode.VALUE_007, t.span(), "invalid timestamp '" + s.value() + "': expected YYYY-MM-DD[Thh:mm[:ss[.f]]][Z|±hh:mm]");
      }
      return time;
    }
    wrongKind(t, what, DiagnosticCode.TYPE_001);
    return null;
  }

  /** An octad id: a UUID or a string of {@code [A-Za-z0-9_.:-]{1,128}} (§4.1). */
  void octadId(Term t) {
    Value v = value(t);
    if (v == null || v instanceof Value.Uuid) {
      return;
    }
    if (v instanceof Value.Str s) {
      if (!OCTAD_ID.matcher(s.value()).matches()) {
        error(DiagnosticCode.VALUE_001, t.span(), "invalid octad id '" + s.value() + "': ids are UUIDs or 1 to 128 characters of [A-Za-z0-9_.:-]");
      }
      return;
    }
    wrongKind(t, "an octad id", DiagnosticCode.VALUE_001);
  }

  /** A LIMIT or SHOW LIMIT count: 0 … vql.max_limit. */
  void limit(Term t, String what) {
    Long n = integer(t, "an integer " + what);
    if (n == null) {
      return;
    }
    if (n < 0) {
      error(DiagnosticCode.VALUE_006, t.span(), what + " must not be negative; found " + n);
    } else if (n > catalog.maxLimit()) {
      error(DiagnosticCode.LIMIT_001, t.span(), what + " " + n + " is above vql.max_limit (" + catalog.maxLimit() + ")");
    }
  }

  /** A k of NEAREST: 1 … vql.max_limit. */
  void nearestK(Term t) {
    Long n = integer(t, "an integer k");
    if (n == null) {
      return;
    }
    if (n < 1) {
      error(DiagnosticCode.VALUE_006, t.span(), "NEAREST k must be at least 1; found " + n);
    } else if (n > catalog.maxLimit()) {
      error(DiagnosticCode.LIMIT_001, t.span(), "NEAREST k " + n + " is above vql.max_limit (" + catalog.maxLimit() + ")");
    }
  }

  /** A vector: an array of numbers of the configured dimension, when known. */
  void vector(Term t) {
    Value v = value(t);
    if (v == null) {
      return;
    }
    if (!(v instanceof Value.Arr a) || a.elements().isEmpty()
        || !a.elements().stream().allMatch(e -> e instanceof Value.Int || e instanceof Value.Flt)) {
      wrongKind(t, "a vector (an array of numbers)", DiagnosticCode.TYPE_010);
      return;
    }
    if (catalog.vectorDimension().isPresent() && a.elements().size() != catalog.vectorDimension().getAsInt()) {
      error(DiagnosticCode.TYPE_002, t.span(),
          "vector of dimension " + a.elements().size() + " where the database's vector.dimension is " + catalog.vectorDimension().getAsInt());
    }
  }

  void latitude(Term t) {
    Double d = number(t, "a latitude");
    if (d != null && (d < -90 || d > 90)) {
      error(DiagnosticCode.VALUE_002, t.span(), "latitude must be in [-90, 90]; found " + d);
    }
  }

  void longitude(Term t) {
    Double d = number(t, "a longitude");
    if (d != null && (d < -180 || d > 180)) {
      error(DiagnosticCode.VALUE_002, t.span(), "longitude must be in [-180, 180]; found " + d);
    }
  }
}
