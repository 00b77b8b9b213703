package org.verisimdb.engine.query;

import org.verisimdb.vql.check.Bindings;

/**
 * A VQL session of one principal (VQL.md §5.13): it runs statements one after another and holds
 * the transaction opened by BEGIN until COMMIT or ROLLBACK. Used by one thread at a time;
 * closing it rolls back an open transaction.
 */
public interface VqlSession extends AutoCloseable {

  String principal();

  /**
   * Runs one statement (a request, §2.9) with its parameter values. Errors of analysis,
   * planning and execution are {@link VqlException}s and leave the database unchanged.
   */
  Result execute(String statement, Bindings parameters);

  default Result execute(String statement) {
    return execute(statement, Bindings.NONE);
  }

  /** Parses, analyses and plans a statement once, to execute it many times with different values. */
  PreparedStatement prepare(String statement);

  @Override
  void close();
}
