package org.verisimdb.engine;

import java.nio.file.Path;

/**
 * An open VeriSimDB database. As a {@link Session} it acts as the configured default principal
 * ({@code principal.default}); {@link #session(String)} acts as another. Thread-safe. Close it to
 * release its directory; operations after close fail with DATABASE_CLOSED.
 */
public interface Database extends Session, AutoCloseable {

  /** A session that acts as {@code principal}. */
  Session session(String principal);

  /** Counts of octads and of each modality. */
  DatabaseStats stats();

  DatabaseConfig config();

  /** The database directory, or null for an in-memory database. */
  Path directory();

  /** True when committed data survives the process (false for in-memory storage). */
  boolean durable();

  /**
   * Makes everything committed so far durable in the stores and deletes the log segments they no
   * longer need, so that recovery after a crash replays only what comes next. Runs by itself
   * periodically, when the log has grown, and on close; writes continue meanwhile.
   */
  void checkpoint();

  @Override
  void close();
}
