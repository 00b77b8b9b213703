package org.verisimdb.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;

/**
 * A frozen view: a read connection inside a transaction whose first read pinned the WAL
 * snapshot, so nothing committed later is visible, and which costs nothing to take however large
 * the data. Its keyspaces and applied LSN are read inside that same transaction. Closing it
 * closes its open cursors and ends the transaction.
 *
 * <p>Thread-safe: calls from several threads take turns on the connection's monitor.
 */
final class SqliteSnapshot implements ReadView {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.storage.sqlite");

  private final ReaderPool pool;
  private final ReadConnection connection;
  private final SqliteErrors errors;
  private final Set<Keyspace> tables;
  private final long appliedLsn;
  private final Set<Cursor> cursors = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private SqliteSnapshot(ReaderPool pool, ReadConnection connection, SqliteErrors errors, Set<Keyspace> tables, long appliedLsn) {
    this.pool = pool;
    this.connection = connection;
    this.errors = errors;
    this.tables = tables;
    this.appliedLsn = appliedLsn;
  }

  static SqliteSnapshot take(ReaderPool pool, SqliteErrors errors) {
    ReadConnection connection;
    try {
      connection = pool.takeUnbounded();
    } catch (SQLException e) {
      throw errors.wrap(e, "take a snapshot");
    }
    try {
      synchronized (connection) {
        Set<Keyspace> tables = connection.begin();
        return new SqliteSnapshot(pool, connection, errors, Set.copyOf(tables), connection.appliedLsn());
      }
    } catch (SQLException e) {
      pool.giveBack(connection, endQuietly(connection));
      throw errors.wrap(e, "take a snapshot");
    } catch (RuntimeException e) {
      pool.giveBack(connection, endQuietly(connection));
      throw e;
    }
  }

  @Override
  public byte[] get(Keyspace space, byte[] key) {
    checkOpen();
    if (!tables.contains(space)) {
      return null;
    }
    synchronized (connection) {
      try {
        return connection.get(space, key);
      } catch (SQLException e) {
        throw errors.wrap(e, "read keyspace " + space + " in a snapshot");
      }
    }
  }

  @Override
  public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
    checkOpen();
    if (!tables.contains(space) || SqliteBackend.emptyRange(fromInclusive, toExclusive)) {
      return SqliteCursor.empty();
    }
    PreparedStatement statement;
    synchronized (connection) {
      try {
        statement = connection.scan(space, fromInclusive, toExclusive);
      } catch (SQLException e) {
        throw errors.wrap(e, "scan keyspace " + space + " in a snapshot");
      }
    }
    Cursor cursor = SqliteCursor.open(connection, statement, space, errors, cursors::remove);
    cursors.add(cursor);
    if (closed) { // close() may have run between the check above and registering the cursor
      cursor.close();
      checkOpen();
    }
    return cursor;
  }

  @Override
  public long appliedLsn() {
    checkOpen();
    return appliedLsn;
  }

  @Override
  public void close() {
    synchronized (connection) {
      if (closed) {
        return;
      }
      closed = true;
    }
    for (Cursor cursor : List.copyOf(cursors)) {
      cursor.close();
    }
    boolean ended;
    synchronized (connection) {
      ended = endQuietly(connection);
    }
    pool.giveBack(connection, ended);
  }

  private void checkOpen() {
    errors.checkOpen();
    if (closed) {
      throw new VeriSimException(ErrorCode.DATABASE_CLOSED, "this snapshot of " + errors.file() + " has been closed; take a new one");
    }
  }

  // Whether the transaction ended cleanly, so the connection can serve others.
  private static boolean endQuietly(ReadConnection connection) {
    try {
      connection.end();
      return true;
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "could not end a snapshot's read transaction; closing its connection", e);
      return false;
    }
  }
}
