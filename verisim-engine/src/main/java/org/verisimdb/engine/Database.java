package org.verisimdb.engine;

import java.nio.file.Path;

/**
 * An open VeriSimDB database. As a {@link Session} it acts as the configured default principal
 * ({@code principal.default}); {@link #session(String)} acts as another. Thread-safe. Close it to
 * release its directory; operations after close fail with DATABASE_CLOSED.
 */
public interface Database extends Session, AutoCloseable {

  /** A session that acts as {@code principal}. */
  Session session(String principal);

  /** Semantic types (with supertypes and constraints enforced on write) and registered contracts. */
  org.verisimdb.engine.schema.Schema schema();

  /** Searches over the modality indexes (full text, vectors, places, graph, types, provenance). */
  org.verisimdb.engine.search.Search search();

  /**
   * A VQL session (VQL.md) acting as the default principal: it runs statements one at a time and
   * holds the transaction a BEGIN opens. Close it.
   */
  org.verisimdb.engine.query.VqlSession vql();

  /** A VQL session acting as {@code principal}. */
  org.verisimdb.engine.query.VqlSession vql(String principal);

  /** The query engine's learnt cost corrections (resettable) and statement counters. */
  org.verisimdb.engine.query.QueryTuning queryTuning();

  /** Counts of octads and of each modality. */
  DatabaseStats stats();

  DatabaseConfig config();

  /** The database directory, or null for an in-memory database. */
  Path directory();

  /** True when committed data survives the process (false for in-memory storage). */
  boolean durable();

  /**
   * Makes everything committed so far durable in the stores and deletes the log segments they no
   * longer need, so that recovery after a crash replays only what comes next. Runs by itself
   * periodically, when the log has grown, and on close; writes continue meanwhile.
   */
  void checkpoint();

  /**
   * Writes every live octad, with its whole history, as JSON Lines ending with a manifest, from
   * a consistent snapshot while writes go on. Equal databases give byte-identical exports.
   */
  org.verisimdb.engine.transfer.Exporter.Report exportTo(java.io.OutputStream out, Progress progress);

  /**
   * Imports an export: the whole file is checked against its manifest first (a damaged, cut or
   * altered file, or an octad that already exists, fails with TRANSFER_INVALID and imports
   * nothing), then octads are committed in batches; each batch is durable before progress
   * reports it, so the count reported survives a crash.
   */
  org.verisimdb.engine.transfer.Importer.Report importFrom(Path file, Progress progress);

  /**
   * Backs the database up into {@code target} while writes go on: a full backup copies each
   * store consistently plus the log after the oldest copy; an incremental one adds the log
   * since the backup {@code target} already holds.
   */
  org.verisimdb.engine.backup.BackupReport backup(Path target, boolean incremental, Progress progress);

  /**
   * Copies the database, from a snapshot while writes go on, into a new database in
   * {@code target} stored with {@code backend}, then checks the copy key for key.
   */
  org.verisimdb.engine.backup.MigrationReport migrateTo(Path target, String backend, Progress progress);

  /**
   * Rebuilds the modality indexes from every live octad, while reads and writes go on (searches
   * wait until it is done). Needed only after damage: the indexes follow commits, catch up from
   * the log after a crash, and rebuild themselves when their settings change.
   */
  org.verisimdb.engine.index.IndexReport rebuildIndex(Progress progress);

  /**
   * Merges the modality indexes into one segment, so that searches (above all vector k-NN, which
   * walks one HNSW graph per segment) visit one structure. Worth it after a bulk load; slow on a
   * large index, and writes wait while it runs.
   */
  org.verisimdb.engine.index.IndexReport compactIndex();

  /**
   * Checks every log record, stored record, hash chain and count, and that the index holds
   * exactly the live octads at their stored versions; see the report for what was found.
   */
  org.verisimdb.engine.verify.VerifyReport verify(Progress progress);

  @Override
  void close();
}
