package org.verisimdb.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.verisimdb.engine.commit.CommitListener;
import org.verisimdb.engine.index.IndexMaintainer;
import org.verisimdb.engine.index.IndexRecovery;
import org.verisimdb.engine.commit.CommitPipeline;
import org.verisimdb.engine.store.Counts;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.engine.store.StoredChange;
import org.verisimdb.engine.write.OctadWriter;
import org.verisimdb.engine.write.WriteOp;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.storage.RoutedBackend;
import org.verisimdb.storage.wal.Wal;

/**
 * The embedded database: runs transactions ({@link EmbeddedTransaction}, and one per session
 * operation), commits them through the {@link Committer} and the {@link CommitPipeline} (log,
 * durable, then applied and visible), reads octads back, and takes checkpoints.
 *
 * <p>Thread-safe. Readers never wait for writers: each read registers the visible LSN with
 * {@link org.verisimdb.engine.txn.Snapshots} and reads the stores as of it (multi-version
 * concurrency control, see {@link OctadStore}), so it never sees a write that is not durable and
 * wholly applied. Only raw snapshots of the stores (exports, backups) take the read side of the
 * visibility lock, whose write side covers applying a batch.
 */
final class EmbeddedDatabase implements Database {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.engine");

  private final DatabaseConfig config;
  private final DatabaseDirectory directory;
  private final RoutedBackend stores;
  private final Wal wal;
  private final CommitPipeline pipeline;
  private final Committer committer;
  private final OctadStore readStore;
  private final OctadWriter writer;
  private final Lock readLock;
  private final Session defaultSession;
  private final Object checkpointLock = new Object();
  private final ScheduledExecutorService checkpoints;
  private final ScheduledExecutorService maintenance;
  private final AtomicBoolean checkpointQueued = new AtomicBoolean();
  private final Map<Long, EmbeddedTransaction> openTransactions = new ConcurrentHashMap<>();
  private final HistoryCollector collector;
  private final DerivedState derived;
  private final org.verisimdb.engine.query.exec.QueryEngine queries;
  private volatile long retainFromLsn = Long.MAX_VALUE;
  private volatile boolean closed;

