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
  private final List<Op> ops;
  private long bytes;

  /** @param lsn the sequence number this batch's effects are stored under; 0 for none */
  public WriteBatch(long lsn) {
    this(lsn, new ArrayList<>(), 0);
  }

  /** A batch with no LSN (0), for operations whose sequence number is assigned later. */
  public WriteBatch() {
    this(0);
  }

  private WriteBatch(long lsn, List<Op> ops, long bytes) {
    if (lsn < 0) {
      throw new IllegalArgumentException("negative LSN " + lsn);
    }
    this.lsn = lsn;
    this.ops = ops;
    this.bytes = bytes;
  }

  /** This batch's operations under another LSN. The two share their operations: add to neither afterwards. */
  public WriteBatch withLsn(long lsn) {
    return new WriteBatch(lsn, ops, bytes);
  }

  /** Adds an operation as is (arrays are not copied: the caller hands them over). */
  public WriteBatch add(Op op) {
    ops.add(op);
    bytes += op.key().length + (op instanceof Op.Put p ? p.value().length : 0);
    return this;
  }

  /** Longest key every backend accepts (LMDB's default limit). */
  public static final int MAX_KEY_BYTES = 511;

  public WriteBatch put(Keyspace space, byte[] key, byte[] value) {
    checkKey(key);
    ops.add(new Op.Put(space, key.clone(), value.clone()));
    bytes += key.length + value.length;
    return this;
  }

  public WriteBatch delete(Keyspace space, byte[] key) {
    checkKey(key);
    ops.add(new Op.Delete(space, key.clone()));
    bytes += key.length;
    return this;
  }

  private static void checkKey(byte[] key) {
    if (key.length == 0 || key.length > MAX_KEY_BYTES) {
      throw new IllegalArgumentException("keys are 1 to " + MAX_KEY_BYTES + " bytes, got " + key.length);
    }
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
