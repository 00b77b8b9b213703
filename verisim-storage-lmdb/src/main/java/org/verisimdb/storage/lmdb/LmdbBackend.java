package org.verisimdb.storage.lmdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;

/**
 * Keyed bytes in an LMDB environment: one memory-mapped B-tree file per directory, one named
 * database per keyspace, the applied LSN beside them ({@link LmdbFormatV1}).
 *
 * <p>The environment runs with MDB_NOSYNC: a commit reaches the operating system but is not
 * forced to disk, because VeriSimDB's write-ahead log is the durability, and {@link #sync()}
 * forces everything. A process crash loses nothing committed. A power cut or kernel crash between
 * syncs loses the batches since the last sync, and, on a file system that reorders writes, can
 * leave the environment damaged, which then opens as STORAGE_CORRUPT (restore and replay). It
 * also runs with MDB_NOTLS, so read transactions (snapshots, scans) are not tied to the thread
 * that began them.
 *
 * <p>A full map (the setting {@code map_size_mb}) fails the batch with STORAGE_IO naming the
 * setting; nothing of the batch is stored and the backend stays usable for reads. The map is not
 * grown while open: LMDB may only remap when no transaction is open, and snapshots can stay open
 * for as long as their owners like.
 *
 * <p>Thread-safe: {@link #apply} is serialised (one LMDB write transaction per batch); reads,
 * scans, snapshots and copies run concurrently with it and with each other, each in its own read
 * transaction; {@link #close} waits for running calls and ends the snapshots and scans still open.
 */
public final class LmdbBackend implements StorageBackend {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.storage.lmdb");
  // LMDB must not be opened twice in one process: closing one handle drops the other's locks.
  private static final Set<Path> OPEN_DIRECTORIES = ConcurrentHashMap.newKeySet();

  final LmdbKeyspaces keyspaces;
  final LmdbLifecycle lifecycle;
  private final Path directory;
  private final LmdbSettings settings;
  private final Env<byte[]> env;
  private final ReentrantLock applyLock = new ReentrantLock();
  private volatile long appliedLsn;

  private LmdbBackend(Path directory, LmdbSettings settings, Env<byte[]> env, LmdbKeyspaces keyspaces, long appliedLsn) {
    this.directory = directory;
    this.settings = settings;
    this.env = env;
    this.keyspaces = keyspaces;
    this.appliedLsn = appliedLsn;
    this.lifecycle = new LmdbLifecycle(directory);
  }

  /** Opens (creating if needed) the environment in {@code directory} with default settings. */
  public static LmdbBackend open(Path directory) {
    return open(directory, LmdbSettings.DEFAULTS);
  }

  /** Opens (creating if needed) the environment in {@code directory}. */
  static LmdbBackend open(Path directory, LmdbSettings settings) {
    Path dir = prepare(directory);
    if (!OPEN_DIRECTORIES.add(dir)) {
      throw new VeriSimException(ErrorCode.DATABASE_LOCKED, "the LMDB environment " + dir + " is already open in this"
          + " process; close the backend that has it open first (LMDB must not be opened twice in one process)");
    }
    try {
      Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(settings.mapSizeBytes())
          .setMaxDbs(LmdbKeyspaces.MAX_DBIS).setMaxReaders(settings.maxReaders())
          .open(dir.toFile(), EnvFlags.MDB_NOTLS, EnvFlags.MDB_NOSYNC);
      try {
        // Reader slots of processes that died with a read open would hold pages and slots forever.
        int stale = env.readerCheck();
        if (stale > 0) {
          LOG.log(System.Logger.Level.INFO, "cleared {0} reader slots left by processes that ended in {1}", Integer.toString(stale), dir);
        }
        LmdbKeyspaces keyspaces = LmdbKeyspaces.open(env, dir);
        long lsn;
        try (Txn<byte[]> txn = env.txnRead()) {
          lsn = LmdbFormatV1.readAppliedLsn(txn, keyspaces.meta(), dir);
        }
        LOG.log(System.Logger.Level.INFO, "opened LMDB environment {0}: map {1} MiB, {2} reader slots, {3} keyspaces,"
            + " applied LSN {4}", dir, Long.toString(settings.mapSizeMb()), Integer.toString(settings.maxReaders()),
            Integer.toString(keyspaces.keyspaces().size()), Long.toString(lsn)); // toString: no digit grouping
        return new LmdbBackend(dir, settings, env, keyspaces, lsn);
      } catch (RuntimeException e) {
        env.close();
        throw e;
      }
    } catch (LmdbException e) {
      OPEN_DIRECTORIES.remove(dir);
      throw LmdbErrors.wrap(e, "open", dir, settings);
    } catch (LinkageError e) {
      OPEN_DIRECTORIES.remove(dir);
      throw LmdbErrors.unavailable(e);
    } catch (RuntimeException e) {
      OPEN_DIRECTORIES.remove(dir);
      throw e;
    }
  }

  @Override
  public String name() {
    return LmdbProvider.NAME;
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public byte[] get(Keyspace space, byte[] key) {
    try (LmdbLifecycle.Hold hold = lifecycle.enter()) {
      LmdbKeyspaces.ReadTxn read = keyspaces.beginRead();
      try (Txn<byte[]> txn = read.txn()) {
        return LmdbReadView.getInside(read, space, key);
      }
    } catch (LmdbException e) {
      throw wrap(e, "read " + space);
    }
  }

  @Override
  public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
    LmdbReadView view;
    try (LmdbLifecycle.Hold hold = lifecycle.enter()) {
      view = LmdbReadView.begin(this);
    } catch (LmdbException e) {
      throw wrap(e, "scan " + space);
    }
    try {
      return view.scan(space, fromInclusive, toExclusive, true); // the cursor ends the view's transaction
    } catch (RuntimeException e) {
      view.close();
      throw e;
    }
  }