  /**
   * @param directory null for an in-memory database
   * @param wal null for an in-memory database
   */
  EmbeddedDatabase(DatabaseConfig config, DatabaseDirectory directory, RoutedBackend stores, Wal wal, CommitClock clock) {
    this.config = config;
    this.directory = directory;
    this.stores = stores;
    this.wal = wal;
    this.writer = new OctadWriter(config.vectorDimension(), DerivedState.autoEmbedding(config));
    ReentrantReadWriteLock visibility = new ReentrantReadWriteLock();
    this.readLock = visibility.readLock();
    this.pipeline = new CommitPipeline(wal, stores, visibility.writeLock());
    this.readStore = new OctadStore(stores);
    this.committer = new Committer(pipeline, writer, clock, config, readStore.counts());
    this.collector = new HistoryCollector(stores, committer, pipeline, config.transactions().retention(), clock);
    this.derived = new DerivedState(config, directory, readStore, committer, readLock, pipeline::visibleLsn);
    this.defaultSession = new PrincipalSession(config.defaultPrincipal());
    this.queries = new org.verisimdb.engine.query.exec.QueryEngine(new EmbeddedQueryHost(this, committer, derived));
    this.maintenance = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("verisim-maintenance").daemon(true).factory());
    maintenance.scheduleWithFixedDelay(this::expireTransactions, 1, 1, TimeUnit.SECONDS);
    long gc = config.transactions().gcInterval().toMillis();
    maintenance.scheduleWithFixedDelay(this::collectQuietly, gc, gc, TimeUnit.MILLISECONDS);
    this.checkpoints = wal == null ? null
        : Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("verisim-checkpoint").daemon(true).factory());
    if (checkpoints != null && config.checkpointIntervalSeconds() > 0) {
      checkpoints.scheduleWithFixedDelay(this::checkpointQuietly, config.checkpointIntervalSeconds(), config.checkpointIntervalSeconds(),
          TimeUnit.SECONDS);
    }
  }

  org.verisimdb.engine.write.AutoEmbedding autoEmbedding() {
    return writer.embedding();
  }

  // ---- Database

  @Override
  public Session session(String principal) {
    if (principal == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "principal", "a session needs a principal");
    }
    Limits.requireShortText(principal, Limits.MAX_SHORT_TEXT, ErrorCode.INVALID_ARGUMENT, "principal", "principal");
    return new PrincipalSession(principal);
  }

  @Override
  public org.verisimdb.engine.schema.Schema schema() {
    checkOpen();
    return derived.schema(defaultSession);
  }

  @Override
  public org.verisimdb.engine.search.Search search() {
    checkOpen();
    return derived.search;
  }

  @Override
  public org.verisimdb.engine.query.VqlSession vql() {
    return vql(config.defaultPrincipal());
  }

  @Override
  public org.verisimdb.engine.query.VqlSession vql(String principal) {
    checkOpen();
    return queries.session(principal);
  }

  @Override
  public org.verisimdb.engine.query.QueryTuning queryTuning() {
    checkOpen();
    return queries.tuning();
  }

  @Override
  public DatabaseStats stats() {
    checkOpen();
    Counts c = committer.counts();
    return new DatabaseStats(c.octads(), c.perModality());
  }

  @Override
  public DatabaseConfig config() {
    return config;
  }

  @Override
  public Path directory() {
    return directory == null ? null : directory.root();
  }

  @Override
  public boolean durable() {
    return wal != null && stores.durable();
  }

  /**
   * Makes everything applied so far durable in the stores and deletes the log segments no store
   * needs any more (nor an incremental backup, see {@link #retainLogFrom}). Writes continue
   * meanwhile. Nothing to do for an in-memory database.
   */
  @Override
  public void checkpoint() {
    checkOpen();
    if (wal == null) {
      return;
    }
    synchronized (checkpointLock) {
      // Read before syncing: everything applied up to here is durable once the sync returns.
      long safe = stores.maxAppliedLsn();
      stores.sync();
      long indexed = derived.indexes.commit(); // -1: a failed index rebuilds itself on open and needs no log
      pipeline.resetLoggedBytes();
      int deleted = wal.deleteBefore(Math.min(indexed < 0 ? safe : Math.min(safe, indexed), retainFromLsn - 1) + 1);
      LOG.log(System.Logger.Level.INFO, "checkpoint of {0} at LSN {1}: stores synced, {2} log segments deleted", where(), safe, deleted);
    }
  }

  /** Keeps log records from {@code lsn} on at checkpoints (for incremental backups); Long.MAX_VALUE for none. */
  void retainLogFrom(long lsn) {
    retainFromLsn = lsn;
  }

  private void checkpointQuietly() {
    try {
      if (!closed && pipeline.failure() == null) {
        checkpoint();
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "checkpoint of " + where() + " failed: " + e.getMessage(), e);
    } finally {
      checkpointQueued.set(false);
    }
  }

  private void checkpointIfLogGrew() {
    if (pipeline.loggedBytes() > config.checkpointWalBytes()) {
      checkpointSoon();
    }
  }

  /** Queues a checkpoint on the background thread, unless one is queued already. */
  void checkpointSoon() {
    if (checkpoints != null && checkpointQueued.compareAndSet(false, true)) {
      checkpoints.execute(this::checkpointQuietly);
    }
  }

  @Override
  public void close() {
    synchronized (checkpointLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    openTransactions.values().forEach(EmbeddedTransaction::abandon);
    queries.close();
    maintenance.shutdownNow();
    pipeline.close();
    derived.close();
    if (checkpoints != null) {
      checkpoints.shutdownNow();
      try {
        checkpoints.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      if (wal != null && pipeline.failure() == null) {
        long safe = Math.min(stores.maxAppliedLsn(), derived.indexes.index().committedLsn());
        stores.sync();
        wal.deleteBefore(Math.min(safe, retainFromLsn - 1) + 1);
      }
    } finally {
      try {
        if (wal != null) {
          wal.close();
        }
      } finally {
        try {
          stores.close();
        } finally {
          if (directory != null) {
            directory.close();
          }
        }
      }
    }
    LOG.log(directory == null ? System.Logger.Level.DEBUG : System.Logger.Level.INFO, "closed database {0}", where());
  }

  // ---- Session, as the default principal

  @Override
  public String principal() {
    return defaultSession.principal();
  }

  @Override
  public Octad create(OctadInput input) {
    return defaultSession.create(input);
  }

  @Override
  public Optional<Octad> get(OctadId id) {
    return defaultSession.get(id);
  }

  @Override
  public boolean exists(OctadId id) {
    return defaultSession.exists(id);
  }

  @Override
  public Octad update(OctadId id, OctadPatch patch) {
    return defaultSession.update(id, patch);
  }

  @Override
  public long delete(OctadId id) {
    return defaultSession.delete(id);
  }

  @Override
  public Page<Octad> list(String cursor, int limit) {
    return defaultSession.list(cursor, limit);
  }

  @Override
  public org.verisimdb.engine.history.History history() {
    return defaultSession.history();
  }

  @Override
  public Transaction begin() {
    return defaultSession.begin();
  }

  @Override
  public Transaction begin(Isolation isolation) {
    return defaultSession.begin(isolation);
  }

  @Override
  public <T> T inTransaction(Isolation isolation, Function<Transaction, T> work) {
    return defaultSession.inTransaction(isolation, work);
  }

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    return defaultSession.inTransaction(work);
  }

  // ---- transactions and history, for the classes of this package

  /** Brings the index up to the stores and starts feeding it commits; called once, right after construction. */
  void startIndexes(org.verisimdb.storage.wal.Wal log, Progress progress) {
    derived.start(log, progress);
  }

  /** What opening did to the index: nothing, a catch-up from the log, or a rebuild. */
  IndexRecovery.Outcome indexRecovery() {
    return derived.recovery();
  }

  IndexMaintainer indexes() {
    return derived.indexes;
  }

  OctadStore readStore() {
    return readStore;
  }

  /** Registers a listener of commits (the modality indexes); see {@link CommitListener}. */
  void addCommitListener(CommitListener listener) {
    committer.addListener(listener);
  }

  /** The transactions begun and not yet committed or rolled back (aborted ones included). */
  java.util.Collection<EmbeddedTransaction> openTransactions() {
    return openTransactions.values();
  }

  void forget(EmbeddedTransaction tx) {
    openTransactions.remove(tx.id());
  }

  void afterCommit() {
    checkpointIfLogGrew();
  }

  private void expireTransactions() {
    long now = System.nanoTime();
    for (EmbeddedTransaction tx : openTransactions.values()) {
      tx.expire(now);
    }
  }

  /** Removes the versions the retention policy no longer keeps and no reader needs; see {@link HistoryCollector}. */
  HistoryCollector.Report collectHistory() {
    checkOpen();
    derived.awaitIndexed(); // the indexer reads at snapshots too: once caught up it holds none, so retention alone decides
    return collector.collect();
  }

  private void collectQuietly() {
    try {
      if (!closed && pipeline.failure() == null && !config.transactions().retention().keepsAll()) {
        collector.collect();
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "collecting old versions of " + where() + " failed: " + e.getMessage(), e);
    }
  }

  String where() {
    return directory == null ? "in memory" : directory.root().toString();
  }

  // ---- for Administration: export, import, backup, migration, verification

  @Override
  public org.verisimdb.engine.transfer.Exporter.Report exportTo(java.io.OutputStream out, Progress progress) {
    return new Administration(this).export(out, progress);
  }

  @Override
  public org.verisimdb.engine.transfer.Importer.Report importFrom(Path file, Progress progress) {
    return new Administration(this).importFrom(file, progress);
  }

  @Override
  public org.verisimdb.engine.backup.BackupReport backup(Path target, boolean incremental, Progress progress) {
    return new Administration(this).backup(target, incremental, progress);
  }

  @Override
  public org.verisimdb.engine.backup.MigrationReport migrateTo(Path target, String backend, Progress progress) {
    return new Administration(this).migrate(target, backend, progress);
  }

  @Override
  public org.verisimdb.engine.index.IndexReport rebuildIndex(Progress progress) {
    checkOpen();
    return derived.rebuildIndex(progress);
  }

  @Override
  public org.verisimdb.engine.index.IndexReport compactIndex() {
    checkOpen();
    org.verisimdb.engine.index.IndexReport report = derived.compactIndex();
    LOG.log(System.Logger.Level.INFO, "compacted the index of {0} octads into one segment in {1} ms", report.octads(),
        report.elapsed().toMillis());
    return report;
  }

  @Override
  public org.verisimdb.engine.verify.VerifyReport verify(Progress progress) {
    return new Administration(this).verify(progress);
  }

  RoutedBackend stores() {
    return stores;
  }

  Wal wal() {
    return wal;
  }

  DatabaseDirectory databaseDirectory() {
    return directory;
  }

  long appliedLsn() {
    return pipeline.appliedLsn();
  }

  /** The LSN readers read at now. */
  long visibleLsn() {
    return pipeline.visibleLsn();
  }

  /** Held while a backup runs, so no checkpoint deletes log records it still has to copy. */
  Object checkpointLock() {
    return checkpointLock;
  }

  /** A consistent view of every store at one LSN, which later writes do not change; close it. */
  org.verisimdb.storage.ReadView snapshot() {
    checkOpen();
    readLock.lock();
    try {
      return stores.snapshot();
    } finally {
      readLock.unlock();
    }
  }

  /**
   * Commits whole octads (full history and chains, as an export carries them) in one
   * transaction; any id already present fails the batch with OCTAD_ALREADY_EXISTS and nothing of
   * it is written. Returns the LSN of the commit.
   */
  long importBatch(List<Octad> octads) {
    checkOpen();
    return committer.importBatch(octads);
  }

  // ---- the work, shared by every session

  // One operation of a session: a transaction of its own, planned on the newest committed state.
  private <T> T write(String what, WriteOp op, String principal, Function<StoredChange, T> result) {
    checkOpen();
    derived.indexes.throttle();
    long txn = committer.nextTransactionId();
    try {
      StoredChange change = committer.commit(txn, List.of(op), null, 0, null, principal).changes().getFirst();
      checkpointIfLogGrew();
      return result.apply(change);
    } catch (VeriSimException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VeriSimException(ErrorCode.INTERNAL, "unexpected failure while " + what + " octad " + op.id() + ": " + e, e);
    } finally {
      committer.locks().releaseAll(txn);
    }
  }

  /**
   * The octad as a committed change left it. Assembled after the commit and outside every lock:
   * the facets come with the change, and the versions and provenance records it read are history,
   * which later writes append to but never alter, read up to the counts the change's header gives.
   */
  private Octad resultOf(StoredChange change) {
    if (!change.header().live()) {
      return null;
    }
    return readStore.read(change.id(), change.header(), change.facets(), config.historyLimit());
  }

  // One read of a session: at the visible LSN, registered for as long as it reads.
  private <T> T read(String what, Function<OctadStore, T> work) {
    checkOpen();
    long at = committer.snapshots().acquire();
    try {
      return work.apply(readStore.at(at));
    } catch (VeriSimException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VeriSimException(ErrorCode.INTERNAL, "unexpected failure while " + what + ": " + e, e);
    } finally {
      committer.snapshots().release(at);
    }
  }

  void checkLimit(int limit) {
    if (limit < 1 || limit > config.maxLimit()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "limit",
          "limit " + limit + " is outside 1.." + config.maxLimit() + " (vql.max_limit); page through larger listings with the cursor");
    }
  }

  void checkOpen() {
    if (closed) {
      throw new VeriSimException(ErrorCode.DATABASE_CLOSED, "the database " + where() + " is closed; open it again to continue");
    }
  }

  /** A session: the shared machinery, acting as one principal. */
  private final class PrincipalSession implements Session {
    private final String principal;

    PrincipalSession(String principal) {
      this.principal = principal;
    }

    @Override
    public String principal() {
      return principal;
    }

    @Override
    public Octad create(OctadInput input) {
      WriteOp op = OctadRequests.createOp(input);
      writer.embedding().prepare(input);
      return write("creating", op, principal, EmbeddedDatabase.this::resultOf);
    }

    @Override
    public Optional<Octad> get(OctadId id) {
      OctadRequests.requireId(id);
      return read("reading octad " + id, view -> OctadRequests.liveOctad(view, id, config.historyLimit()));
    }

    @Override
    public boolean exists(OctadId id) {
      OctadRequests.requireId(id);
      return read("reading octad " + id, view -> OctadRequests.isLive(view, id));
    }

    @Override
    public Octad update(OctadId id, OctadPatch patch) {
      return write("updating", OctadRequests.updateOp(id, patch), principal, EmbeddedDatabase.this::resultOf);
    }

    @Override
    public long delete(OctadId id) {
      return write("deleting", OctadRequests.deleteOp(id), principal, change -> change.version().version());
    }

    @Override
    public Page<Octad> list(String cursor, int limit) {
      checkLimit(limit);
      OctadId after = cursor == null ? null : OctadRequests.decodeCursor(cursor);
      return read("listing octads", view -> OctadRequests.page(view, after, limit, config.historyLimit()));
    }

    @Override
    public org.verisimdb.engine.history.History history() {
      return org.verisimdb.engine.history.Histories.over(EmbeddedDatabase.this::read, config.historyLimit(), config.maxLimit());
    }

    @Override
    public Transaction begin() {
      return begin(config.transactions().isolation());
    }

    @Override
    public Transaction begin(Isolation isolation) {
      checkOpen();
      if (isolation == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "isolation", "begin needs an isolation level, or none for the default");
      }
      EmbeddedTransaction tx = new EmbeddedTransaction(EmbeddedDatabase.this, committer, writer, committer.nextTransactionId(), isolation,
          principal);
      openTransactions.put(tx.id(), tx);
      return tx;
    }

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
      return inTransaction(config.transactions().isolation(), work);
    }

    @Override
    public <T> T inTransaction(Isolation isolation, Function<Transaction, T> work) {
      return Retries.run(() -> begin(isolation), work);
    }
  }
}
