package org.verisimdb.engine;

import java.util.function.Consumer;
import java.util.function.Function;
import org.verisimdb.engine.history.History;

/**
 * Reads and writes of octads on behalf of one principal, who is recorded as the actor of every
 * version and automatic provenance record. Thread-safe: sessions may be shared.
 *
 * <p>Each operation of a session runs in a transaction of its own: a write is atomic across all
 * modalities of the octad (it commits wholly or fails with a
 * {@link org.verisimdb.model.error.VeriSimException} and changes nothing) and applies to the
 * newest committed version; a read sees one committed state. Several operations that must
 * commit together, or read one snapshot, go in a {@link Transaction}.
 */
public interface Session extends OctadAccess {

  /** The principal this session acts as. */
  String principal();

  /**
   * The version history of octads, as this session reads it: versions and their metadata, octads
   * as of a time, version or label with every modality as it was then, versions committed in a
   * time range, and diffs between versions. Each call reads one committed snapshot; versions
   * whose content the retention policy ({@code history.retention}) removed answer VERSION_NOT_FOUND.
   */
  History history();

  /** Opens a transaction at the configured default level ({@code txn.isolation}, SNAPSHOT unless set). */
  Transaction begin();

  /** Opens a transaction at {@code isolation}. Commit or roll it back; closing it rolls it back if still open. */
  Transaction begin(Isolation isolation);

  /**
   * Runs {@code work} in a transaction at {@code isolation} and commits it, returning what work
   * returns. If work throws, the transaction is rolled back and the exception propagates. A
   * retryable failure (WRITE_CONFLICT, SERIALIZATION_FAILURE, DEADLOCK_DETECTED, LOCK_TIMEOUT),
   * from work or from the commit, runs work again in a new transaction, up to 10 attempts in all
   * with a short randomised back-off; then the last failure propagates. Work must therefore have
   * no effects outside the transaction.
   */
  <T> T inTransaction(Isolation isolation, Function<Transaction, T> work);

  /** {@link #inTransaction(Isolation, Function)} at the configured default level. */
  <T> T inTransaction(Function<Transaction, T> work);

  /** {@link #inTransaction(Function)} for work without a result. */
  default void inTransaction(Consumer<Transaction> work) {
    inTransaction(tx -> {
      work.accept(tx);
      return null;
    });
  }
}
