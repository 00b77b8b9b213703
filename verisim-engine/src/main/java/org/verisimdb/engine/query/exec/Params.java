package org.verisimdb.engine.query.exec;

import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Bindings;

/**
 * The values of a statement's literals and parameters (VQL.md §2.6, §5.17): a literal stands for
 * itself, a parameter for the value bound to it. The checker has already checked every bound
 * value against its position, so here a value is only read, never spliced into text.
 */
public record Params(Bindings bindings) {
  public static final Params NONE = new Params(Bindings.NONE);

  public Value value(Expr.Term term) {
    return switch (term) {
      case Expr.Lit l -> l.value();
      case Expr.Positional p -> {
        if (bindings.positional() == null || p.index() > bindings.positional().size()) {
          throw missing(p, "$" + p.index());
        }
        yield ValueJson.fromPlain(bindings.positional().get(p.index() - 1));
      }
      case Expr.Named n -> {
        if (bindings.named() == null || !bindings.named().containsKey(n.name())) {
          throw missing(n, ":" + n.name());
        }
        yield ValueJson.fromPlain(bindings.named().get(n.name()));
      }
    };
  }

  private static org.verisimdb.engine.query.VqlException missing(Expr.Term at, String name) {
    return org.verisimdb.engine.query.VqlException.at(org.verisimdb.vql.diag.DiagnosticCode.PARAM_001, at.span(),
        "no value is bound to parameter " + name).withHint("bind a value for " + name + " when running the statement");
  }

  /** The value of an optional term, or NULL when it is absent. */
  public Value valueOrNull(Expr.Term term) {
    return term == null ? Value.NULL : value(term);
  }

  public String string(Expr.Term term) {
    return switch (value(term)) {
      case Value.Str s -> s.value();
      case Value.Uuid u -> u.value();
      case Value.Time t -> t.canonical();
      case Value v -> throw new IllegalStateException("expected a string, found " + v);
    };
  }

  public double number(Expr.Term term) {
    return switch (value(term)) {
      case Value.Int i -> i.value();
      case Value.Flt f -> f.value();
      case Value v -> throw new IllegalStateException("expected a number, found " + v);
    };
  }

  public long integer(Expr.Term term) {
    return switch (value(term)) {
      case Value.Int i -> i.value();
      case Value.Flt f when f.value() == Math.rint(f.value()) -> (long) f.value();
      case Value v -> throw new IllegalStateException("expected an integer, found " + v);
    };
  }

  /** A time: a timestamp, or a string holding one (§2.5). */
  public Value.Time time(Expr.Term term) {
    return switch (value(term)) {
      case Value.Time t -> t;
      case Value.Str s -> org.verisimdb.engine.query.value.Values.parseTime(s.value());
      case Value v -> throw new IllegalStateException("expected a time, found " + v);
    };
  }

  public float[] vector(Expr.Term term) {
    if (!(value(term) instanceof Value.Arr a)) {
      throw new IllegalStateException("expected a vector, found " + value(term));
    }
    float[] out = new float[a.elements().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (a.elements().get(i)) {
        case Value.Int n -> n.value();
        case Value.Flt f -> (float) f.value();
        case Value v -> throw new IllegalStateException("expected a number, found " + v);
      };
    }
    return out;
  }
}
