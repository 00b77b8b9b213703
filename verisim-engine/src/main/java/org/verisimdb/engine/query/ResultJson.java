package org.verisimdb.engine.query;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Iterator;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Diagnostic;

/**
 * A {@link Result} as the JSON object clients receive (VQL.md §9.1): {@code columns},
 * {@code rows}, {@code count}, {@code elapsed_ms}, then {@code next_cursor} and
 * {@code certificate} when present, {@code warnings} when there are any (each a §10.1
 * diagnostic object) and {@code transaction} for BEGIN, COMMIT and ROLLBACK. Rows are written
 * as they are read from the result, never collected. An EXPLAIN result is its §8 object alone.
 * Errors are written with {@link #writeError}. Stateless and thread-safe.
 */
public final class ResultJson {
  private ResultJson() {}

  /**
   * Writes {@code result} as one JSON object, reading its rows (which can be read only once).
   * Does not close the result nor flush the generator.
   *
   * @throws VqlException if producing a row fails; the object is then left unfinished
   */
  public static void write(Result result, JsonGenerator g) throws IOException {
    if (result.explain() != null) {
      ValueJson.write(result.explain(), g);
      return;
    }
    g.writeStartObject();
    g.writeArrayFieldStart("columns");
    for (Column c : result.columns()) {
      g.writeStartObject();
      g.writeStringField("name", c.name());
      g.writeStringField("type", c.type());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("rows");
    long count = 0;
    for (Iterator<Value.Obj> rows = result.rows(); rows.hasNext(); count++) {
      ValueJson.write(rows.next(), g);
    }
    g.writeEndArray();
    g.writeNumberField("count", count);
    // Microseconds are as fine as a server time means anything; more digits are noise.
    g.writeNumberField("elapsed_ms", Math.round(result.elapsedMs() * 1000) / 1000.0);
    if (result.nextCursor() != null) {
      g.writeStringField("next_cursor", result.nextCursor());
    }
    if (result.certificate() != null) {
      g.writeFieldName("certificate");
      ValueJson.write(result.certificate(), g);
    }
    if (!result.warnings().isEmpty()) {
      g.writeArrayFieldStart("warnings");
      for (Diagnostic d : result.warnings()) {
        ValueJson.write(VqlException.diagnosticObject(d), g);
      }
      g.writeEndArray();
    }
    if (result.transaction() != null) {
      g.writeFieldName("transaction");
      ValueJson.write(result.transaction(), g);
    }
    g.writeEndObject();
  }

  /** Writes the error object of VQL.md §10.1 for {@code error}. */
  public static void writeError(VqlException error, JsonGenerator g) throws IOException {
    ValueJson.write(error.toErrorObject(), g);
  }
}
