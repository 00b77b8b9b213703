package org.verisimdb.storage;

/**
 * A forward iteration over a key range, in key order. Call {@link #next()} before reading the
 * first entry. Owned by one thread; must be closed. What a cursor sees of writes made while it
 * is open depends on the backend (the engine reads through its own snapshots).
 */
public interface Cursor extends AutoCloseable {
  /** Advances to the next entry; false when the range is exhausted. */
  boolean next();

  /** The current key; valid until the next call to {@link #next()}. */
  byte[] key();

  /** The current value; valid until the next call to {@link #next()}. */
  byte[] value();

  @Override
  void close();
}
