package org.verisimdb.engine.query.exec;

import java.time.Instant;
import java.util.Set;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.Session;
import org.verisimdb.engine.Transaction;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.index.embed.Embedder;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.OctadId;

/**
 * What the query executor needs from the database beneath the public API: reads at a registered
 * snapshot (inside a transaction, with its own writes), index views, and the octads written
 * between two LSNs (to correct index candidates taken at a newer view). Thread-safe.
 */
public interface QueryHost {

  DatabaseConfig config();

  /**
   * The read scope of one statement: outside a transaction, a new snapshot at the visible LSN;
   * inside {@code tx}, the snapshot its isolation level gives, with its staged writes; a
   * SERIALIZABLE transaction records the read of {@code single}, or of every id when it is null.
   * Close it.
   */
  Scope open(Transaction tx, OctadId single);

  /** A view of the index at {@code lsn} or later. Close it. */
  IndexView indexView(long lsn);

  /** The octads written by commits after {@code afterLsn} up to {@code throughLsn}; kept while a snapshot at afterLsn is registered. */
  Set<OctadId> writtenBetween(long afterLsn, long throughLsn);

  /** A session of the public API acting as {@code principal}. */
  Session session(String principal);

  /** Counts of octads and of each modality, at the newest state. */
  org.verisimdb.engine.DatabaseStats stats();

  /** The registered contracts of {@code SATISFIES}. */
  org.verisimdb.index.semantic.ContractRegistry contracts();

  /** The database's embedding model (loaded on first use). */
  Embedder embedder();

  /** The database directory, or null for an in-memory database. */
  java.nio.file.Path directory();

  /**
   * Where the store of {@code modality} lives: its backend's name and directory ("memory" for an
   * in-memory one), and the bytes of that directory (shared by the stores on the same backend),
   * or null when not on disk.
   */
  StoreLocation storeLocation(org.verisimdb.model.Modality modality);

  /** A store's backend and place. */
  record StoreLocation(String backend, String path, Long bytes) {}

  /**
   * Marks what {@code tx} has staged so far, so that a statement that fails after writing can
   * take its writes back ({@link Savepoint#undo}) and leave the transaction as it was. Close it.
   */
  Savepoint savepoint(Transaction tx);

  /** Counts one statement run in {@code tx}, for {@link TransactionInfo#statements()}. */
  void countStatement(Transaction tx);

  /** The open transactions of the database (active or aborted, not yet ended), in no particular order. */
  java.util.List<TransactionInfo> transactions();

  /** The writes of a transaction since a {@link #savepoint}. */
  interface Savepoint extends AutoCloseable {
    /** Drops every write staged since the savepoint; nothing to do once the transaction has ended or aborted. */
    void undo();

    /** Keeps the writes and forgets the savepoint. */
    @Override
    void close();
  }

  /**
   * An open transaction as SHOW TRANSACTIONS lists it (VQL.md §5.14): {@code state} is
   * {@code active} or {@code aborted}; {@code statements} counts the VQL statements run in it,
   * {@code writes} the writes it has staged.
   */
  record TransactionInfo(long id, String principal, org.verisimdb.engine.Isolation isolation, String state, Instant startedAt,
      int statements, int writes) {}

  /** Where a statement reads: the snapshot LSN, the store at it, the transaction's own written ids. */
  record Scope(long lsn, OctadStore store, Set<OctadId> ownWrites, Instant snapshotTime, Runnable release) implements AutoCloseable {
    public Scope {
      ownWrites = Set.copyOf(ownWrites);
    }

    @Override
    public void close() {
      release.run();
    }
  }
}
