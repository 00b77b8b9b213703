package org.verisimdb.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.verisimdb.engine.commit.CommitPipeline;
import org.verisimdb.engine.store.Counts;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.engine.store.StoredChange;
import org.verisimdb.engine.write.OctadWriter;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.storage.RoutedBackend;
import org.verisimdb.storage.WriteBatch;
import org.verisimdb.storage.wal.Wal;

/**
 * The embedded database: plans writes with {@link OctadWriter}, commits them through the
 * {@link CommitPipeline} (log, durable, then applied and visible), reads octads back, and takes
 * checkpoints.
 *
 * <p>Thread-safe. Readers share the read side of the visibility lock and never see a write that
 * is not durable and wholly applied; writers plan one at a time against the pending view and
 * wait for durability together. (MVCC snapshots will replace the visibility lock, so that readers
 * no longer wait for applies.)
 */
final class EmbeddedDatabase implements Database {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.engine");
  private static final String CURSOR_PREFIX = "c1.";

  private final DatabaseConfig config;
  private final DatabaseDirectory directory;
  private final RoutedBackend stores;
  private final Wal wal;
  private final CommitPipeline pipeline;
  private final OctadStore readStore;
  private final OctadStore planStore;
  private final OctadWriter writer;
  private final CommitClock clock;
  private final Lock readLock;
  private final Session defaultSession;
  private final Object checkpointLock = new Object();
  private final ScheduledExecutorService checkpoints;
  private final AtomicBoolean checkpointQueued = new AtomicBoolean();
  private volatile Counts counts;
  private Counts pendingCounts; // guarded by the pipeline's plan lock
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
    this.writer = new OctadWriter(config.vectorDimension());
    this.clock = clock;
    ReentrantReadWriteLock visibility = new ReentrantReadWriteLock();
    this.readLock = visibility.readLock();
    this.pipeline = new CommitPipeline(wal, stores, visibility.writeLock());
    this.readStore = new OctadStore(stores);
    this.planStore = new OctadStore(pipeline.planningView());
    this.counts = readStore.counts();
    this.pendingCounts = counts;
    this.defaultSession = new PrincipalSession(config.defaultPrincipal());
    this.checkpoints = wal == null ? null
        : Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("verisim-checkpoint").daemon(true).factory());
    if (checkpoints != null && config.checkpointIntervalSeconds() > 0) {
      checkpoints.scheduleWithFixedDelay(this::checkpointQuietly, config.checkpointIntervalSeconds(), config.checkpointIntervalSeconds(),
          TimeUnit.SECONDS);
    }
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
  public DatabaseStats stats() {
    checkOpen();
    Counts c = counts;
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
      pipeline.resetLoggedBytes();
      int deleted = wal.deleteBefore(Math.min(safe, retainFromLsn - 1) + 1);
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
    pipeline.close();
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
        long safe = stores.maxAppliedLsn();
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
    return pipeline.commit(lsn -> {
      Counts before = pendingCounts;
      Counts after = before;
      WriteBatch batch = new WriteBatch();
      for (Octad octad : octads) {
        OctadHeader existing = planStore.header(octad.id());
        if (existing != null) {
          throw VeriSimException.invalid(ErrorCode.OCTAD_ALREADY_EXISTS, "id", "octad '" + octad.id() + "' already exists"
              + (existing.live() ? "" : " (deleted at version " + existing.version() + ")") + "; import into an empty database");
        }
        after = after.apply(null, OctadStore.stageWhole(octad, batch).modalities());
      }
      OctadStore.stageCounts(before, after, batch);
      Counts finalCounts = after;
      pendingCounts = finalCounts;
      return new CommitPipeline.Planned<>(batch, clock.next(), lsn, () -> counts = finalCounts);
    });
  }

  // ---- the work, shared by every session

  private <T> T write(String what, OctadId id, ChangePlanner planner, java.util.function.Function<StoredChange, T> result) {
    checkOpen();
    try {
      StoredChange change = pipeline.commit(lsn -> {
        OctadHeader previous = planStore.header(id);
        Instant now = clock.next();
        StoredChange planned = planner.plan(previous, now);
        Counts after = pendingCounts.apply(previous != null && previous.live() ? previous.modalities() : null,
            planned.header().live() ? planned.header().modalities() : null);
        WriteBatch batch = new WriteBatch();
        OctadStore.stage(planned, pendingCounts, after, batch);
        pendingCounts = after;
        return new CommitPipeline.Planned<>(batch, now, planned, () -> counts = after);
      });
      checkpointIfLogGrew();
      return result.apply(change);
    } catch (VeriSimException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VeriSimException(ErrorCode.INTERNAL, "unexpected failure while " + what + " octad " + id + ": " + e, e);
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

  private <T> T read(String what, Supplier<T> work) {
    readLock.lock();
    try {
      checkOpen();
      return work.get();
    } catch (VeriSimException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VeriSimException(ErrorCode.INTERNAL, "unexpected failure while " + what + ": " + e, e);
    } finally {
      readLock.unlock();
    }
  }

  @FunctionalInterface
  private interface ChangePlanner {
    StoredChange plan(OctadHeader previous, Instant now);
  }

  private void checkOpen() {
    if (closed) {
      throw new VeriSimException(ErrorCode.DATABASE_CLOSED, "the database " + where() + " is closed; open it again to continue");
    }
  }

  private static OctadHeader requireLive(OctadId id, OctadHeader header) {
    if (header == null || !header.live()) {
      throw VeriSimException.invalid(ErrorCode.OCTAD_NOT_FOUND, "id", "octad '" + id + "' does not exist"
          + (header == null ? "" : " (it was deleted at version " + header.version() + ")"));
    }
    return header;
  }

  static String encodeCursor(OctadId last) {
    return CURSOR_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(last.value().getBytes(StandardCharsets.UTF_8));
  }

  static OctadId decodeCursor(String cursor) {
    try {
      if (cursor.startsWith(CURSOR_PREFIX)) {
        return OctadId.of(new String(Base64.getUrlDecoder().decode(cursor.substring(CURSOR_PREFIX.length())), StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException | VeriSimException e) {
      // fall through to the one message for every malformed cursor
    }
    throw VeriSimException.invalid(ErrorCode.INVALID_CURSOR, "cursor",
        "'" + (cursor.length() > 40 ? cursor.substring(0, 40) + "…" : cursor) + "' is not a cursor of this listing; pass the nextCursor of the previous page, or null to start");
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
      if (input == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, null, "create needs an input");
      }
      OctadId id = input.id() != null ? input.id() : OctadId.random();
      return write("creating", id, (previous, now) -> writer.create(id, input, previous, principal, now), EmbeddedDatabase.this::resultOf);
    }

    @Override
    public Optional<Octad> get(OctadId id) {
      requireId(id);
      return read("reading octad " + id, () -> {
        OctadHeader header = readStore.header(id);
        return header == null || !header.live() ? Optional.empty() : Optional.of(readStore.read(id, header, null, config.historyLimit()));
      });
    }

    @Override
    public boolean exists(OctadId id) {
      requireId(id);
      return read("reading octad " + id, () -> {
        OctadHeader header = readStore.header(id);
        return header != null && header.live();
      });
    }

    @Override
    public Octad update(OctadId id, OctadPatch patch) {
      requireId(id);
      if (patch == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, null, "update needs a patch");
      }
      return write("updating", id, (previous, now) -> {
        OctadHeader header = requireLive(id, previous);
        VersionRecord current = planStore.versions(id, header.version(), header.version()).getFirst();
        return writer.update(id, header, planStore.facets(id, header), current, patch, principal, now);
      }, EmbeddedDatabase.this::resultOf);
    }

    @Override
    public long delete(OctadId id) {
      requireId(id);
      return write("deleting", id, (previous, now) -> writer.delete(id, requireLive(id, previous), principal, now),
          change -> change.version().version());
    }

    @Override
    public Page<Octad> list(String cursor, int limit) {
      if (limit < 1 || limit > config.maxLimit()) {
        throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "limit",
            "limit " + limit + " is outside 1.." + config.maxLimit() + " (vql.max_limit); page through larger listings with the cursor");
      }
      OctadId after = cursor == null ? null : decodeCursor(cursor);
      return read("listing octads", () -> {
        List<Map.Entry<OctadId, OctadHeader>> entries = readStore.liveAfter(after, limit + 1);
        boolean more = entries.size() > limit;
        List<Octad> octads = new ArrayList<>(Math.min(limit, entries.size()));
        for (int i = 0; i < Math.min(limit, entries.size()); i++) {
          Map.Entry<OctadId, OctadHeader> e = entries.get(i);
          octads.add(readStore.read(e.getKey(), e.getValue(), null, config.historyLimit()));
        }
        return new Page<>(octads, more ? encodeCursor(octads.getLast().id()) : null);
      });
    }

    private void requireId(OctadId id) {
      if (id == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_ID, "id", "an octad id is required");
      }
    }
  }
}