  @Override
  public void apply(WriteBatch batch) {
    for (WriteBatch.Op op : batch.ops()) {
      // WriteBatch.put checks this, but add(Op) does not; LMDB would fail the whole batch late.
      if (op.key().length == 0 || op.key().length > WriteBatch.MAX_KEY_BYTES) {
        throw new IllegalArgumentException("keys are 1 to " + WriteBatch.MAX_KEY_BYTES + " bytes, got " + op.key().length);
      }
    }
    try (LmdbLifecycle.Hold hold = lifecycle.enter()) {
      applyLock.lock();
      try {
        applyLocked(batch);
      } finally {
        applyLock.unlock();
      }
    } catch (LmdbException e) {
      throw wrap(e, "apply the batch with LSN " + batch.lsn() + " (" + batch.size() + " operations, " + batch.bytes() + " bytes)");
    }
  }

  private void applyLocked(WriteBatch batch) {
    long lsn = batch.lsn() > appliedLsn ? batch.lsn() : 0; // 0: the applied LSN stays as it is
    if (batch.isEmpty() && lsn == 0) {
      return;
    }
    Map<Keyspace, Dbi<byte[]>> created = new HashMap<>();
    // Closing an uncommitted write transaction aborts it, and with it the Dbis it created.
    try (Txn<byte[]> txn = env.txnWrite()) {
      for (WriteBatch.Op op : batch.ops()) {
        switch (op) {
          case WriteBatch.Op.Put put -> {
            Dbi<byte[]> dbi = dbi(put.space(), created);
            if (dbi == null) {
              dbi = keyspaces.create(txn, put.space());
              created.put(put.space(), dbi);
            }
            dbi.put(txn, put.key(), put.value());
          }
          case WriteBatch.Op.Delete delete -> {
            Dbi<byte[]> dbi = dbi(delete.space(), created);
            if (dbi != null) {
              dbi.delete(txn, delete.key()); // false for an absent key, which is fine
            }
          }
        }
      }
      if (lsn > 0) {
        LmdbFormatV1.writeAppliedLsn(txn, keyspaces.meta(), lsn);
      }
      keyspaces.commit(txn, created);
    }
    if (lsn > 0) {
      appliedLsn = lsn;
    }
  }

  private Dbi<byte[]> dbi(Keyspace space, Map<Keyspace, Dbi<byte[]>> created) {
    Dbi<byte[]> dbi = keyspaces.existing(space);
    return dbi != null ? dbi : created.get(space);
  }

  @Override
  public void sync() {
    try (LmdbLifecycle.Hold hold = lifecycle.enter()) {
      env.sync(true);
    } catch (LmdbException e) {
      throw wrap(e, "sync");
    }
  }

  @Override
  public long appliedLsn() {
    try (LmdbLifecycle.Hold hold = lifecycle.enter()) {
      return appliedLsn;
    }
  }

  @Override
  public ReadView snapshot() {
    try (LmdbLifecycle.Hold hold = lifecycle.enter()) {
      return LmdbReadView.begin(this);
    } catch (LmdbException e) {
      throw wrap(e, "take a snapshot");
    }
  }

  /**
   * {@inheritDoc} Writes go on while the copy runs; closing the backend waits for it to finish.
   * The copy is compacted and forced to disk before this returns.
   */
  @Override
  public long copyTo(Path target) {
    try (LmdbLifecycle.Hold hold = lifecycle.enter()) {
      long lsn = LmdbCopy.copy(env, target, settings);
      LOG.log(System.Logger.Level.INFO, "copied LMDB environment {0} to {1} at applied LSN {2}", directory, target, Long.toString(lsn));
      return lsn;
    } catch (LmdbException e) {
      throw wrap(e, "copy the environment to " + target);
    }
  }

  @Override
  public Set<Keyspace> keyspaces() {
    try (LmdbLifecycle.Hold hold = lifecycle.enter()) {
      return keyspaces.keyspaces();
    }
  }

  @Override
  public void close() {
    boolean closedNow = lifecycle.close(() -> {
      try {
        // Not required (the write-ahead log covers what is unsynced), but a clean shutdown
        // should not leave a restart with work to replay.
        env.sync(true);
      } catch (LmdbException e) {
        LOG.log(System.Logger.Level.WARNING, "could not sync LMDB environment {0} while closing it; the write-ahead log"
            + " replays what is missing on the next open: {1}", directory, e.toString());
      } finally {
        try {
          keyspaces.close();
        } finally {
          env.close();
        }
      }
    });
    if (closedNow) {
      OPEN_DIRECTORIES.remove(directory);
      LOG.log(System.Logger.Level.DEBUG, "closed LMDB environment {0}", directory);
    }
  }

  Path directory() {
    return directory;
  }

  VeriSimException wrap(LmdbException e, String action) {
    return LmdbErrors.wrap(e, action, directory, settings);
  }

  private static Path prepare(Path directory) {
    try {
      Files.createDirectories(directory);
      return directory.toRealPath();
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot create the LMDB directory " + directory + ": " + e
          + "; check that the path is a directory the process may write", e);
    }
  }
}
