package org.verisimdb.storage.lmdb;

import java.util.Arrays;
import org.lmdbjava.GetOp;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.WriteBatch;

/**
 * A key range read through an LMDB cursor of one {@link LmdbReadView}. Keys and values are
 * copied out of LMDB's memory as the cursor moves (lmdbjava's byte[] proxy does it), so they stay
 * valid after the transaction ends. The upper bound is checked here, against {@link Keys#ORDER}.
 *
 * <p>Not thread-safe: owned by one thread, as {@link Cursor} says; the view serialises its calls
 * with the view's other users.
 */
final class LmdbCursor implements Cursor {
  /** The cursor of a range with nothing in it: holds no transaction. */
  static final Cursor EMPTY = new Cursor() {
    @Override
    public boolean next() {
      return false;
    }

    @Override
    public byte[] key() {
      throw notOnAnEntry();
    }

    @Override
    public byte[] value() {
      throw notOnAnEntry();
    }

    @Override
    public void close() {
      // nothing to release
    }
  };

  private final LmdbReadView view;
  private final org.lmdbjava.Cursor<byte[]> cursor; // closed only under the view's lock
  private final byte[] fromInclusive;
  private final byte[] toExclusive;
  private final boolean ownsView;
  private boolean started;
  private boolean exhausted;
  private boolean closed;
  private byte[] key;
  private byte[] value;

  LmdbCursor(LmdbReadView view, org.lmdbjava.Cursor<byte[]> cursor, byte[] fromInclusive, byte[] toExclusive, boolean ownsView) {
    this.view = view;
    this.cursor = cursor;
    this.fromInclusive = fromInclusive == null || fromInclusive.length == 0 ? null : fromInclusive.clone();
    this.toExclusive = toExclusive == null ? null : toExclusive.clone();
    this.ownsView = ownsView;
  }

  @Override
  public boolean next() {
    if (closed) {
      throw new IllegalStateException("this cursor has been closed");
    }
    if (exhausted) {
      return false;
    }
    if (!view.call("scan", this::advance)) {
      exhausted = true;
      key = null;
      value = null;
    }
    return !exhausted;
  }

  @Override
  public byte[] key() {
    if (key == null) {
      throw notOnAnEntry();
    }
    return key.clone();
  }

  @Override
  public byte[] value() {
    if (value == null) {
      throw notOnAnEntry();
    }
    return value.clone();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      key = null;
      value = null;
      view.closeCursor(this);
    }
  }

  /** True when closing this cursor ends its view's transaction (a scan of the backend itself). */
  boolean owningView() {
    return ownsView;
  }

  /** Closes the LMDB cursor; the view calls it under its lock. */
  void closeNative() {
    cursor.close();
  }

  // Runs under the view's lock, inside its transaction.
  private boolean advance() {
    boolean positioned;
    if (started) {
      positioned = cursor.next();
    } else {
      started = true;
      positioned = seekFirst();
    }
    if (!positioned) {
      return false;
    }
    byte[] at = cursor.key();
    if (toExclusive != null && Keys.ORDER.compare(at, toExclusive) >= 0) {
      return false;
    }
    key = at;
    value = cursor.val();
    return true;
  }

  private boolean seekFirst() {
    if (fromInclusive == null) {
      return cursor.first();
    }
    // LMDB rejects keys longer than its limit, even to seek with; no stored key is longer, so
    // seeking to the truncated bound and skipping what sorts below the full one is exact.
    byte[] seek = fromInclusive.length > WriteBatch.MAX_KEY_BYTES ? Arrays.copyOf(fromInclusive, WriteBatch.MAX_KEY_BYTES) : fromInclusive;
    boolean positioned = cursor.get(seek, GetOp.MDB_SET_RANGE);
    while (positioned && Keys.ORDER.compare(cursor.key(), fromInclusive) < 0) {
      positioned = cursor.next();
    }
    return positioned;
  }

  private static IllegalStateException notOnAnEntry() {
    return new IllegalStateException("the cursor is not on an entry; call next() first and check that it returned true");
  }
}
