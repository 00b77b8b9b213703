package org.verisimdb.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;

/**
 * A cursor over a streaming result set: rows are stepped one at a time, never loaded together.
 * It owns its statement and, through {@code release}, whatever it borrowed to run it (a pooled
 * connection, or a place in a snapshot's list of open cursors). Both are given up when the rows
 * run out or the cursor is closed, whichever comes first.
 *
 * <p>Owned by one thread, but every call takes the connection's monitor: a snapshot's
 * connection is shared by its cursors and lookups, and a snapshot may close it from another
 * thread.
 */
final class SqliteCursor implements Cursor {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.storage.sqlite");

  private final ReadConnection connection;
  private final PreparedStatement statement;
  private final Keyspace space;
  private final SqliteErrors errors;
  private final Consumer<Cursor> release;
  private ResultSet rows;
  private boolean onEntry;
  private boolean finished;

  private SqliteCursor(ReadConnection connection, PreparedStatement statement, Keyspace space, SqliteErrors errors, Consumer<Cursor> release) {
    this.connection = connection;
    this.statement = statement;
    this.space = space;
    this.errors = errors;
    this.release = release;
  }

  /**
   * A cursor over {@code statement}; {@code release} is called with it once when it is done. On failure the
   * statement is closed and {@code release} has run.
   */
  static SqliteCursor open(ReadConnection connection, PreparedStatement statement, Keyspace space, SqliteErrors errors, Consumer<Cursor> release) {
    SqliteCursor cursor = new SqliteCursor(connection, statement, space, errors, release);
    synchronized (connection) {
      try {
        cursor.rows = statement.executeQuery();
      } catch (SQLException e) {
        cursor.close();
        throw errors.wrap(e, "scan keyspace " + space);
      }
    }
    return cursor;
  }

  /** A cursor over nothing: a keyspace without a table, or an empty range. */
  static Cursor empty() {
    return new Cursor() {
      @Override
      public boolean next() {
        return false;
      }

      @Override
      public byte[] key() {
        throw notOnEntry();
      }

      @Override
      public byte[] value() {
        throw notOnEntry();
      }

      @Override
      public void close() {
        // holds nothing
      }
    };
  }

  @Override
  public boolean next() {
    errors.checkOpen();
    boolean more;
    synchronized (connection) {
      if (finished) {
        return false;
      }
      try {
        more = rows.next();
      } catch (SQLException e) {
        close();
        throw errors.wrap(e, "scan keyspace " + space);
      }
      onEntry = more;
    }
    if (!more) {
      close(); // give the connection back as soon as the range is exhausted
    }
    return more;
  }

  @Override
  public byte[] key() {
    return column(1);
  }

  @Override
  public byte[] value() {
    return ReadConnection.value(column(2));
  }

  private byte[] column(int index) {
    errors.checkOpen();
    synchronized (connection) {
      if (!onEntry) {
        throw notOnEntry();
      }
      try {
        return rows.getBytes(index); // a fresh array on every call: callers may keep or change it
      } catch (SQLException e) {
        throw errors.wrap(e, "read a scan of keyspace " + space);
      }
    }
  }

  @Override
  public void close() {
    synchronized (connection) {
      if (finished) {
        return;
      }
      finished = true;
      onEntry = false;
      try {
        statement.close();
      } catch (SQLException e) {
        LOG.log(System.Logger.Level.DEBUG, "could not close a scan statement on " + errors.file(), e);
      }
    }
    release.accept(this);
  }

  private static IllegalStateException notOnEntry() {
    return new IllegalStateException("the cursor is not on an entry; call next() first and only read while it returns true");
  }
}
