package org.verisimdb.cli.vql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.vql.ast.Value;

/**
 * The cells of the table and CSV formats: one per result column. A field column
 * ({@code document.title}) is read from the row's modality object (VQL.md §9.2), every other
 * column from the member of its name. Strings, ids and timestamps are their text; numbers and
 * booleans as in JSON; arrays and objects are compact JSON.
 */
final class Cells {
  static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private Cells() {}

  /** The value of {@code column} in {@code row}; NULL when the row has none. */
  static Value value(Value.Obj row, Column column) {
    String name = column.name();
    if (row.members().containsKey(name)) {
      return row.get(name);
    }
    int dot = name.indexOf('.');
    if (dot > 0 && row.get(name.substring(0, dot)) instanceof Value.Obj modality) {
      return modality.get(name.substring(dot + 1));
    }
    return Value.NULL;
  }

  /** {@code v} as text, or null for NULL. */
  static String text(Value v) {
    return switch (v) {
      case Value.Null n -> null;
      case Value.Str s -> s.value();
      case Value.Uuid u -> u.value();
      case Value.Time t -> t.canonical();
      default -> json(v);
    };
  }

  static boolean numeric(Value v) {
    return v instanceof Value.Int || v instanceof Value.Flt;
  }

  /** {@code v} as compact JSON. */
  static String json(Value v) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      ValueJson.write(v, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
