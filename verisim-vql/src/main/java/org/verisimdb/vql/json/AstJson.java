package org.verisimdb.vql.json;

import java.lang.reflect.RecordComponent;
import java.util.List;
import org.verisimdb.vql.ast.Trees;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.Span;

/**
 * The JSON form of a syntax tree, for EXPLAIN, the language server and clients. Shape (stable):
 * every node is an object whose first member is {@code "kind"} ({@code "Statement.Select"},
 * {@code "Cond.Compare"}, {@code "Name"}, …), followed by its components in declaration order
 * under their record names, with {@code "span"} ({@code [line, column, endLine, endColumn]})
 * last when spans are requested. Absent optional parts are {@code null}, lists are arrays, enums
 * are their names. Values are {@code {"type": …, "value": …}} with type string, integer, float,
 * boolean, null, timestamp (canonical text), uuid or array. Stateless.
 */
public final class AstJson {
  private AstJson() {}

  /** Compact JSON of {@code node} (a statement or any part of one). */
  public static String toJson(Object node, boolean spans) {
    JsonWriter w = new JsonWriter();
    write(w, node, spans);
    return w.toString();
  }

  /** A diagnostic as in VQL.md §10.1: code, severity, message, position, hint. */
  public static void diagnostic(JsonWriter w, Diagnostic d) {
    Span s = d.span();
    w.beginObject().name("code").value(d.code().id()).name("severity").value(d.severity().label()).name("message").value(d.message());
    w.name("position").beginObject().name("line").value(s.line()).name("column").value(s.column()).name("end_line").value(s.endLine())
        .name("end_column").value(s.endColumn()).endObject();
    w.name("hint").value(d.hint()).name("retryable").value(d.code().retryable()).endObject();
  }

  private static void write(JsonWriter w, Object node, boolean spans) {
    switch (node) {
      case null -> w.nullValue();
      case Value v -> value(w, v);
      case Span s -> w.beginArray().value(s.line()).value(s.column()).value(s.endLine()).value(s.endColumn()).endArray();
      case List<?> list -> {
        w.beginArray();
        for (Object element : list) {
          write(w, element, spans);
        }
        w.endArray();
      }
      case Enum<?> e -> w.value(e.name());
      case String s -> w.value(s);
      case Boolean b -> w.value(b);
      case Integer i -> w.value(i);
      case Long l -> w.value(l);
      case Record r -> record(w, r, spans);
      default -> throw new IllegalArgumentException("not a syntax tree node: " + node.getClass().getName());
    }
  }

  private static void record(JsonWriter w, Record r, boolean spans) {
    Class<?> type = r.getClass();
    Class<?> outer = type.getEnclosingClass();
    String kind = outer != null && outer.isInterface() ? outer.getSimpleName() + "." + type.getSimpleName() : type.getSimpleName();
    w.beginObject().name("kind").value(kind);
    Span span = null;
    for (RecordComponent c : Trees.components(type)) {
      Object value = Trees.read(c, r);
      if (value instanceof Span s) {
        span = s;
        continue;
      }
      w.name(c.getName());
      write(w, value, spans);
    }
    if (spans && span != null) {
      w.name("span");
      write(w, span, true);
    }
    w.endObject();
  }

  private static void value(JsonWriter w, Value v) {
    w.beginObject().name("type");
    switch (v) {
      case Value.Str s -> w.value("string").name("value").value(s.value());
      case Value.Int i -> w.value("integer").name("value").value(i.value());
      case Value.Flt f -> w.value("float").name("value").value(f.value());
      case Value.Bool b -> w.value("boolean").name("value").value(b.value());
      case Value.Null n -> w.value("null").name("value").nullValue();
      case Value.Time t -> w.value("timestamp").name("value").value(t.canonical());
      case Value.Uuid u -> w.value("uuid").name("value").value(u.value());
      case Value.Obj o -> throw new IllegalArgumentException("an object is never a literal: " + o);
      case Value.Arr a -> {
        w.value("array").name("value").beginArray();
        for (Value e : a.elements()) {
          value(w, e);
        }
        w.endArray();
      }
    }
    w.endObject();
  }
}
