package org.verisimdb.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.verisimdb.storage.Keyspace;

/**
 * One read-only connection and its prepared lookups. Outside a transaction each statement reads
 * the latest committed state as of its first step; inside {@link #begin()} every read sees the
 * state of the transaction's first read.
 *
 * <p>Not thread-safe: the driver's connections must not be used by two threads at once. A pool
 * lease gives it to one thread; a snapshot shares it by synchronizing on this object, and so do
 * cursors, so everyone holding it uses that monitor.
 */
final class ReadConnection implements AutoCloseable {
  private final Connection connection;
  private final Path file;
  private final Map<Keyspace, PreparedStatement> lookups = new HashMap<>();

  ReadConnection(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
  }

  /** The value under {@code key}; the keyspace's table must exist. */
  byte[] get(Keyspace space, byte[] key) throws SQLException {
    PreparedStatement lookup = lookups.get(space);
    if (lookup == null) {
      lookup = connection.prepareStatement("SELECT v FROM " + SqliteFormatV1.table(space) + " WHERE k = ?");
      lookups.put(space, lookup);
    }
    lookup.setBytes(1, key);
    // Closing the rows resets the statement, which ends its implicit read transaction: an
    // unfinished statement would pin an old snapshot and hold back checkpoints.
    try (ResultSet rows = lookup.executeQuery()) {
      return rows.next() ? value(rows.getBytes(1)) : null;
    }
  }

  /** A statement over {@code fromInclusive <= k < toExclusive} in key order, for a cursor to own; a null bound is open. */
  PreparedStatement scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT k, v FROM ").append(SqliteFormatV1.table(space));
    if (fromInclusive != null && toExclusive != null) {
      sql.append(" WHERE k >= ? AND k < ?");
    } else if (fromInclusive != null) {
      sql.append(" WHERE k >= ?");
    } else if (toExclusive != null) {
      sql.append(" WHERE k < ?");
    }
    PreparedStatement statement = connection.prepareStatement(sql.append(" ORDER BY k").toString());
    try {
      int index = 1;
      if (fromInclusive != null) {
        statement.setBytes(index++, fromInclusive);
      }
      if (toExclusive != null) {
        statement.setBytes(index, toExclusive);
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  /** Starts a read transaction and pins its snapshot with a first read: the keyspaces it holds. */
  Set<Keyspace> begin() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN");
    }
    return SqliteFormatV1.keyspaces(SqliteFormatV1.tableNames(connection));
  }

  /** Ends the transaction {@link #begin()} started. */
  void end() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK");
    }
  }

  long appliedLsn() throws SQLException {
    return SqliteFormatV1.appliedLsn(connection, file);
  }

  /** Writes a consistent copy of the database to {@code target}, which must not exist. */
  void vacuumInto(Path target) throws SQLException {
    // A bound parameter rather than a quoted literal: no path can break out of it.
    try (PreparedStatement statement = connection.prepareStatement("VACUUM INTO ?")) {
      statement.setString(1, target.toAbsolutePath().toString());
      statement.execute();
    }
  }

  @Override
  public void close() throws SQLException {
    lookups.clear();
    connection.close(); // closes its statements too
  }

  /** A stored value: the driver may hand back null for a zero-length BLOB, and v is never NULL. */
  static byte[] value(byte[] stored) {
    return stored == null ? new byte[0] : stored;
  }
}
