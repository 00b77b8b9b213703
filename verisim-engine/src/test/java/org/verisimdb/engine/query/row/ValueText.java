package org.verisimdb.engine.query.row;

import java.util.Map;
import org.verisimdb.vql.ast.Value;

/**
 * Compact JSON text of a run-time value with members in their own order, so tests can state
 * expected shapes (member order included) the way VQL.md §9.3 prints them. Floats are written
 * with {@link Double#toString}, timestamps in their canonical form.
 */
final class ValueText {
  private ValueText() {}

  static String of(Value value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Value value, StringBuilder out) {
    switch (value) {
      case Value.Str(String s) -> quote(s, out);
      case Value.Uuid(String s) -> quote(s, out);
      case Value.Int(long l) -> out.append(l);
      case Value.Flt(double d) -> out.append(d);
      case Value.Bool(boolean b) -> out.append(b);
      case Value.Null n -> out.append("null");
      case Value.Time t -> quote(t.canonical(), out);
      case Value.Arr(var elements) -> {
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
          out.append(i == 0 ? "" : ",");
          write(elements.get(i), out);
        }
        out.append(']');
      }
      case Value.Obj(Map<String, Value> members) -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Value> member : members.entrySet()) {
          out.append(first ? "" : ",");
          first = false;
          quote(member.getKey(), out);
          out.append(':');
          write(member.getValue(), out);
        }
        out.append('}');
      }
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
  }
}
