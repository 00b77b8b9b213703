package org.verisimdb.cli.vql;

import java.io.PrintWriter;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Diagnostic;

/** Prints the results of the statements of one invocation, in one of the {@link OutputFormat}s. */
sealed interface ResultPrinter permits JsonPrinter, TablePrinter, CsvPrinter {

  /**
   * Prints one statement's result, reading its rows.
   *
   * @throws VqlException if producing a row fails; what was printed of the result stays printed
   */
  void print(Result result);

  static ResultPrinter of(OutputFormat format, PrintWriter out, PrintWriter err) {
    return switch (format) {
      case JSON -> new JsonPrinter(out);
      case TABLE -> new TablePrinter(out, err);
      case CSV -> new CsvPrinter(out, err);
    };
  }

  /** {@code transaction 3 (SNAPSHOT): active}: the text form of a BEGIN, COMMIT or ROLLBACK result. */
  static String transaction(Value.Obj tx) {
    return "transaction " + Cells.text(tx.get("id")) + " (" + Cells.text(tx.get("isolation")) + "): " + Cells.text(tx.get("state"));
  }

  /** Warnings as the first line of the text rendering of VQL.md §10.1, on standard error. */
  static void warnings(Result result, PrintWriter err) {
    for (Diagnostic d : result.warnings()) {
      err.println(d.headline());
    }
    err.flush();
  }
}
