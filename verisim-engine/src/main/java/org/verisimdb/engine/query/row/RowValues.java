package org.verisimdb.engine.query.row;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.vql.ast.Value;

/**
 * Converts stored data to VQL run-time values: model {@link org.verisimdb.model.value.Value}s,
 * instants, floats, binary data, and the JSON-shaped Java objects the model's {@code toJson()}
 * methods return. Stateless and thread-safe.
 */
final class RowValues {
  private RowValues() {}

  /**
   * A model value. Scalars and collections map to their VQL kinds; a language-tagged string, a
   * typed literal and a reference keep the JSON-LD object form the octad JSON gives them
   * ({@code {"@value", "@language"}}, {@code {"@value", "@type"}}, {@code {"@id"}}).
   */
  static Value of(org.verisimdb.model.value.Value value) {
    return ValueJson.fromModel(value);
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
    return instant == null ? Value.NULL : ValueJson.time(instant);
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

  /**
   * A JSON-shaped Java value as {@link org.verisimdb.model.hash.CanonicalJson} accepts it: null,
   * Boolean, String, Integer, Long, Double, Instant, byte[], OctadId, a model value, a List, or
   * a Map with String keys (member order kept).
   */
  static Value fromJson(Object json) {
    return ValueJson.fromPlain(json);
  }
}
