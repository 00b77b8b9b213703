package org.verisimdb.storage.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;

/**
 * Stores keyspaces as tables of one SQLite database, {@code verisim.sqlite} in its directory
 * (layout in {@link SqliteFormatV1}). The file runs in WAL mode, so one writer connection
 * ({@link SqliteWriter}) commits batches while a bounded pool of read-only connections
 * ({@link ReaderPool}) serves gets and scans from the last commit; a snapshot is a read
 * transaction on a connection of its own ({@link SqliteSnapshot}); {@link #copyTo} is
 * {@code VACUUM INTO}. Commits are not forced to disk (VeriSimDB's write-ahead log is the
 * durability); {@link #sync()} forces them.
 *
 * <p>Thread-safe: {@link #apply} and {@link #sync} are serialised by the writer; any number of
 * threads may read, take snapshots and copy meanwhile. A get or a cursor holds one pooled
 * connection (a cursor until it is exhausted or closed), so a thread that keeps more cursors
 * open than there are read connections waits, and after the pool's wait fails with STORAGE_IO.
 */
public final class SqliteBackend implements StorageBackend {
  /** How long a read waits for a pooled connection before failing. */
  static final Duration POOL_WAIT = Duration.ofSeconds(30);
  private static final System.Logger LOG = System.getLogger("org.verisimdb.storage.sqlite");

  private final Path file;
  private final SqliteErrors errors;
  private final SqliteWriter writer;
  private final ReaderPool readers;
  private volatile boolean closed;

  private SqliteBackend(Path directory, SqliteSettings settings, Duration poolWait) {
    Path dir = directory.toAbsolutePath();
    this.file = dir.resolve(SqliteFormatV1.FILE);
    this.errors = new SqliteErrors(file, () -> closed);
    boolean fresh = createDirectory(dir);
    SqliteConnections connections = new SqliteConnections(file, settings);
    try {
      this.writer = SqliteWriter.open(connections);
    } catch (SQLException e) {
      throw SqliteErrors.map(file, e, "open the database");
    }
    this.readers = new ReaderPool(connections, errors, settings.readConnections(), poolWait);
    if (fresh) {
      try {
        // The new file's directory entry must survive a crash too: SQLite forces the directory
        // when it creates a WAL file, not when it creates the database file.
        writer.sync();
        force(dir);
      } catch (SQLException e) {
        close();
        throw SqliteErrors.map(file, e, "create the database");
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
    LOG.log(System.Logger.Level.INFO, "opened the sqlite backend " + file + " (applied LSN " + writer.appliedLsn() + ", "
        + writer.keyspaces().size() + " keyspaces, " + settings.readConnections() + " read connections, " + settings.cacheMb() + " MiB cache)");
  }

  /** Opens (creating if needed) the database in {@code directory} with the default settings. */
  public static SqliteBackend open(Path directory) {
    return open(directory, SqliteSettings.DEFAULTS);
  }

  static SqliteBackend open(Path directory, SqliteSettings settings) {
    return new SqliteBackend(directory, settings, POOL_WAIT);
  }

  /** As {@link #open(Path, SqliteSettings)} with another pool wait, for tests of an exhausted pool. */
  static SqliteBackend open(Path directory, SqliteSettings settings, Duration poolWait) {
    return new SqliteBackend(directory, settings, poolWait);
  }

  @Override
  public String name() {
    return SqliteProvider.NAME;
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public byte[] get(Keyspace space, byte[] key) {
    errors.checkOpen();
    if (!writer.hasTable(space)) {
      return null; // never written: no table to read, and a read must not create one
    }
    try (ReaderPool.Lease lease = readers.borrow()) {
      return lease.connection().get(space, key);
    } catch (SQLException e) {
      throw errors.wrap(e, "read keyspace " + space);
    }
  }

  @Override
  public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
    errors.checkOpen();
    if (!writer.hasTable(space) || emptyRange(fromInclusive, toExclusive)) {
      return SqliteCursor.empty();
    }
    ReaderPool.Lease lease = null;
    try {
      lease = readers.borrow();
      PreparedStatement statement = lease.connection().scan(space, fromInclusive, toExclusive);
      ReaderPool.Lease held = lease;
      return SqliteCursor.open(lease.connection(), statement, space, errors, cursor -> held.close());
    } catch (SQLException e) {
      if (lease != null) {
        lease.close();
      }
      throw errors.wrap(e, "scan keyspace " + space);
    }
  }

  @Override
  public void apply(WriteBatch batch) {
    errors.checkOpen();
    try {
      writer.apply(batch);
    } catch (SQLException e) {
      throw errors.wrap(e, "apply a batch of " + batch.size() + " operations (LSN " + batch.lsn() + ")");
    }
  }

  @Override
  public void sync() {
    errors.checkOpen();
    try {
      writer.sync();
    } catch (SQLException e) {
      throw errors.wrap(e, "force the database to disk");
    }
  }

  @Override
  public long appliedLsn() {
    errors.checkOpen();
    return writer.appliedLsn();
  }

  @Override
  public ReadView snapshot() {
    errors.checkOpen();
    return SqliteSnapshot.take(readers, errors);
  }

  @Override
  public long copyTo(Path directory) {
    errors.checkOpen();
    Path dir = directory.toAbsolutePath();
    Path copy = dir.resolve(SqliteFormatV1.FILE);
    createEmptyDirectory(dir);
    // VACUUM INTO reads one consistent snapshot while the writer goes on.
    try (ReaderPool.Lease lease = readers.borrow()) {
      lease.connection().vacuumInto(copy);
    } catch (SQLException e) {
      deleteQuietly(copy); // a half-written copy would make a retry find the directory not empty
      throw errors.wrap(e, "copy the database to " + copy);
    }
    force(copy);
    force(dir);
    // The copy itself says which LSN it holds: batches committed during the copy are not in it.
    try (Connection connection = SqliteConnections.openReadOnly(copy)) {
      return SqliteFormatV1.appliedLsn(connection, copy);
    } catch (SQLException e) {
      throw SqliteErrors.map(copy, e, "read the applied LSN of the copy");
    }
  }

  @Override
  public Set<Keyspace> keyspaces() {
    errors.checkOpen();
    return writer.keyspaces();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    readers.close();
    try {
      writer.close(); // last: it waits for a running batch, and SQLite checkpoints on the last close
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.WARNING, "closing the sqlite backend " + file + " failed; the next open recovers from its WAL", e);
    }
  }

  /** True when no key can lie in {@code fromInclusive <= key < toExclusive}. */
  static boolean emptyRange(byte[] fromInclusive, byte[] toExclusive) {
    return fromInclusive != null && toExclusive != null && Keys.ORDER.compare(fromInclusive, toExclusive) >= 0;
  }

  /** The writer, for tests in this package that provoke failures. */
  SqliteWriter writer() {
    return writer;
  }

  // Whether the database file is new (absent or empty), which open then forces to disk.
  private boolean createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
      return !Files.exists(file) || Files.size(file) == 0;
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot create the sqlite backend's directory " + dir + ": " + e
          + "; check that its parent exists and is writable", e);
    }
  }

  private static void createEmptyDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "directory", "cannot copy the sqlite backend into " + dir
              + ": the directory is not empty; choose a new or empty directory");
        }
      }
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot create the copy's directory " + dir + ": " + e
          + "; check that its parent exists and is writable", e);
    }
  }

  private static void force(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot force " + path + " to disk: " + e + "; check the disk, then retry", e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not delete the unfinished copy " + path + "; delete it by hand", e);
    }
  }
}
