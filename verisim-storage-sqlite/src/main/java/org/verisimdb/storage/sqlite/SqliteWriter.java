package org.verisimdb.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.WriteBatch;

/**
 * The one connection that writes. Each batch is one {@code BEGIN IMMEDIATE … COMMIT}
 * transaction holding its puts, deletes, new tables and applied LSN, so it is stored whole or
 * not at all; a failure rolls it back. Keeps the applied LSN and the registry of keyspaces with
 * a table that reads may use (read paths skip the others: they hold nothing).
 *
 * <p>Thread-safe: every method that touches the connection is synchronized, which makes the
 * monitor the apply lock; {@link #hasTable}, {@link #keyspaces} and {@link #appliedLsn} read
 * concurrent state without it.
 */
final class SqliteWriter implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.storage.sqlite");

  private final Connection connection;
  private final Set<Keyspace> tables = ConcurrentHashMap.newKeySet();
  // Prepared once and reused; dropped after any failure, since the driver may finalize a
  // statement whose step failed and a cached dead statement would fail every later batch.
  private final Map<Keyspace, TableStatements> statements = new HashMap<>();
  private PreparedStatement putMeta;
  private volatile long appliedLsn;

  private record TableStatements(PreparedStatement put, PreparedStatement delete) {}

  private SqliteWriter(Connection connection) {
    this.connection = connection;
  }

  /** Opens the writer, creating the schema in a new file and reading the state of an existing one. */
  static SqliteWriter open(SqliteConnections connections) throws SQLException {
    Connection connection = connections.openWriter();
    try {
      initialize(connection, connections.file());
      SqliteWriter writer = new SqliteWriter(connection);
      // Tables are never dropped; an empty one left by an earlier session is not a keyspace that
      // "holds a key or has held one since the backend was opened", so it stays unregistered
      // until a put reaches it again (its CREATE TABLE IF NOT EXISTS then finds it).
      for (Keyspace space : SqliteFormatV1.keyspaces(SqliteFormatV1.tableNames(connection))) {
        if (SqliteFormatV1.holdsKeys(connection, space)) {
          writer.tables.add(space);
        }
      }
      writer.appliedLsn = SqliteFormatV1.appliedLsn(connection, connections.file());
      return writer;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private static void initialize(Connection connection, Path file) throws SQLException {
    execute(connection, "BEGIN IMMEDIATE");
    try {
      Set<String> existing = SqliteFormatV1.tableNames(connection);
      if (!existing.contains(SqliteFormatV1.META)) {
        if (!existing.isEmpty()) {
          throw SqliteFormatV1.corrupt(file, "it is a SQLite database of some other program (tables " + existing + ")");
        }
        execute(connection, SqliteFormatV1.CREATE_META);
        try (PreparedStatement put = connection.prepareStatement(SqliteFormatV1.PUT_META)) {
          put.setString(1, SqliteFormatV1.FORMAT_KEY);
          put.setBytes(2, SqliteFormatV1.encode(SqliteFormatV1.VERSION));
          put.executeUpdate();
        }
      }
      SqliteFormatV1.checkVersion(connection, file);
      execute(connection, "COMMIT");
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection);
      throw e;
    }
  }

  boolean hasTable(Keyspace space) {
    return tables.contains(space);
  }

  Set<Keyspace> keyspaces() {
    return Set.copyOf(tables);
  }

  long appliedLsn() {
    return appliedLsn;
  }

  /** Applies a batch in one transaction; on failure nothing of it is stored and the SQLException is thrown. */
  synchronized void apply(WriteBatch batch) throws SQLException {
    boolean recordLsn = batch.lsn() > appliedLsn;
    if (batch.isEmpty() && !recordLsn) {
      return;
    }
    Set<Keyspace> created = new HashSet<>();
    execute(connection, "BEGIN IMMEDIATE");
    try {
      for (WriteBatch.Op op : batch.ops()) {
        switch (op) {
          case WriteBatch.Op.Put put -> {
            PreparedStatement statement = statements(put.space(), created).put();
            statement.setBytes(1, put.key());
            statement.setBytes(2, put.value());
            statement.executeUpdate();
          }
          case WriteBatch.Op.Delete delete -> {
            // Deleting from a keyspace without a table deletes nothing; creating one would be waste.
            if (tables.contains(delete.space()) || created.contains(delete.space())) {
              PreparedStatement statement = statements(delete.space(), created).delete();
              statement.setBytes(1, delete.key());
              statement.executeUpdate();
            }
          }
        }
      }
      if (recordLsn) {
        putAppliedLsn(batch.lsn());
      }
      execute(connection, "COMMIT");
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection);
      dropStatements(); // some may be dead, and those of new tables name tables rolled back
      throw e;
    }
    // Published only after the commit, so readers never look for a table that is not there.
    tables.addAll(created);
    if (recordLsn) {
      appliedLsn = batch.lsn();
    }
  }

  /**
   * Makes everything committed durable. A passive checkpoint forces the WAL, copies it into the
   * database file and forces that; it never waits, so it copies only up to the oldest snapshot
   * a reader still holds (an open snapshot or cursor). When it could not copy everything, one
   * commit with synchronous=FULL forces the whole WAL instead, which covers every earlier frame.
   */
  synchronized void sync() throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      result.next();
      int logFrames = result.getInt(2);
      int checkpointed = result.getInt(3);
      if (logFrames >= 0 && logFrames == checkpointed) {
        return;
      }
    }
    execute(connection, "PRAGMA synchronous = FULL");
    try {
      execute(connection, "BEGIN IMMEDIATE");
      try {
        putAppliedLsn(appliedLsn);
        execute(connection, "COMMIT");
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        dropStatements();
        throw e;
      }
    } finally {
      execute(connection, "PRAGMA synchronous = NORMAL");
    }
  }

  /** Caps the database at {@code pages} pages, so tests can make SQLite report a full disk. */
  synchronized void limitPages(long pages) throws SQLException {
    execute(connection, "PRAGMA max_page_count = " + pages);
  }

  /** The number of pages the database has, for {@link #limitPages}. */
  synchronized long pageCount() throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("PRAGMA page_count")) {
      result.next();
      return result.getLong(1);
    }
  }

  /** Waits for a running batch, then closes the connection; SQLite checkpoints on the last close. */
  @Override
  public synchronized void close() throws SQLException {
    statements.clear();
    putMeta = null;
    connection.close(); // closes its statements too
  }

  private void putAppliedLsn(long lsn) throws SQLException {
    if (putMeta == null) {
      putMeta = connection.prepareStatement(SqliteFormatV1.PUT_META);
    }
    putMeta.setString(1, SqliteFormatV1.APPLIED_LSN_KEY);
    putMeta.setBytes(2, SqliteFormatV1.encode(lsn));
    putMeta.executeUpdate();
  }

  private TableStatements statements(Keyspace space, Set<Keyspace> created) throws SQLException {
    TableStatements cached = statements.get(space);
    if (cached != null) {
      return cached;
    }
    if (!tables.contains(space) && created.add(space)) {
      execute(connection, SqliteFormatV1.createTable(space));
    }
    String table = SqliteFormatV1.table(space);
    PreparedStatement put = connection.prepareStatement("INSERT OR REPLACE INTO " + table + " (k, v) VALUES (?, ?)");
    PreparedStatement delete;
    try {
      delete = connection.prepareStatement("DELETE FROM " + table + " WHERE k = ?");
    } catch (SQLException e) {
      put.close();
      throw e;
    }
    TableStatements fresh = new TableStatements(put, delete);
    statements.put(space, fresh);
    return fresh;
  }

  private void dropStatements() {
    List<AutoCloseable> stale = new ArrayList<>();
    statements.values().forEach(s -> stale.addAll(List.of(s.put(), s.delete())));
    if (putMeta != null) {
      stale.add(putMeta);
    }
    statements.clear();
    putMeta = null;
    for (AutoCloseable statement : stale) {
      try {
        statement.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.DEBUG, "could not close a statement after a failed batch", e);
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  // SQLite rolls some failures (a full disk, for one) back by itself; a second rollback then
  // finds no transaction, which is the outcome wanted, so only other failures are worth a word.
  private static void rollbackQuietly(Connection connection) {
    try {
      execute(connection, "ROLLBACK");
    } catch (SQLException e) {
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
        LOG.log(System.Logger.Level.WARNING, "could not roll back a failed SQLite transaction", e);
      }
    }
  }
}
