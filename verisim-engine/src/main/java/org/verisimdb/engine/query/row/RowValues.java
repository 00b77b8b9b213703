package org.verisimdb.engine.query.row;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.Value;

/**
 * Converts stored data to VQL run-time values: model {@link org.verisimdb.model.value.Value}s,
 * instants, floats, binary data, and the JSON-shaped Java objects the model's {@code toJson()}
 * methods return. Stateless and thread-safe.
 */
final class RowValues {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private RowValues() {}

  /**
   * A model value. Scalars and collections map to their VQL kinds; a language-tagged string, a
   * typed literal and a reference keep the JSON-LD object form the octad JSON gives them
   * ({@code {"@value", "@language"}}, {@code {"@value", "@type"}}, {@code {"@id"}}).
   */
  static Value of(org.verisimdb.model.value.Value value) {
    return switch (value) {
      case org.verisimdb.model.value.Value.Str(String s) -> new Value.Str(s);
      case org.verisimdb.model.value.Value.Int(long l) -> new Value.Int(l);
      case org.verisimdb.model.value.Value.Real(double d) -> new Value.Flt(d);
      case org.verisimdb.model.value.Value.Bool(boolean b) -> b ? Value.TRUE : Value.FALSE;
      case org.verisimdb.model.value.Value.LangStr(String text, String language) ->
          pair("@value", text, "@language", language);
      case org.verisimdb.model.value.Value.Typed(String lexical, String datatype) ->
          pair("@value", lexical, "@type", datatype);
      case org.verisimdb.model.value.Value.Ref(OctadId target) -> new Value.Obj(Map.of("@id", new Value.Str(target.value())));
      case org.verisimdb.model.value.Value.Seq(List<org.verisimdb.model.value.Value> items) ->
          new Value.Arr(items.stream().map(RowValues::of).toList());
    };
  }

  /** Named values as an object, in key order. */
  static Value object(SortedMap<String, org.verisimdb.model.value.Value> values) {
    Map<String, Value> members = new LinkedHashMap<>();
    values.forEach((key, value) -> members.put(key, of(value)));
    return new Value.Obj(members);
  }

  /**
   * Field {@code name} of a free-property map: {@code properties} is the whole map as an object,
   * {@code properties.<key>} one property (the key may hold dots), anything else NULL.
   */
  static Value properties(SortedMap<String, org.verisimdb.model.value.Value> properties, String name) {
    if (name.equals("properties")) {
      return object(properties);
    }
    org.verisimdb.model.value.Value value =
        name.startsWith("properties.") ? properties.get(name.substring("properties.".length())) : null;
    return value == null ? Value.NULL : of(value);
  }

  /** A timestamp, microsecond precision; null gives NULL. */
  static Value time(Instant instant) {
    return instant == null ? Value.NULL : new Value.Time(instant.getEpochSecond(), instant.getNano() / 1000);
  }

  /** A string; null gives NULL. */
  static Value text(String s) {
    return s == null ? Value.NULL : new Value.Str(s);
  }

  static Value strings(Collection<String> strings) {
    List<Value> elements = new ArrayList<>(strings.size());
    for (String s : strings) {
      elements.add(new Value.Str(s));
    }
    return new Value.Arr(elements);
  }

  /**
   * A float32 as the double of its shortest decimal form, so {@code 0.1f} reads as 0.1 rather
   * than 0.10000000149011612: the number the writer most likely meant.
   */
  static double decimal(float f) {
    return Double.parseDouble(Float.toString(f));
  }

  /** Binary data as base64url without padding (VQL.md §7.6). */
  static Value base64url(byte[] bytes) {
    return new Value.Str(BASE64URL.encodeToString(bytes));
  }

  /**
   * A JSON-shaped Java value as {@link org.verisimdb.model.hash.CanonicalJson} accepts it: null,
   * Boolean, String, Integer, Long, Double, Instant, byte[], OctadId, a model value, a List, or
   * a Map with String keys (member order kept).
   */
  static Value fromJson(Object json) {
    return switch (json) {
      case null -> Value.NULL;
      case Boolean b -> b ? Value.TRUE : Value.FALSE;
      case String s -> new Value.Str(s);
      case Integer i -> new Value.Int(i);
      case Long l -> new Value.Int(l);
      case Double d -> new Value.Flt(d);
      case Instant t -> time(t);
      case byte[] bytes -> base64url(bytes);
      case OctadId id -> new Value.Str(id.value());
      case org.verisimdb.model.value.Value v -> of(v);
      case List<?> list -> new Value.Arr(list.stream().map(RowValues::fromJson).toList());
      case Map<?, ?> map -> {
        Map<String, Value> members = new LinkedHashMap<>();
        map.forEach((key, value) -> members.put((String) key, fromJson(value)));
        yield new Value.Obj(members);
      }
      default -> throw new IllegalArgumentException("no VQL value for " + json.getClass().getName());
    };
  }

  private static Value pair(String name1, String value1, String name2, String value2) {
    Map<String, Value> members = new LinkedHashMap<>();
    members.put(name1, new Value.Str(value1));
    members.put(name2, new Value.Str(value2));
    return new Value.Obj(members);
  }
}
