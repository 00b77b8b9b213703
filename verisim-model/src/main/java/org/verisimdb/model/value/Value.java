package org.verisimdb.model.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.verisimdb.model.Limits;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * A value held by a document field, a semantic or spatial property, or a graph edge literal.
 *
 * <p>Scalars ({@link Str}, {@link Int}, {@link Real}, {@link Bool}) are allowed everywhere. The
 * richer forms ({@link LangStr}, {@link Typed}, {@link Ref}, {@link Seq}) are semantic-property
 * values; {@link LangStr} and {@link Typed} may also be edge literals. Every value is valid by
 * construction except for container rules, which the holder checks.
 *
 * <p>JSON form (JSON-LD conventions): {@code "text"}, {@code 42}, {@code 1.5}, {@code true},
 * {@code {"@value": "Oslo", "@language": "nb"}}, {@code {"@value": "2020-01-01", "@type": IRI}},
 * {@code {"@id": "octad-id"}}, {@code [ … ]}.
 */
public sealed interface Value {

  /** The stable tag of this kind of value in stored formats. */
  int tag();

  /** True for the four scalar kinds. */
  default boolean isScalar() {
    return this instanceof Str || this instanceof Int || this instanceof Real || this instanceof Bool;
  }

  /** A string. */
  record Str(String value) implements Value {
    public Str {
      if (value == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_VALUE, null, "a string value must not be null");
      }
      Limits.requireText(value, Limits.MAX_BODY_LENGTH, ErrorCode.INVALID_VALUE, null, "string value");
    }

    @Override
    public int tag() {
      return 1;
    }
  }

  /** A 64-bit integer. */
  record Int(long value) implements Value {
    @Override
    public int tag() {
      return 2;
    }
  }

  /** A finite 64-bit float. */
  record Real(double value) implements Value {
    public Real {
      if (!Double.isFinite(value)) {
        throw VeriSimException.invalid(ErrorCode.INVALID_VALUE, null, "number " + value + " is not finite; store finite numbers only");
      }
    }

    @Override
    public int tag() {
      return 3;
    }
  }

  /** A boolean. */
  record Bool(boolean value) implements Value {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    @Override
    public int tag() {
      return 4;
    }
  }

  /** A string in a natural language, tagged with a BCP 47 language tag ({@code "en"}, {@code "nb-NO"}). */
  record LangStr(String value, String language) implements Value {
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    public LangStr {
      if (value == null || language == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_VALUE, null, "a language-tagged string needs a value and a language tag");
      }
      Limits.requireText(value, Limits.MAX_STRING_LENGTH, ErrorCode.INVALID_VALUE, null, "string value");
      if (language.length() > 35 || !LANGUAGE_TAG.matcher(language).matches()) {
        throw VeriSimException.invalid(ErrorCode.INVALID_VALUE, null,
            "'" + language + "' is not a BCP 47 language tag; use a form like en, nb-NO or zh-Hant");
      }
    }

    @Override
    public int tag() {
      return 5;
    }
  }

  /** A literal in its lexical form with the IRI of its datatype ({@code xsd:date}, full IRIs). */
  record Typed(String lexical, String datatype) implements Value {
    public Typed {
      if (lexical == null || datatype == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_VALUE, null, "a typed literal needs a lexical form and a datatype IRI");
      }
      Limits.requireText(lexical, Limits.MAX_STRING_LENGTH, ErrorCode.INVALID_VALUE, null, "literal");
      Iris.require(datatype, ErrorCode.INVALID_VALUE, null, "datatype");
    }

    @Override
    public int tag() {
      return 6;
    }
  }

  /** A reference to another octad. */
  record Ref(OctadId target) implements Value {
    public Ref {
      if (target == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_VALUE, null, "a reference needs a target id");
      }
    }

    @Override
    public int tag() {
      return 7;
    }
  }

  /** An ordered collection of values, nested at most {@link Limits#MAX_COLLECTION_DEPTH} deep. */
  record Seq(List<Value> items) implements Value {
    public Seq {
      if (items == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_VALUE, null, "a collection must not be null");
      }
      items = List.copyOf(items);
      Limits.requireCount(items, Limits.MAX_COLLECTION_ITEMS, null, "collection items");
      if (depth(items) > Limits.MAX_COLLECTION_DEPTH) {
        throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, null,
            "collections are nested more than " + Limits.MAX_COLLECTION_DEPTH + " deep");
      }
    }

    private static int depth(List<Value> items) {
      int deepest = 0;
      for (Value item : items) {
        if (item instanceof Seq(List<Value> inner)) {
          deepest = Math.max(deepest, depth(inner));
        }
      }
      return deepest + 1;
    }

    @Override
    public int tag() {
      return 8;
    }
  }

  static Str of(String value) {
    return new Str(value);
  }

  static Int of(long value) {
    return new Int(value);
  }

  static Real of(double value) {
    return new Real(value);
  }

  static Bool of(boolean value) {
    return value ? Bool.TRUE : Bool.FALSE;
  }

  /**
   * Converts a plain Java value: String, Integer/Long/Short/Byte, Double/Float, Boolean, a List
   * of those, or a Value. Anything else is INVALID_VALUE.
   */
  static Value from(Object object) {
    return switch (object) {
      case Value v -> v;
      case String s -> new Str(s);
      case Long l -> new Int(l);
      case Integer i -> new Int(i);
      case Short s -> new Int(s);
      case Byte b -> new Int(b);
      case Double d -> new Real(d);
      case Float f -> new Real(f);
      case Boolean b -> of(b.booleanValue());
      case OctadId id -> new Ref(id);
      case List<?> list -> {
        List<Value> items = new ArrayList<>(list.size());
        for (Object item : list) {
          items.add(from(item));
        }
        yield new Seq(items);
      }
      case null -> throw VeriSimException.invalid(ErrorCode.INVALID_VALUE, null, "null is not a value; omit the field instead");
      case Map<?, ?> map -> throw VeriSimException.invalid(ErrorCode.INVALID_VALUE, null,
          "objects are not values; use a collection or separate fields");
      default -> throw VeriSimException.invalid(ErrorCode.INVALID_VALUE, null,
          "values of type " + object.getClass().getSimpleName() + " cannot be stored; use a string, number, boolean or list");
    };
  }
}
