package org.verisimdb.engine.query.value;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.Value;

/**
 * Run-time values as JSON (VQL.md §9.2) and as plain Java values, and the conversion from stored
 * values. A timestamp is its canonical string (§7.6), a UUID a string, an object's members keep
 * their order. A stored language-tagged string, typed literal or reference becomes the object of
 * its JSON-LD form ({@code {"@value", "@language"}}, {@code {"@value", "@type"}}, {@code {"@id"}}),
 * the form the store writes and hashes. Stateless and thread-safe.
 */
public final class ValueJson {
  private static final java.util.Base64.Encoder BASE64URL = java.util.Base64.getUrlEncoder().withoutPadding();

  private ValueJson() {}

  /** Writes {@code v} as result JSON. Floats stay JSON numbers with a fraction or exponent: {@code 2.0}, never {@code 2}. */
  public static void write(Value v, JsonGenerator g) throws IOException {
    switch (v) {
      case Value.Str(String s) -> g.writeString(s);
      case Value.Uuid(String s) -> g.writeString(s);
      case Value.Int(long l) -> g.writeNumber(l);
      case Value.Flt(double d) -> g.writeNumber(d);
      case Value.Bool(boolean b) -> g.writeBoolean(b);
      case Value.Null _ -> g.writeNull();
      case Value.Time t -> g.writeString(t.canonical());
      case Value.Arr(List<Value> elements) -> {
        g.writeStartArray();
        for (Value e : elements) {
          write(e, g);
        }
        g.writeEndArray();
      }
      case Value.Obj(Map<String, Value> members) -> {
        g.writeStartObject();
        for (Map.Entry<String, Value> member : members.entrySet()) {
          g.writeFieldName(member.getKey());
          write(member.getValue(), g);
        }
        g.writeEndObject();
      }
    }
  }

  /**
   * {@code v} as String, Long, Double, Boolean, null, List or LinkedHashMap (a timestamp as its
   * canonical string): the input {@link org.verisimdb.model.hash.CanonicalJson#write(Object)}
   * hashes.
   */
  public static Object toPlain(Value v) {
    return switch (v) {
      case Value.Str(String s) -> s;
      case Value.Uuid(String s) -> s;
      case Value.Int(long l) -> l;
      case Value.Flt(double d) -> d;
      case Value.Bool(boolean b) -> b;
      case Value.Null _ -> null;
      case Value.Time t -> t.canonical();
      case Value.Arr(List<Value> elements) -> {
        List<Object> list = new ArrayList<>(elements.size()); // not List.of: elements may be null
        for (Value e : elements) {
          list.add(toPlain(e));
        }
        yield list;
      }
      case Value.Obj(Map<String, Value> members) -> {
        Map<String, Object> map = new LinkedHashMap<>();
        members.forEach((name, member) -> map.put(name, toPlain(member)));
        yield map;
      }
    };
  }

  /**
   * A JSON-like Java value as a run-time value: String, Integer/Long/Short/Byte, Double/Float
   * (finite), Boolean, null, Instant (truncated to microseconds), OctadId (its string), byte[]
   * (base64url without padding, §7.6), a stored model value ({@link #fromModel}), List, Map with
   * String keys, or a Value itself. Anything else is our bug: IllegalArgumentException.
   */
  public static Value fromPlain(Object o) {
    return switch (o) {
      case null -> Value.NULL;
      case Value v -> v;
      case String s -> new Value.Str(s);
      case Long l -> new Value.Int(l);
      case Integer i -> new Value.Int(i);
      case Short s -> new Value.Int(s);
      case Byte b -> new Value.Int(b);
      case Double d -> new Value.Flt(d);
      case Float f -> new Value.Flt(f);
      case Boolean b -> b ? Value.TRUE : Value.FALSE;
      case Instant t -> time(t);
      case OctadId id -> new Value.Str(id.value());
      case byte[] bytes -> new Value.Str(BASE64URL.encodeToString(bytes));
      case org.verisimdb.model.value.Value stored -> fromModel(stored);
      case List<?> list -> {
        List<Value> elements = new ArrayList<>(list.size());
        for (Object e : list) {
          elements.add(fromPlain(e));
        }
        yield new Value.Arr(elements);
      }
      case Map<?, ?> map -> {
        Map<String, Value> members = new LinkedHashMap<>();
        for (Map.Entry<?, ?> member : map.entrySet()) {
          if (!(member.getKey() instanceof String name)) {
            throw new IllegalArgumentException("object member names must be strings, got " + member.getKey());
          }
          members.put(name, fromPlain(member.getValue()));
        }
        yield new Value.Obj(members);
      }
      default -> throw new IllegalArgumentException("no run-time value for " + o.getClass().getName());
    };
  }

  /** A stored value (document field, property, edge literal) as a run-time value. */
  public static Value fromModel(org.verisimdb.model.value.Value v) {
    return switch (v) {
      case org.verisimdb.model.value.Value.Str(String s) -> new Value.Str(s);
      case org.verisimdb.model.value.Value.Int(long l) -> new Value.Int(l);
      case org.verisimdb.model.value.Value.Real(double d) -> new Value.Flt(d);
      case org.verisimdb.model.value.Value.Bool(boolean b) -> b ? Value.TRUE : Value.FALSE;
      case org.verisimdb.model.value.Value.LangStr(String text, String language) -> linkedData("@value", text, "@language", language);
      case org.verisimdb.model.value.Value.Typed(String lexical, String datatype) -> linkedData("@value", lexical, "@type", datatype);
      case org.verisimdb.model.value.Value.Ref(OctadId target) -> new Value.Obj(Map.of("@id", new Value.Str(target.value())));
      case org.verisimdb.model.value.Value.Seq(List<org.verisimdb.model.value.Value> items) -> {
        List<Value> elements = new ArrayList<>(items.size());
        for (org.verisimdb.model.value.Value item : items) {
          elements.add(fromModel(item));
        }
        yield new Value.Arr(elements);
      }
    };
  }

  private static Value.Obj linkedData(String name1, String value1, String name2, String value2) {
    Map<String, Value> members = new LinkedHashMap<>();
    members.put(name1, new Value.Str(value1));
    members.put(name2, new Value.Str(value2));
    return new Value.Obj(members);
  }

  /** An instant as a timestamp value, truncated to microseconds (towards the past). */
  public static Value.Time time(Instant t) {
    return new Value.Time(t.getEpochSecond(), t.getNano() / 1000);
  }
}
