package org.verisimdb.cli.vql;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.Result;
import org.verisimdb.vql.ast.Value;

/**
 * {@code --format table}: for people. The result's columns aligned under a header, numbers to
 * the right, NULL spelled out, line breaks and tabs inside values shown as {@code \n}, {@code \r}, {@code \t}; then
 * {@code (N rows)}, the next cursor and the certificate when there are any. A transaction
 * statement prints one line, an EXPLAIN its plan as a tree (ExplainText). Results are separated by an
 * empty line; warnings go to standard error. A page is held in memory to align it (a page is at
 * most {@code vql.max_limit} rows).
 */
final class TablePrinter implements ResultPrinter {
  private static final String NULL = "NULL";
  private final PrintWriter out;
  private final PrintWriter err;
  private boolean first = true;

  TablePrinter(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void print(Result result) {
    if (!first) {
      out.println();
    }
    first = false;
    if (result.explain() != null) {
      out.print(org.verisimdb.engine.query.ExplainText.render(result.explain()));
    } else if (result.columns().isEmpty() && result.transaction() != null) {
      out.println(ResultPrinter.transaction(result.transaction()));
    } else {
      table(result);
    }
    out.flush();
    ResultPrinter.warnings(result, err);
  }

  private void table(Result result) {
    List<Column> columns = result.columns();
    List<String[]> cells = new ArrayList<>();
    List<boolean[]> right = new ArrayList<>();
    for (Iterator<Value.Obj> rows = result.rows(); rows.hasNext();) {
      Value.Obj row = rows.next();
      String[] line = new String[columns.size()];
      boolean[] numeric = new boolean[columns.size()];
      for (int i = 0; i < line.length; i++) {
        Value v = Cells.value(row, columns.get(i));
        String text = Cells.text(v);
        line[i] = text == null ? NULL : escape(text);
        numeric[i] = Cells.numeric(v);
      }
      cells.add(line);
      right.add(numeric);
    }
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = width(columns.get(i).name());
      for (String[] line : cells) {
        widths[i] = Math.max(widths[i], width(line[i]));
      }
    }
    if (!columns.isEmpty()) {
      String[] header = columns.stream().map(Column::name).toArray(String[]::new);
      line(header, new boolean[header.length], widths);
      StringBuilder rule = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
      }
      out.println(rule);
    }
    for (int r = 0; r < cells.size(); r++) {
      line(cells.get(r), right.get(r), widths);
    }
    out.println("(" + cells.size() + (cells.size() == 1 ? " row)" : " rows)"));
    if (result.nextCursor() != null) {
      out.println("next_cursor: " + result.nextCursor());
    }
    if (result.certificate() != null) {
      out.println("certificate: " + Cells.json(result.certificate()));
    }
  }

  private void line(String[] cells, boolean[] right, int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String pad = " ".repeat(widths[i] - width(cells[i]));
      b.append(i == 0 ? "" : " | ").append(right[i] ? pad + cells[i] : cells[i] + pad);
    }
    out.println(b.toString().stripTrailing());
  }

  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }

  private static String escape(String s) {
    return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }
}
