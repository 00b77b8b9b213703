package org.verisimdb.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.verisimdb.engine.recovery.Replayer;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.BackendProvider;
import org.verisimdb.storage.Backends;
import org.verisimdb.storage.RoutedBackend;
import org.verisimdb.storage.wal.FileLogStorage;
import org.verisimdb.storage.wal.LogStorage;
import org.verisimdb.storage.wal.Wal;
import org.verisimdb.storage.wal.WalOptions;

/**
 * Opens VeriSimDB databases inside this JVM.
 *
 * <pre>{@code
 * try (Database db = VeriSimDB.open(Path.of("data/demo"), DatabaseConfig.load(Path.of("verisimdb.properties")))) {
 *   Octad octad = db.create(OctadInput.builder().with(DocumentFacet.of("Title", "Body")).build());
 * }
 * }</pre>
 */
public final class VeriSimDB {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.engine");

  private VeriSimDB() {}

  /** Opens (creating if needed) the database in {@code directory} with the default settings. */
  public static Database open(Path directory) {
    return open(directory, DatabaseConfig.defaults());
  }

  /** Opens the database in the configuration's {@code data.dir}. */
  public static Database open(DatabaseConfig config) {
    if (config.dataDirectory() == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "data.dir",
          "no database directory is configured; set data.dir (or VERISIM_DATA_DIR) or pass one");
    }
    return open(config.dataDirectory(), config);
  }

  public static Database open(Path directory, DatabaseConfig config) {
    return open(directory, config, Progress.NONE, Clock.systemUTC());
  }

  /**
   * Opens (creating if needed) the database in {@code directory}, locks it, and recovers it: the
   * log is checked (a torn tail truncated, damage reported) and replayed into the stores from
   * where each one stopped. Fails with BACKEND_UNAVAILABLE when a configured backend is not on
   * the classpath, DATABASE_LOCKED when another process has the directory open,
   * STORAGE_CORRUPT when the log or a store is damaged.
   *
   * @param progress reports the replay of a long log
   */
  public static Database open(Path directory, DatabaseConfig config, Progress progress) {
    return open(directory, config, progress, Clock.systemUTC());
  }

  static Database open(Path directory, DatabaseConfig config, Progress progress, Clock clock) {
    return open(directory, config, progress, clock, null, Backends::provider);
  }

  /**
   * As {@link #open(Path, DatabaseConfig, Progress)}, with the log in {@code logStorage} (null:
   * files in {@code wal/}) and backends found by {@code providers}: tests inject faults and extra
   * backends here.
   */
  static Database open(Path directory, DatabaseConfig config, Progress progress, Clock clock, LogStorage logStorage,
      Function<String, BackendProvider> providers) {
    if (directory == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "directory", "a database directory is required; use openInMemory() for none");
    }
    Path root = directory.toAbsolutePath().normalize();
    if (!java.nio.file.Files.exists(root.resolve(DatabaseDirectory.MARKER))) {
      StorageLayout.checkAvailable(config, providers); // before anything is created
    }
    DatabaseDirectory dir = DatabaseDirectory.open(root, config);
    RoutedBackend stores = null;
    Wal wal = null;
    try {
      config = dir.adopt(config);
      StorageLayout.checkAvailable(config, providers);
      stores = StorageLayout.open(config, dir, providers);
      wal = Wal.open(logStorage != null ? logStorage : new FileLogStorage(dir.wal()), new WalOptions(config.walSync(), config.walAsyncIntervalMillis(), config.walSegmentBytes()),
          stores.maxAppliedLsn() + 1);
      Replayer.Result replay = Replayer.replay(wal, stores, replayWorkers(), progress);
      EmbeddedDatabase db = new EmbeddedDatabase(config, dir, stores, wal, new CommitClock(clock));
      try {
        db.startIndexes(wal, progress);
      } catch (RuntimeException e) {
        db.close();
        throw e;
      }
      long backedUp = Administration.readBackupState(dir.root());
      if (backedUp >= 0) {
        db.retainLogFrom(backedUp + 1);
      }
      if (replay.records() > 0) {
        db.checkpointSoon(); // the replayed records stay in the log until it has run: a crash before only replays again
      }
      LOG.log(System.Logger.Level.INFO, "opened database {0} ({1}, wal sync {2}, {3} octads{4})", db.where(), stores.name(),
          config.walSync().wireName(), db.stats().octads(), replay.records() > 0 ? ", recovered " + replay.records() + " log records" : "");
      return db;
    } catch (IOException e) {
      closeQuietly(wal, stores, dir);
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot open database " + directory + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(wal, stores, dir);
      throw e;
    }
  }

  /**
   * Restores the backup in {@code backup} into a new database in {@code target} (missing or
   * empty): the store copies, then the backup's log replayed up to {@code point} (its end, an
   * LSN, or the last commit at or before a time). The restored database gets a new id; its
   * storage layout is the backed-up one.
   *
   * @param config settings for opening the restored database; its storage layout is taken from the backup
   */
  public static org.verisimdb.engine.backup.RestoreReport restore(Path backup, Path target, org.verisimdb.engine.backup.RestorePoint point,
      DatabaseConfig config, Progress progress) {
    long started = System.nanoTime();
    var manifest = org.verisimdb.engine.backup.BackupManifest.read(backup);
    long cut = org.verisimdb.engine.backup.Restorer.cut(backup, manifest, point);
    long records = org.verisimdb.engine.backup.Restorer.layOut(backup, manifest, cut, target, progress);
    java.util.Map<String, String> format = new java.util.TreeMap<>(manifest.layout());
    format.put("database.id", org.verisimdb.model.OctadId.random().value());
    DatabaseDirectory.write(target, format);
    try (Database db = open(target, config, progress)) {
      LOG.log(System.Logger.Level.INFO, "restored {0} into {1} at LSN {2}", backup, target, cut);
      return new org.verisimdb.engine.backup.RestoreReport(target.toAbsolutePath(), cut, records, db.stats().octads(),
          java.time.Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** A new, empty database held in memory, with default settings. */
  public static Database openInMemory() {
    return openInMemory(DatabaseConfig.defaults());
  }

  /** A new, empty database held in memory; the configured storage is ignored and nothing is logged. */
  public static Database openInMemory(DatabaseConfig config) {
    return openInMemory(config, Clock.systemUTC());
  }

  static Database openInMemory(DatabaseConfig config, Clock clock) {
    EmbeddedDatabase db = new EmbeddedDatabase(config.withBackend("memory"), null, StorageLayout.inMemory(), null, new CommitClock(clock));
    db.startIndexes(null, Progress.NONE);
    return db;
  }

  // Decoding and routing run beside the stores' own apply threads; beyond four workers the stores serialise anyway.
  private static int replayWorkers() {
    return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  private static void closeQuietly(Wal wal, RoutedBackend stores, DatabaseDirectory dir) {
    try {
      if (wal != null) {
        wal.close();
      }
    } catch (RuntimeException ignored) {
      // the open failed; that failure is the one to report
    }
    try {
      if (stores != null) {
        stores.close();
      }
    } catch (RuntimeException ignored) {
      // as above
    }
    dir.close();
  }
}
