package org.verisimdb.model.facet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.value.Value;

/**
 * The text view of an octad: named fields holding strings, numbers or booleans. Two fields have
 * fixed meaning and must be strings when present: {@code title} and {@code body}, both
 * full-text indexed with the other string fields. Present iff it has at least one field.
 *
 * <p>Field names are dot-separated identifiers ({@code year}, {@code venue.city}); the body
 * may hold up to {@link Limits#MAX_BODY_LENGTH} chars, every other string
 * {@link Limits#MAX_STRING_LENGTH}.
 */
public record DocumentFacet(SortedMap<String, Value> fields) implements Facet {
  public static final String TITLE = "title";
  public static final String BODY = "body";

  public DocumentFacet {
    if (fields == null || fields.isEmpty()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_DOCUMENT, "document",
          "a document needs at least one field; omit the modality instead");
    }
    Limits.requireCount(fields, Limits.MAX_FIELDS, "document", "document fields");
    TreeMap<String, Value> copy = new TreeMap<>();
    for (Map.Entry<String, Value> entry : fields.entrySet()) {
      String name = entry.getKey();
      Limits.requireName(name, ErrorCode.INVALID_DOCUMENT, "document", "field name");
      copy.put(name, check(name, entry.getValue()));
    }
    fields = Collections.unmodifiableSortedMap(copy);
  }

  private static Value check(String name, Value value) {
    String field = "document." + name;
    if (value == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_DOCUMENT, field, "field '" + name + "' has no value; omit it instead");
    }
    if (!value.isScalar()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_DOCUMENT, field,
          "field '" + name + "' holds a " + kind(value) + "; document fields hold strings, numbers or booleans");
    }
    if ((name.equals(TITLE) || name.equals(BODY)) && !(value instanceof Value.Str)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_DOCUMENT, field, "'" + name + "' must be a string");
    }
    if (value instanceof Value.Str(String s)) {
      Limits.requireText(s, name.equals(BODY) ? Limits.MAX_BODY_LENGTH : Limits.MAX_STRING_LENGTH, ErrorCode.INVALID_DOCUMENT, field,
          "field '" + name + "'");
    }
    return value;
  }

  private static String kind(Value value) {
    return switch (value) {
      case Value.LangStr l -> "language-tagged string";
      case Value.Typed t -> "typed literal";
      case Value.Ref r -> "reference";
      case Value.Seq s -> "collection";
      case Value.Str s -> "string";
      case Value.Int i -> "integer";
      case Value.Real r -> "number";
      case Value.Bool b -> "boolean";
    };
  }

  /** A document from a map of plain Java values ({@link Value#from}). */
  public static DocumentFacet of(Map<String, ?> fields) {
    TreeMap<String, Value> values = new TreeMap<>();
    fields.forEach((name, value) -> {
      try {
        values.put(name, Value.from(value));
      } catch (VeriSimException e) {
        throw e.under("document." + name);
      }
    });
    return new DocumentFacet(values);
  }

  /** A document with a title and a body (either may be null, not both). */
  public static DocumentFacet of(String title, String body) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (title != null) {
      fields.put(TITLE, title);
    }
    if (body != null) {
      fields.put(BODY, body);
    }
    return of(fields);
  }

  @Override
  public Modality modality() {
    return Modality.DOCUMENT;
  }

  /** The title, or null. */
  public String title() {
    return fields.get(TITLE) instanceof Value.Str(String s) ? s : null;
  }

  /** The body, or null. */
  public String body() {
    return fields.get(BODY) instanceof Value.Str(String s) ? s : null;
  }

  /** The value of a field, or null. */
  public Value field(String name) {
    return fields.get(name);
  }
}
