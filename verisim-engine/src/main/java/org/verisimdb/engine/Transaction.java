package org.verisimdb.engine;

import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;

/**
 * A transaction: its writes are invisible to everyone else until {@link #commit}, which makes
 * them visible at once, across every modality and octad, or fails and leaves no trace. Its reads
 * see what {@link #isolation()} promises plus its own writes. Used by one thread at a time.
 *
 * <p>A failed operation (invalid input, a missing octad) has no effect and leaves the
 * transaction usable. A conflict, deadlock, lock timeout or exceeded limit aborts it: further
 * operations fail with TRANSACTION_ABORTED, {@link #rollback} ends it, and {@link #commit} rolls
 * it back and fails with TRANSACTION_ABORTED. Closing a transaction that is still open rolls it
 * back.
 *
 * <p>Write conflicts are detected per octad: writing an octad that another transaction committed
 * after this one's snapshot fails with WRITE_CONFLICT (SNAPSHOT and SERIALIZABLE). Locks are per
 * octad and modality and held until the transaction ends.
 */
public interface Transaction extends OctadAccess, AutoCloseable {

  /** A number that identifies the transaction while the database is open. */
  long id();

  Isolation isolation();

  /** The principal recorded as the actor of the transaction's writes. */
  String principal();

  /** {@code active}, {@code committed}, {@code rolled_back} or {@code aborted}. */
  String state();

  /**
   * Locks one modality of an octad for this transaction, as {@code SELECT … FOR UPDATE} does:
   * until the transaction ends, no other transaction can lock it or commit a write that changes
   * it. Waits while another transaction holds it, up to {@code txn.lock_timeout_ms}
   * (LOCK_TIMEOUT); a wait that would close a cycle of waiting transactions fails at once with
   * DEADLOCK_DETECTED. Under SNAPSHOT and SERIALIZABLE, locking an octad committed by another
   * transaction after this one's snapshot fails with WRITE_CONFLICT, since this transaction
   * cannot see what it would lock. The octad need not exist: locking an id reserves it.
   */
  void lock(OctadId id, Modality modality);

  /** Locks every modality of an octad (see {@link #lock(OctadId, Modality)}). */
  void lock(OctadId id);

  /**
   * Makes every write of the transaction durable and visible at once. On failure nothing is
   * written and the transaction is over; a retryable failure means the same work may succeed in
   * a new transaction. A transaction without writes commits without touching the log.
   */
  void commit();

  /** Discards every write and releases every lock. Idempotent once the transaction is over. */
  void rollback();

  /** Rolls back when still open. */
  @Override
  void close();
}
