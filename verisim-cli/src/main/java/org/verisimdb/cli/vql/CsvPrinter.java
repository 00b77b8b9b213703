package org.verisimdb.cli.vql;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.Result;
import org.verisimdb.vql.ast.Value;

/**
 * {@code --format csv}: RFC 4180 (CRLF line ends; a field with a comma, quote or line break is
 * quoted, quotes doubled). A header row of the column names, then one record per row, written as
 * read. NULL is an empty field and an empty string a quoted one ({@code ""}). Results are
 * separated by an empty line; a statement without columns (BEGIN, COMMIT, ROLLBACK) prints no
 * table. Everything that is not a row (transaction, next cursor, certificate, warnings) goes to
 * standard error; an EXPLAIN is one {@code explain} column holding its JSON.
 */
final class CsvPrinter implements ResultPrinter {
  private static final String EOL = "\r\n";
  private final PrintWriter out;
  private final PrintWriter err;
  private boolean first = true;

  CsvPrinter(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void print(Result result) {
    if (result.explain() != null) {
      separate();
      out.print("explain" + EOL + field(Cells.json(result.explain())) + EOL);
    } else if (!result.columns().isEmpty()) {
      separate();
      rows(result);
    }
    out.flush();
    if (result.transaction() != null) {
      err.println(ResultPrinter.transaction(result.transaction()));
    }
    if (result.nextCursor() != null) {
      err.println("next_cursor: " + result.nextCursor());
    }
    if (result.certificate() != null) {
      err.println("certificate: " + Cells.json(result.certificate()));
    }
    ResultPrinter.warnings(result, err);
  }

  private void separate() {
    if (!first) {
      out.print(EOL);
    }
    first = false;
  }

  private void rows(Result result) {
    List<Column> columns = result.columns();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      line.append(i == 0 ? "" : ",").append(field(columns.get(i).name()));
    }
    out.print(line.append(EOL));
    for (Iterator<Value.Obj> rows = result.rows(); rows.hasNext();) {
      Value.Obj row = rows.next();
      line.setLength(0);
      for (int i = 0; i < columns.size(); i++) {
        String text = Cells.text(Cells.value(row, columns.get(i)));
        line.append(i == 0 ? "" : ",").append(text == null ? "" : field(text));
      }
      out.print(line.append(EOL));
    }
  }

  /** A non-null field, quoted when RFC 4180 requires it or when it is empty (an empty unquoted field is NULL). */
  static String field(String s) {
    boolean quote = s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
