package org.verisimdb.engine.query.proof;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.vql.ast.Value;

/**
 * JSON text to VQL values, and typed reads of object members, for the offline check. A JSON
 * integer that fits a long is an {@link Value.Int}, any other number a {@link Value.Flt};
 * timestamps stay strings. Repeated member names are rejected. Thread-safe.
 */
final class JsonValues {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private JsonValues() {}

  /** The value of a JSON text. */
  static Value parse(String json) {
    try {
      return value(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Value value(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return Value.NULL;
    }
    if (n.isObject()) {
      Map<String, Value> members = new LinkedHashMap<>();
      n.properties().forEach(e -> members.put(e.getKey(), value(e.getValue())));
      return new Value.Obj(members);
    }
    if (n.isArray()) {
      List<Value> elements = new ArrayList<>(n.size());
      n.forEach(e -> elements.add(value(e)));
      return new Value.Arr(elements);
    }
    if (n.isTextual()) {
      return new Value.Str(n.textValue());
    }
    if (n.isBoolean()) {
      return n.booleanValue() ? Value.TRUE : Value.FALSE;
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return new Value.Int(n.longValue());
    }
    return new Value.Flt(n.doubleValue());
  }

  /** The object member {@code name} as text, or null when absent or of another kind. */
  static String text(Value.Obj o, String name) {
    return o.members().get(name) instanceof Value.Str(String s) ? s : null;
  }

  /** The member as a long, or null. */
  static Long integer(Value.Obj o, String name) {
    return o.members().get(name) instanceof Value.Int(long n) ? n : null;
  }

  /** The member as a double (an integer counts), or null. */
  static Double number(Value.Obj o, String name) {
    return switch (o.members().get(name)) {
      case Value.Int(long n) -> (double) n;
      case Value.Flt(double d) -> d;
      case null, default -> null;
    };
  }

  /** The member as a boolean, or null. */
  static Boolean bool(Value.Obj o, String name) {
    return o.members().get(name) instanceof Value.Bool(boolean b) ? b : null;
  }

  /** The member as an object, or null. */
  static Value.Obj object(Value.Obj o, String name) {
    return o.members().get(name) instanceof Value.Obj obj ? obj : null;
  }

  /** The member as a list of values, or null. */
  static List<Value> array(Value.Obj o, String name) {
    return o.members().get(name) instanceof Value.Arr(List<Value> elements) ? elements : null;
  }

  /** The member's text, whether it is a string or a timestamp value, or null. */
  static String time(Value.Obj o, String name) {
    return switch (o.members().get(name)) {
      case Value.Str(String s) -> s;
      case Value.Time t -> t.canonical();
      case null, default -> null;
    };
  }
}
