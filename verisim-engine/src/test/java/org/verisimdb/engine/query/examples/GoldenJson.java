package org.verisimdb.engine.query.examples;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.Span;

/**
 * The text of a golden file: the answer to one statement as VQL.md §9.1 (a result) or §10.1 (an
 * error object) encodes it, one top-level member per line and one column, row, warning or
 * diagnostic per line, so that a diff shows which row changed.
 *
 * <p><b>Masking rule.</b> Members whose value differs from run to run without the data or the
 * statement changing are replaced or left out; nothing else is touched, so every row is compared
 * whole:
 *
 * <ul>
 *   <li>{@code elapsed_ms} is left out (wall-clock time);
 *   <li>members measured at run time inside rows and plans ({@link #MEASURED}: actual times,
 *       latencies, start, measurement and issue instants, ages) are written as {@code "<name>"}, and
 *       an age in a message as {@code <age_ms>};
 *   <li>{@code next_cursor} is written as {@code "<cursor>"}: whether a cursor is issued is
 *       compared, the token is not (it is opaque and signed with a key made at start-up);
 *   <li>in a certificate, {@code issued_at}, {@code read_view.snapshot} and {@code signature}
 *       are written as {@code "<issued_at>"}, {@code "<snapshot>"} and {@code "<signature>"}
 *       (times of the run and a signature over them).
 * </ul>
 *
 * Commit times, hashes and transaction ids need no mask: the fixture commits every version at a
 * fixed time and each example that shows a transaction runs on a database of its own.
 */
final class GoldenJson {
  /** Members measured at run time (times, latencies, wall-clock instants), written as {@code "<name>"} when not null. */
  static final java.util.Set<String> MEASURED = java.util.Set.of("actual_ms", "actual_total_ms", "avg_ms", "p99_ms", "elapsed_ms",
      "started_at", "measured_at", "issued_at", "age_ms", "snapshot");

  /** An age measured against the wall clock inside a message ("… 4759 ms before issued_at"). */
  private static final java.util.regex.Pattern AGE = java.util.regex.Pattern.compile("\\d+ ms before issued_at");

  private GoldenJson() {}

  /** The golden text of a result whose rows have not been read yet. */
  static String of(Result r) {
    List<String> rows = new ArrayList<>();
    r.rows().forEachRemaining(row -> rows.add(compact(row)));
    Map<String, Object> top = new LinkedHashMap<>();
    List<String> columns = new ArrayList<>();
    for (Column c : r.columns()) {
      columns.add(compact(obj("name", new Value.Str(c.name()), "type", new Value.Str(c.type()))));
    }
    top.put("columns", columns);
    top.put("rows", rows);
    top.put("count", Long.toString(r.count()));
    if (r.nextCursor() != null) {
      top.put("next_cursor", quote("<cursor>"));
    }
    if (r.certificate() != null) {
      top.put("certificate", compact(maskCertificate(r.certificate())));
    }
    if (r.transaction() != null) {
      top.put("transaction", compact(r.transaction()));
    }
    if (!r.warnings().isEmpty()) {
      top.put("warnings", r.warnings().stream().map(d -> compact(diagnostic(d))).toList());
    }
    if (r.explain() != null) {
      top.put("explain", compact(r.explain()));
    }
    return lines(top);
  }

  /** The golden text of an error: the §10.1 error object. */
  static String of(VqlException e) {
    Map<String, Object> top = new LinkedHashMap<>();
    e.toErrorObject().members().forEach((name, value) -> {
      if (name.equals("diagnostics") && value instanceof Value.Arr(List<Value> items)) {
        top.put(name, items.stream().map(GoldenJson::compact).toList());
      } else {
        top.put(name, compact(value));
      }
    });
    return lines(top);
  }

  private static Value.Obj maskCertificate(Value.Obj certificate) {
    Map<String, Value> m = new LinkedHashMap<>(certificate.members());
    m.computeIfPresent("issued_at", (k, v) -> new Value.Str("<issued_at>"));
    m.computeIfPresent("signature", (k, v) -> new Value.Str("<signature>"));
    if (m.get("read_view") instanceof Value.Obj view && view.members().containsKey("snapshot")) {
      Map<String, Value> rv = new LinkedHashMap<>(view.members());
      rv.put("snapshot", new Value.Str("<snapshot>"));
      m.put("read_view", new Value.Obj(rv));
    }
    return new Value.Obj(m);
  }

  private static Value.Obj diagnostic(Diagnostic d) {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("severity", new Value.Str(d.severity().label()));
    m.put("code", new Value.Str(d.code().id()));
    m.put("message", new Value.Str(d.message()));
    Span s = d.span();
    if (s != null && s != Span.NONE) {
      m.put("position", obj("line", new Value.Int(s.line()), "column", new Value.Int(s.column()), "end_line", new Value.Int(s.endLine()),
          "end_column", new Value.Int(s.endColumn())));
    }
    if (d.hint() != null) {
      m.put("hint", new Value.Str(d.hint()));
    }
    return new Value.Obj(m);
  }

  private static Value.Obj obj(Object... nameValues) {
    Map<String, Value> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      m.put((String) nameValues[i], (Value) nameValues[i + 1]);
    }
    return new Value.Obj(m);
  }

  // Each member on a line; a list member as an array with one element per line.
  @SuppressWarnings("unchecked")
  private static String lines(Map<String, Object> top) {
    StringBuilder out = new StringBuilder("{\n");
    int i = 0;
    for (Map.Entry<String, Object> e : top.entrySet()) {
      out.append("  ").append(quote(e.getKey())).append(": ");
      if (e.getValue() instanceof List<?> list) {
        if (list.isEmpty()) {
          out.append("[]");
        } else {
          out.append("[\n");
          for (int j = 0; j < list.size(); j++) {
            out.append("    ").append(((List<String>) list).get(j)).append(j + 1 < list.size() ? ",\n" : "\n");
          }
          out.append("  ]");
        }
      } else {
        out.append(e.getValue());
      }
      out.append(++i < top.size() ? ",\n" : "\n");
    }
    return out.append("}\n").toString();
  }

  /** One value as JSON on one line, with a space after each colon and comma. */
  static String compact(Value v) {
    StringBuilder out = new StringBuilder();
    write(v, out);
    return out.toString();
  }

  private static void write(Value v, StringBuilder out) {
    switch (v) {
      case Value.Str(String s) -> out.append(quote(AGE.matcher(s).replaceAll("<age_ms> ms before issued_at")));
      case Value.Uuid(String s) -> out.append(quote(s));
      case Value.Int(long l) -> out.append(l);
      case Value.Flt(double d) -> out.append(d);
      case Value.Bool(boolean b) -> out.append(b);
      case Value.Null n -> out.append("null");
      case Value.Time t -> out.append(quote(t.canonical()));
      case Value.Arr(List<Value> elements) -> {
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
          out.append(i == 0 ? "" : ", ");
          write(elements.get(i), out);
        }
        out.append(']');
      }
      case Value.Obj(Map<String, Value> members) -> {
        out.append('{');
        int i = 0;
        for (Map.Entry<String, Value> m : members.entrySet()) {
          out.append(i++ == 0 ? "" : ", ").append(quote(m.getKey())).append(": ");
          if (MEASURED.contains(m.getKey()) && !(m.getValue() instanceof Value.Null)) {
            out.append(quote("<" + m.getKey() + ">"));
          } else {
            write(m.getValue(), out);
          }
        }
        out.append('}');
      }
    }
  }

  private static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
