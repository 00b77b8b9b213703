package org.verisimdb.engine.commit;

import java.util.Iterator;
import java.util.Map;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;

/**
 * A base cursor merged with an ordered overlay of writes: the overlay wins on equal keys, and an
 * overlay entry whose value is {@link #DELETED} hides the base entry. Belongs to one thread.
 */
final class MergedCursor implements Cursor {
  /** The overlay value of a deleted key (compared by identity). */
  static final byte[] DELETED = new byte[0];

  private final Cursor base;
  private final Iterator<Map.Entry<byte[], byte[]>> overlay;
  private byte[] baseKey;
  private byte[] baseValue;
  private Map.Entry<byte[], byte[]> over;
  private byte[] key;
  private byte[] value;

  MergedCursor(Cursor base, Iterator<Map.Entry<byte[], byte[]>> overlay) {
    this.base = base;
    this.overlay = overlay;
    advanceBase();
    over = overlay.hasNext() ? overlay.next() : null;
  }

  private void advanceBase() {
    if (base.next()) {
      baseKey = base.key();
      baseValue = base.value();
    } else {
      baseKey = null;
      baseValue = null;
    }
  }

  @Override
  public boolean next() {
    while (baseKey != null || over != null) {
      int order = baseKey == null ? 1 : over == null ? -1 : Keys.ORDER.compare(baseKey, over.getKey());
      if (order < 0) {
        key = baseKey;
        value = baseValue;
        advanceBase();
        return true;
      }
      Map.Entry<byte[], byte[]> entry = over;
      over = overlay.hasNext() ? overlay.next() : null;
      if (order == 0) {
        advanceBase();
      }
      if (entry.getValue() != DELETED) {
        key = entry.getKey();
        value = entry.getValue();
        return true;
      }
    }
    key = null;
    value = null;
    return false;
  }

  @Override
  public byte[] key() {
    if (key == null) {
      throw new IllegalStateException("the cursor is not on an entry");
    }
    return key.clone();
  }

  @Override
  public byte[] value() {
    if (value == null) {
      throw new IllegalStateException("the cursor is not on an entry");
    }
    return value.clone();
  }

  @Override
  public void close() {
    base.close();
  }
}
