package org.verisimdb.storage.sqlite;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.Keyspace;

/**
 * The SQLite backend's database, format 1: one SQLite file {@code verisim.sqlite} in WAL mode.
 * <pre>
 * verisim_meta (k TEXT PRIMARY KEY, v BLOB)
 *   'format_version'  int64 big-endian, 8 bytes = 1; written when the file is created
 *   'applied_lsn'     int64 big-endian, 8 bytes; absent means 0. Written in the same transaction
 *                     as the data of every batch whose LSN is greater than the stored one.
 * ks_{keyspace} (k BLOB PRIMARY KEY NOT NULL, v BLOB NOT NULL) WITHOUT ROWID
 *   one table per keyspace, created by the first batch that puts into it, in that batch's
 *   transaction. BLOB comparison is memcmp, which is the unsigned byte order of Keys.ORDER.
 * </pre>
 * A file holding other tables but no {@code verisim_meta} belongs to something else and is
 * refused. Stateless.
 */
final class SqliteFormatV1 {
  static final String FILE = "verisim.sqlite";
  static final long VERSION = 1;
  static final String META = "verisim_meta";
  static final String FORMAT_KEY = "format_version";
  static final String APPLIED_LSN_KEY = "applied_lsn";
  static final String TABLE_PREFIX = "ks_";

  static final String CREATE_META = "CREATE TABLE " + META + " (k TEXT PRIMARY KEY, v BLOB)";
  static final String PUT_META = "INSERT OR REPLACE INTO " + META + " (k, v) VALUES (?, ?)";
  private static final String GET_META = "SELECT v FROM " + META + " WHERE k = ?";
  private static final String LIST_TABLES = "SELECT name FROM sqlite_schema WHERE type = 'table'";
  // The name rule of Keyspace, so a table that Keyspace.of would reject is never mistaken for one.
  private static final Pattern TABLE = Pattern.compile("ks_[a-z][a-z0-9_]{0,63}");

  private SqliteFormatV1() {}

  /** The quoted table name of a keyspace; keyspace names are already safe identifiers. */
  static String table(Keyspace space) {
    return '"' + TABLE_PREFIX + space.name() + '"';
  }

  static String createTable(Keyspace space) {
    return "CREATE TABLE IF NOT EXISTS " + table(space) + " (k BLOB PRIMARY KEY NOT NULL, v BLOB NOT NULL) WITHOUT ROWID";
  }

  static byte[] encode(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  /** The names of every table in the database as the connection currently sees it. */
  static Set<String> tableNames(Connection connection) throws SQLException {
    Set<String> names = new HashSet<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(LIST_TABLES)) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  /** The keyspaces among {@code tableNames}. */
  static Set<Keyspace> keyspaces(Set<String> tableNames) {
    Set<Keyspace> spaces = new HashSet<>();
    for (String name : tableNames) {
      if (TABLE.matcher(name).matches()) {
        spaces.add(Keyspace.of(name.substring(TABLE_PREFIX.length())));
      }
    }
    return spaces;
  }

  /** Whether the keyspace's table holds at least one key. */
  static boolean holdsKeys(Connection connection, Keyspace space) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table(space) + ")")) {
      return rows.next() && rows.getInt(1) == 1;
    }
  }

  /** The applied LSN stored in the database, 0 when none is. */
  static long appliedLsn(Connection connection, Path file) throws SQLException {
    byte[] stored = meta(connection, APPLIED_LSN_KEY);
    return stored == null ? 0 : decode(stored, APPLIED_LSN_KEY, file);
  }

  /** Refuses a database whose format this release cannot read. */
  static void checkVersion(Connection connection, Path file) throws SQLException {
    byte[] stored = meta(connection, FORMAT_KEY);
    if (stored == null) {
      throw corrupt(file, "its " + META + " table has no " + FORMAT_KEY);
    }
    long version = decode(stored, FORMAT_KEY, file);
    if (version != VERSION) {
      throw corrupt(file, "it has format " + version + ", which this release (format " + VERSION + ") cannot read");
    }
  }

  static VeriSimException corrupt(Path file, String why) {
    return new VeriSimException(ErrorCode.STORAGE_CORRUPT, "the SQLite database " + file + " is not a usable VeriSimDB store: "
        + why + "; restore the directory from a backup, or point the sqlite backend at another directory");
  }

  private static byte[] meta(Connection connection, String key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(GET_META)) {
      statement.setString(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getBytes(1) : null;
      }
    }
  }

  private static long decode(byte[] stored, String key, Path file) {
    if (stored.length != Long.BYTES) {
      throw corrupt(file, "its " + key + " is " + stored.length + " bytes long instead of " + Long.BYTES);
    }
    return ByteBuffer.wrap(stored).getLong();
  }
}
