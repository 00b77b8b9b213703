package org.verisimdb.storage.sqlite;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * A bounded pool of read-only connections. At most {@code capacity} leases are out at once (gets
 * hold one briefly, cursors until closed); a borrower beyond that waits up to {@code maxWait}.
 * Snapshots take connections outside that bound, since they may be held for a long time and
 * must not starve plain reads: they reuse an idle connection when there is one and give it back
 * afterwards. Closing the pool closes every connection it opened, lent out or not.
 *
 * <p>Thread-safe.
 */
final class ReaderPool implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.storage.sqlite");

  private final SqliteConnections connections;
  private final SqliteErrors errors;
  private final int capacity;
  private final Duration maxWait;
  private final Semaphore permits;
  private final Deque<ReadConnection> idle = new ConcurrentLinkedDeque<>();
  private final Set<ReadConnection> all = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  ReaderPool(SqliteConnections connections, SqliteErrors errors, int capacity, Duration maxWait) {
    this.connections = connections;
    this.errors = errors;
    this.capacity = capacity;
    this.maxWait = maxWait;
    this.permits = new Semaphore(capacity, true);
  }

  /** A connection for one thread until the lease is closed. */
  Lease borrow() throws SQLException {
    errors.checkOpen();
    try {
      if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new VeriSimException(ErrorCode.STORAGE_IO, "all " + capacity + " read connections to " + errors.file()
            + " stayed in use for " + maxWait.toMillis() + " ms; close cursors when done with them,"
            + " or raise the sqlite setting " + SqliteSettings.READ_CONNECTIONS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VeriSimException(ErrorCode.STORAGE_IO, "interrupted while waiting for a read connection to " + errors.file(), e);
    }
    try {
      return new Lease(take());
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** A connection outside the pool's bound, for a snapshot; hand it back with {@link #giveBack}. */
  ReadConnection takeUnbounded() throws SQLException {
    errors.checkOpen();
    return take();
  }

  /** Returns a connection from {@link #takeUnbounded}; {@code healthy} false closes it instead. */
  void giveBack(ReadConnection connection, boolean healthy) {
    // A connection pushed here while close() runs is still closed by it: close() sweeps every
    // connection ever opened, idle or not.
    if (healthy && !closed && idle.size() < capacity) {
      idle.push(connection);
    } else {
      discard(connection);
    }
  }

  @Override
  public void close() {
    closed = true;
    for (ReadConnection connection : all) {
      discard(connection);
    }
    idle.clear();
  }

  private ReadConnection take() throws SQLException {
    ReadConnection connection = idle.poll();
    if (connection != null) {
      return connection;
    }
    connection = new ReadConnection(connections.openReader(), connections.file());
    all.add(connection);
    if (closed) { // close() may have swept the set before this connection joined it
      discard(connection);
      throw errors.closedError(null);
    }
    return connection;
  }

  private void release(ReadConnection connection) {
    giveBack(connection, true);
    permits.release();
  }

  private void discard(ReadConnection connection) {
    all.remove(connection);
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.WARNING, "could not close a read connection to " + errors.file(), e);
    }
  }

  /** One borrowed connection; closing the lease returns it, once. Thread-safe. */
  final class Lease implements AutoCloseable {
    private final ReadConnection connection;
    private final AtomicBoolean returned = new AtomicBoolean();

    private Lease(ReadConnection connection) {
      this.connection = connection;
    }

    ReadConnection connection() {
      return connection;
    }

    @Override
    public void close() {
      if (returned.compareAndSet(false, true)) {
        release(connection);
      }
    }
  }
}
