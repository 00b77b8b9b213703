package org.verisimdb.engine.query.exec;

import java.util.Iterator;
import java.util.List;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.Result;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Diagnostic;

/** A result whose page is already formed (at most {@code vql.max_limit} rows): rows are handed out as they are read. */
final class PageResult implements Result {
  private final List<Column> columns;
  private final List<Value.Obj> rows;
  private final String nextCursor;
  private final Value.Obj certificate;
  private final Value.Obj transaction;
  private final List<Diagnostic> warnings;
  private final long startedNanos;
  private final Value.Obj explain;
  private boolean handedOut;

  PageResult(List<Column> columns, List<Value.Obj> rows, String nextCursor, Value.Obj certificate, Value.Obj transaction,
      List<Diagnostic> warnings, long startedNanos, Value.Obj explain) {
    this.columns = List.copyOf(columns);
    this.rows = rows;
    this.nextCursor = nextCursor;
    this.certificate = certificate;
    this.transaction = transaction;
    this.warnings = List.copyOf(warnings);
    this.startedNanos = startedNanos;
    this.explain = explain;
  }

  static PageResult rows(List<Column> columns, List<Value.Obj> rows, List<Diagnostic> warnings, long startedNanos) {
    return new PageResult(columns, rows, null, null, null, warnings, startedNanos, null);
  }

  /** Rows of the page, read or not. */
  int pageSize() {
    return rows.size();
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  @Override
  public Iterator<Value.Obj> rows() {
    if (handedOut) {
      throw new IllegalStateException("the rows of a result are read once");
    }
    handedOut = true;
    Iterator<Value.Obj> it = rows.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Value.Obj next() {
        Value.Obj r = it.next();
        return r;
      }
    };
  }

  @Override
  public long count() {
    return rows.size();
  }

  @Override
  public String nextCursor() {
    return nextCursor;
  }

  @Override
  public Value.Obj certificate() {
    return certificate;
  }

  @Override
  public Value.Obj transaction() {
    return transaction;
  }

  @Override
  public List<Diagnostic> warnings() {
    return warnings;
  }

  @Override
  public double elapsedMs() {
    return (System.nanoTime() - startedNanos) / 1e6;
  }

  @Override
  public Value.Obj explain() {
    return explain;
  }

  @Override
  public void close() {}
}
