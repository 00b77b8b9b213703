package org.verisimdb.cli.vql;

import java.util.Iterator;
import java.util.List;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.Span;

/**
 * Where a statement starts in the script it was taken from: the engine reports positions in
 * the statement's own text, and these move them to the script's lines and columns (a column
 * moves only on the statement's first line).
 *
 * @param start UTF-16 offset of the statement in the script
 * @param line 1-based line of its first character
 * @param column 1-based column of its first character
 */
record Origin(int start, int line, int column) {
  /** A statement that is the whole text: positions stay as they are. */
  static final Origin NONE = new Origin(0, 1, 1);

  static Origin of(Span statement) {
    return new Origin(statement.start(), statement.line(), statement.column());
  }

  Span span(Span s) {
    if (this.equals(NONE)) {
      return s;
    }
    return new Span(s.start() + start, s.end() + start, s.line() + line - 1, s.line() == 1 ? s.column() + column - 1 : s.column(),
        s.endLine() + line - 1, s.endLine() == 1 ? s.endColumn() + column - 1 : s.endColumn());
  }

  Diagnostic diagnostic(Diagnostic d) {
    return new Diagnostic(span(d.span()), d.severity(), d.code(), d.message(), d.hint());
  }

  VqlException error(VqlException e) {
    if (this.equals(NONE)) {
      return e;
    }
    return new VqlException(e.code(), e.getMessage(), e.position() == null ? null : span(e.position()), e.hint(), e.details(),
        e.diagnostics().stream().map(this::diagnostic).toList());
  }

  /** {@code r} with its warnings' positions in the script; everything else is read from {@code r}. */
  Result result(Result r) {
    if (this.equals(NONE) || r.warnings().isEmpty()) {
      return r;
    }
    List<Diagnostic> warnings = r.warnings().stream().map(this::diagnostic).toList();
    return new Result() {
      @Override
      public List<Column> columns() {
        return r.columns();
      }

      @Override
      public Iterator<Value.Obj> rows() {
        return r.rows();
      }

      @Override
      public long count() {
        return r.count();
      }

      @Override
      public String nextCursor() {
        return r.nextCursor();
      }

      @Override
      public Value.Obj certificate() {
        return r.certificate();
      }

      @Override
      public Value.Obj transaction() {
        return r.transaction();
      }

      @Override
      public List<Diagnostic> warnings() {
        return warnings;
      }

      @Override
      public double elapsedMs() {
        return r.elapsedMs();
      }

      @Override
      public Value.Obj explain() {
        return r.explain();
      }

      @Override
      public void close() {
        r.close();
      }
    };
  }
}
