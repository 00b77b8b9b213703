package org.verisimdb.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
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
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;

/**
 * The embedded database: plans writes with {@link OctadWriter}, stages them into one atomic
 * batch through {@link OctadStore}, and reads octads back.
 *
 * <p>Thread-safe. Writers are serialised by a write lock and readers share a read lock, so a
 * reader never sees half of a write. (The transactions work replaces the lock with MVCC
 * snapshots, so that readers no longer wait for writers.)
 */
final class EmbeddedDatabase implements Database {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.engine");
  private static final String CURSOR_PREFIX = "c1.";

  private final DatabaseConfig config;
  private final DatabaseDirectory directory;
  private final StorageBackend backend;
  private final OctadStore store;
  private final OctadWriter writer;
  private final CommitClock clock;
  private final Lock readLock;
  private final Lock writeLock;
  private final Session defaultSession;
  private volatile Counts counts;
  private long lsn;
  private volatile boolean closed;

  EmbeddedDatabase(DatabaseConfig config, DatabaseDirectory directory, StorageBackend backend, CommitClock clock) {
    this.config = config;
    this.directory = directory;
    this.backend = backend;
    this.store = new OctadStore(backend);
    this.writer = new OctadWriter(config.vectorDimension());
    this.clock = clock;
    ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    this.readLock = lock.readLock();
    this.writeLock = lock.writeLock();
    this.counts = store.counts();
    this.lsn = backend.appliedLsn();
    this.defaultSession = new PrincipalSession(config.defaultPrincipal());
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
    return backend.durable();
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      backend.close();
      if (directory != null) {
        directory.close();
      }
      LOG.log(directory == null ? System.Logger.Level.DEBUG : System.Logger.Level.INFO, "closed database {0}", where());
    } finally {
      writeLock.unlock();
    }
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

  // ---- the work, shared by every session

  private Octad write(String what, OctadId id, ChangePlanner planner) {
    writeLock.lock();
    try {
      checkOpen();
      OctadHeader previous = store.header(id);
      Instant now = clock.next();
      StoredChange change = planner.plan(previous, now);
      Counts after = counts.apply(previous != null && previous.live() ? previous.modalities() : null,
          change.header().live() ? change.header().modalities() : null);
      WriteBatch batch = new WriteBatch(++lsn);
      store.stage(change, after, batch);
      backend.apply(batch);
      counts = after;
      return change.header().live() ? store.read(id, change.header(), change.facets(), config.historyLimit()) : null;
    } catch (VeriSimException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VeriSimException(ErrorCode.INTERNAL, "unexpected failure while " + what + " octad " + id + ": " + e, e);
    } finally {
      writeLock.unlock();
    }
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
      return write("creating", id, (previous, now) -> writer.create(id, input, previous, principal, now));
    }

    @Override
    public Optional<Octad> get(OctadId id) {
      requireId(id);
      return read("reading octad " + id, () -> {
        OctadHeader header = store.header(id);
        return header == null || !header.live() ? Optional.empty() : Optional.of(store.read(id, header, null, config.historyLimit()));
      });
    }

    @Override
    public boolean exists(OctadId id) {
      requireId(id);
      return read("reading octad " + id, () -> {
        OctadHeader header = store.header(id);
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
        VersionRecord current = store.versions(id, header.version(), header.version()).getFirst();
        return writer.update(id, header, store.facets(id, header), current, patch, principal, now);
      });
    }

    @Override
    public long delete(OctadId id) {
      requireId(id);
      long[] version = new long[1];
      write("deleting", id, (previous, now) -> {
        StoredChange change = writer.delete(id, requireLive(id, previous), principal, now);
        version[0] = change.version().version();
        return change;
      });
      return version[0];
    }

    @Override
    public Page<Octad> list(String cursor, int limit) {
      if (limit < 1 || limit > config.maxLimit()) {
        throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "limit",
            "limit " + limit + " is outside 1.." + config.maxLimit() + " (vql.max_limit); page through larger listings with the cursor");
      }
      OctadId after = cursor == null ? null : decodeCursor(cursor);
      return read("listing octads", () -> {
        List<Map.Entry<OctadId, OctadHeader>> entries = store.liveAfter(after, limit + 1);
        boolean more = entries.size() > limit;
        List<Octad> octads = new ArrayList<>(Math.min(limit, entries.size()));
        for (int i = 0; i < Math.min(limit, entries.size()); i++) {
          Map.Entry<OctadId, OctadHeader> e = entries.get(i);
          octads.add(store.read(e.getKey(), e.getValue(), null, config.historyLimit()));
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
