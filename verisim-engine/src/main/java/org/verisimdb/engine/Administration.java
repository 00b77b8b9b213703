package org.verisimdb.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.verisimdb.engine.backup.BackupManifest;
import org.verisimdb.engine.backup.BackupReport;
import org.verisimdb.engine.backup.Backups;
import org.verisimdb.engine.backup.MigrationReport;
import org.verisimdb.engine.backup.Migrator;
import org.verisimdb.engine.transfer.Exporter;
import org.verisimdb.engine.transfer.Importer;
import org.verisimdb.engine.verify.VerifyReport;
import org.verisimdb.engine.verify.Verifier;
import org.verisimdb.engine.index.IndexCheck;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.RoutedBackend;
import org.verisimdb.storage.wal.FileLogStorage;
import org.verisimdb.storage.wal.Wal;
import org.verisimdb.storage.wal.WalOptions;

/**
 * Whole-database work on an open {@link EmbeddedDatabase}: export, import, backup, migration and
 * verification, each reading from a snapshot while writes go on. Owns no state; one per call.
 */
final class Administration {
  /** In the database directory: the last LSN an incremental backup holds, so checkpoints keep the log after it. */
  static final String BACKUP_STATE = "BACKUP_STATE";
  private static final int IMPORT_BATCH = 1_000;

  private final EmbeddedDatabase db;

  Administration(EmbeddedDatabase db) {
    this.db = db;
  }

  Exporter.Report export(OutputStream out, Progress progress) {
    long total = db.stats().octads();
    try (ReadView snapshot = db.snapshot()) {
      return Exporter.export(snapshot, out, total, progress);
    }
  }

  Importer.Report importFrom(Path file, Progress progress) {
    var manifest = Importer.check(file, db::exists, progress);
    long[] committed = {0};
    Importer.Report report = Importer.load(file, IMPORT_BATCH, batch -> {
      db.importBatch(batch);
      // Durable before it is reported, whatever the sync mode: the count printed is a promise.
      if (db.wal() != null) {
        db.wal().sync();
      }
      committed[0] += batch.size();
      progress.update("imported", committed[0], manifest.octads());
    });
    return report;
  }

  BackupReport backup(Path target, boolean incremental, Progress progress) {
    DatabaseDirectory dir = db.databaseDirectory();
    String id = dir == null ? "in-memory" : dir.databaseId();
    BackupReport report;
    // No checkpoint may delete log records this backup still has to copy.
    synchronized (db.checkpointLock()) {
      report = incremental ? Backups.incremental(db.wal(), db::appliedLsn, id, target, progress)
          : Backups.full(db.stores(), db.wal(), db::appliedLsn, id, DatabaseDirectory.layout(db.config()), target, progress);
    }
    if (dir != null && db.wal() != null) {
      writeBackupState(dir.root(), report.lastLsn());
      db.retainLogFrom(report.lastLsn() + 1);
    }
    return report;
  }

  MigrationReport migrate(Path target, String backend, Progress progress) {
    DatabaseConfig targetConfig = db.config().withBackend(backend).withoutModalityBackends();
    StorageLayout.checkAvailable(targetConfig, org.verisimdb.storage.Backends::provider);
    Backups.requireEmpty(target);
    try (ReadView snapshot = db.snapshot();
        DatabaseDirectory dir = DatabaseDirectory.open(target.toAbsolutePath().normalize(), targetConfig)) {
      RoutedBackend stores = StorageLayout.open(targetConfig, dir, org.verisimdb.storage.Backends::provider);
      try {
        MigrationReport report = Migrator.copy(snapshot, db.stores().keyspaces(), stores, dir.root(), backend, progress);
        Wal.open(new FileLogStorage(dir.wal()), new WalOptions(targetConfig.walSync(), targetConfig.walAsyncIntervalMillis(),
            targetConfig.walSegmentBytes()), report.lsn() + 1).close();
        return report;
      } finally {
        stores.close();
      }
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot migrate into " + target + ": " + e.getMessage(), e);
    }
  }

  VerifyReport verify(Progress progress) {
    VerifyReport stored;
    // No checkpoint may delete log segments while the log is being read: that would look like a missing log.
    synchronized (db.checkpointLock()) {
      try (ReadView snapshot = db.snapshot()) {
        stored = Verifier.verify(snapshot, db.wal(), progress);
      }
    }
    IndexCheck.Result index;
    try (IndexView view = db.indexes().view(db.visibleLsn())) {
      index = IndexCheck.check(view, db.readStore(), 100, progress);
    } catch (VeriSimException e) {
      index = new IndexCheck.Result(0, 1, List.of("index: " + e.getMessage()));
    }
    List<String> problems = new java.util.ArrayList<>(stored.problems());
    problems.addAll(index.problems());
    return new VerifyReport(stored.octads(), stored.deleted(), stored.versions(), stored.provenanceRecords(), stored.logRecords(),
        stored.problemCount() + index.problemCount(), problems, stored.elapsed());
  }

  static void writeBackupState(Path root, long lastLsn) {
    try {
      Path temp = root.resolve(BACKUP_STATE + ".tmp");
      Files.writeString(temp, "# the log is kept from this LSN on for the next incremental backup\nlast_lsn=" + lastLsn + "\n");
      Files.move(temp, root.resolve(BACKUP_STATE), java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot record the backup in " + root + ": " + e.getMessage(), e);
    }
  }

  /** The last LSN recorded by {@link #writeBackupState}, or -1. */
  static long readBackupState(Path root) {
    Path file = root.resolve(BACKUP_STATE);
    if (!Files.exists(file)) {
      return -1;
    }
    Properties p = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      p.load(reader);
      return Long.parseLong(p.getProperty("last_lsn", "-1").strip());
    } catch (IOException | NumberFormatException e) {
      throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, file + " is unreadable (" + e.getMessage() + "); delete it: the next"
          + " backup must then be a full one");
    }
  }

  /** The FORMAT entries of a backup, for restoring it. */
  static Map<String, String> layoutOf(BackupManifest manifest) {
    return new TreeMap<>(manifest.layout());
  }
}
