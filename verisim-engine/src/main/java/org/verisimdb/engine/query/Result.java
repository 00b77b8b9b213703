package org.verisimdb.engine.query;

import java.util.Iterator;
import java.util.List;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Diagnostic;

/**
 * The answer to one statement (VQL.md §9.1). Rows are produced while they are read, one page
 * at most, never materialised beyond it: iterate {@link #rows()} once, then read the members
 * that are known only at the end ({@link #nextCursor()}, {@link #certificate()},
 * {@link #elapsedMs()}). An EXPLAIN answers with {@link #explain()} and no rows. Close it to
 * release the snapshot it reads (closing early abandons the rest of the page).
 */
public interface Result extends AutoCloseable {

  /** The columns in select-list order. */
  List<Column> columns();

  /**
   * The rows of the page, in result order, each an object whose members are as VQL.md §9.2
   * describes. Single use. A failure while producing rows is a {@link VqlException}.
   */
  Iterator<Value.Obj> rows();

  /** Rows delivered so far. */
  long count();

  /** The cursor of the next page, or null; known once the rows are exhausted. */
  String nextCursor();

  /** The proof certificate of a VQL-DT statement (§7.7), or null; known once the rows are exhausted. */
  Value.Obj certificate();

  /** {@code {id, isolation, state}} for BEGIN, COMMIT and ROLLBACK, else null. */
  Value.Obj transaction();

  /** Warnings of analysis and execution. */
  List<Diagnostic> warnings();

  /** Server time for the statement so far, in milliseconds. */
  double elapsedMs();

  /** The EXPLAIN object of §8 for EXPLAIN [ANALYZE], else null. */
  Value.Obj explain();

  @Override
  void close();
}
