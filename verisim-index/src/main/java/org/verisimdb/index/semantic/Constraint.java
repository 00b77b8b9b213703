package org.verisimdb.index.semantic;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.PatternSyntaxException;
import org.verisimdb.model.Limits;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.value.Value;

/**
 * A rule a semantic type declares about the octads of that type (and of its subtypes), checked
 * on write by {@link Constraints}. Rules about a property's value ignore an absent property
 * (that is {@link Required}'s business) and apply to each item when the value is a collection.
 */
public sealed interface Constraint {

  /** A short description for messages, e.g. {@code pattern '[a-z]+' on code}. */
  String describe();

  /** The property must be present. */
  record Required(String property) implements Constraint {
    public Required {
      property = Constraint.requireProperty(property);
    }

    @Override
    public String describe() {
      return "required " + property;
    }
  }

  /**
   * A string property (or the text of a language-tagged string or typed literal) must match a
   * Java regular expression as a whole, like an XSD pattern facet. The expression is compiled
   * when the constraint is made, so a bad one fails at definition time.
   */
  record Pattern(String property, String regex) implements Constraint {
    private static final Map<String, java.util.regex.Pattern> COMPILED = new ConcurrentHashMap<>();
    private static final int CACHE_SIZE = 1024;

    public Pattern {
      property = Constraint.requireProperty(property);
      if (regex == null || regex.isEmpty()) {
        throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "constraint.regex", "a pattern constraint on '" + property + "' needs a regular expression");
      }
      compiled(regex);
    }

    /** True when {@code text} matches the whole expression. */
    public boolean matches(String text) {
      return compiled(regex).matcher(text).matches();
    }

    private static java.util.regex.Pattern compiled(String regex) {
      java.util.regex.Pattern p = COMPILED.get(regex);
      if (p == null) {
        try {
          p = java.util.regex.Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
          throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "constraint.regex",
              "pattern '" + regex + "' is not a valid regular expression: " + e.getDescription() + " at index " + e.getIndex()
                  + "; fix the expression (Java syntax)");
        }
        if (COMPILED.size() >= CACHE_SIZE) {
          COMPILED.clear(); // schemas hold few patterns; this only bounds a pathological case
        }
        COMPILED.put(regex, p);
      }
      return p;
    }

    @Override
    public String describe() {
      return "pattern '" + regex + "' on " + property;
    }
  }

  /**
   * A numeric property must lie within bounds (integers or floats, compared exactly); a null
   * bound is open, but at least one is given.
   */
  record Range(String property, Value min, Value max, boolean minInclusive, boolean maxInclusive) implements Constraint {
    public Range {
      property = Constraint.requireProperty(property);
      if (min == null && max == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "constraint.range", "a range on '" + property + "' needs a minimum, a maximum or both");
      }
      for (Value bound : new Value[] {min, max}) {
        if (bound != null && !Numbers.isNumber(bound)) {
          throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "constraint.range",
              "range bounds on '" + property + "' must be numbers; got " + bound);
        }
      }
      if (min != null && max != null) {
        int c = Numbers.compare(min, max);
        if (c > 0 || (c == 0 && !(minInclusive && maxInclusive))) {
          throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "constraint.range",
              "the range on '" + property + "' holds no number; the minimum must lie below the maximum");
        }
      }
    }

    /** True when {@code number} (an Int or Real) lies within the range. */
    public boolean contains(Value number) {
      if (min != null) {
        int c = Numbers.compare(number, min);
        if (c < 0 || (c == 0 && !minInclusive)) {
          return false;
        }
      }
      if (max != null) {
        int c = Numbers.compare(number, max);
        return c < 0 || (c == 0 && maxInclusive);
      }
      return true;
    }

    @Override
    public String describe() {
      return (min == null ? "" : show(min) + (minInclusive ? " ≤ " : " < ")) + property
          + (max == null ? "" : (maxInclusive ? " ≤ " : " < ") + show(max));
    }

    private static String show(Value v) {
      return org.verisimdb.model.hash.CanonicalJson.write(v);
    }
  }

  /** The kinds of value a {@link Datatype} constraint can ask for. */
  enum Kind {
    STRING, LANG_STRING, TYPED, INTEGER, NUMBER, BOOLEAN, REF, LIST;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String name) {
      for (Kind k : values()) {
        if (k.wireName().equals(name)) {
          return k;
        }
      }
      throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "constraint.kind", "unknown value kind '" + name
          + "'; use string, lang_string, typed, integer, number, boolean, ref or list");
    }

    /** True when {@code v} is of this kind (a number is an integer or a float). */
    public boolean accepts(Value v) {
      return switch (this) {
        case STRING -> v instanceof Value.Str;
        case LANG_STRING -> v instanceof Value.LangStr;
        case TYPED -> v instanceof Value.Typed;
        case INTEGER -> v instanceof Value.Int;
        case NUMBER -> Numbers.isNumber(v);
        case BOOLEAN -> v instanceof Value.Bool;
        case REF -> v instanceof Value.Ref;
        case LIST -> v instanceof Value.Seq;
      };
    }
  }

  /** A property's value must be of one kind; for any kind but LIST, each item of a collection must be. */
  record Datatype(String property, Kind kind) implements Constraint {
    public Datatype {
      property = Constraint.requireProperty(property);
      if (kind == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "constraint.kind", "a datatype constraint on '" + property + "' needs a kind");
      }
    }

    @Override
    public String describe() {
      return property + " is " + kind.wireName();
    }
  }

  /**
   * A registered {@link Contract} must not evaluate to false on the octad. Unknown (null) passes,
   * as a SQL CHECK does; the contract must exist when the type is defined.
   */
  record ContractRef(String name) implements Constraint {
    public ContractRef {
      if (name == null || name.isBlank()) {
        throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "constraint.contract", "a contract constraint needs the contract's name");
      }
      Limits.requireShortText(name, Limits.MAX_NAME_LENGTH, ErrorCode.INVALID_SEMANTIC, "constraint.contract", "contract name");
    }

    @Override
    public String describe() {
      return "contract " + name;
    }
  }

  private static String requireProperty(String property) {
    return Limits.requireName(property, ErrorCode.INVALID_SEMANTIC, "constraint.property", "constrained property name");
  }
}
