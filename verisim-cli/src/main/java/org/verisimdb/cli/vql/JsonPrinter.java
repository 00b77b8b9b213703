package org.verisimdb.cli.vql;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.ResultJson;

/**
 * {@code --format json}: each result as its VQL.md §9.1 object (an EXPLAIN as its §8 object) on
 * one line, so that a script's output is newline-delimited JSON. Rows go out as they are read.
 */
final class JsonPrinter implements ResultPrinter {
  private final PrintWriter out;

  JsonPrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void print(Result result) {
    write(out, g -> ResultJson.write(result, g));
  }

  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * Writes one JSON line. When {@code body} fails half way, the text written so far is flushed
   * and the line ended, never completed into JSON that would look whole.
   */
  static void write(PrintWriter target, Body body) {
    try {
      JsonGenerator g = Cells.JSON.createGenerator(target);
      try {
        body.write(g);
      } finally {
        g.flush();
        target.println();
        target.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
