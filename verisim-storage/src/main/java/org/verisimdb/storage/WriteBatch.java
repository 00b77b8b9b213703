package org.verisimdb.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Puts and deletes that a backend applies atomically, tagged with the log sequence number of the
 * write-ahead-log record they come from. Later operations on the same key win. Built by one
 * thread, then handed to {@link StorageBackend#apply}; arrays are copied on entry, so callers may
 * reuse theirs.
 */
public final class WriteBatch {

  /** One operation of a batch. */
  public sealed interface Op {
    Keyspace space();

    byte[] key();

    record Put(Keyspace space, byte[] key, byte[] value) implements Op {}

    record Delete(Keyspace space, byte[] key) implements Op {}
  }

  private final long lsn;
  private final List<Op> ops = new ArrayList<>();
  private long bytes;

  /** @param lsn the sequence number this batch's effects are stored under; 0 for none */
  public WriteBatch(long lsn) {
    if (lsn < 0) {
      throw new IllegalArgumentException("negative LSN " + lsn);
    }
    this.lsn = lsn;
  }

  public WriteBatch put(Keyspace space, byte[] key, byte[] value) {
    ops.add(new Op.Put(space, key.clone(), value.clone()));
    bytes += key.length + value.length;
    return this;
  }

  public WriteBatch delete(Keyspace space, byte[] key) {
    ops.add(new Op.Delete(space, key.clone()));
    bytes += key.length;
    return this;
  }

  public long lsn() {
    return lsn;
  }

  /** The operations in the order they were added. */
  public List<Op> ops() {
    return Collections.unmodifiableList(ops);
  }

  public int size() {
    return ops.size();
  }

  public boolean isEmpty() {
    return ops.isEmpty();
  }

  /** Sum of key and value lengths, for size limits and metrics. */
  public long bytes() {
    return bytes;
  }
}
