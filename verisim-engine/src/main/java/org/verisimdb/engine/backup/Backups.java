package org.verisimdb.engine.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.verisimdb.engine.Progress;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.RoutedBackend;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.wal.FileLogStorage;
import org.verisimdb.storage.wal.SyncMode;
import org.verisimdb.storage.wal.Wal;
import org.verisimdb.storage.wal.WalOptions;
import org.verisimdb.storage.wal.WalReader;
import org.verisimdb.storage.wal.WalRecord;

/**
 * Takes backups while writes go on. A full backup copies each store (each copy consistent at
 * its own LSN), then the log records from after the oldest copy up to what is applied now: a
 * restore replays each store from its own LSN, so the result is one consistent state. An
 * incremental backup appends the log records since the backup's last LSN. The caller keeps
 * checkpoints from deleting log records meanwhile. Stateless.
 */
public final class Backups {
  private static final WalOptions BACKUP_LOG = new WalOptions(SyncMode.NONE, 10, WalOptions.DEFAULT_SEGMENT_BYTES);

  private Backups() {}

  /**
   * @param log the database's log, or null for an in-memory database (the backup then holds the
   *     stores alone)
   * @param applied the LSN applied to the stores now
   */
  public static BackupReport full(RoutedBackend stores, Wal log, LongSupplier applied, String databaseId, Map<String, String> layout,
      Path target, Progress progress) {
    long started = System.nanoTime();
    requireEmpty(target);
    Map<String, Long> copies = new TreeMap<>();
    int done = 0;
    for (StorageBackend backend : stores.backends()) {
      progress.update("copying stores", done, stores.backends().size());
      copies.put(backend.name(), backend.copyTo(target.resolve("data").resolve(backend.name())));
      done++;
    }
    progress.update("copying stores", done, stores.backends().size());
    long from = copies.values().stream().mapToLong(Long::longValue).min().orElse(0) + 1;
    long end = Math.max(from - 1, applied.getAsLong());
    long[] copied = copyLog(log, from, end, target, true, progress);
    new BackupManifest(databaseId, layout, copies, from, end, Instant.now(), java.util.List.of()).write(target);
    return new BackupReport(target, false, from, end, copied[0], copied[1], Duration.ofNanos(System.nanoTime() - started));
  }

  /** Adds the log records since {@code target}'s last LSN; the database must be the one backed up there. */
  public static BackupReport incremental(Wal log, LongSupplier applied, String databaseId, Path target, Progress progress) {
    long started = System.nanoTime();
    BackupManifest manifest = BackupManifest.read(target);
    if (!manifest.databaseId().equals(databaseId)) {
      throw new VeriSimException(ErrorCode.TRANSFER_INVALID, target + " holds a backup of database " + manifest.databaseId()
          + ", not of this one (" + databaseId + "); take a full backup into an empty directory");
    }
    if (log == null) {
      throw new VeriSimException(ErrorCode.INVALID_ARGUMENT, "an in-memory database has no log to back up incrementally; take full backups");
    }
    long from = manifest.lastLsn() + 1;
    if (log.firstLsn() > from && log.lastLsn() >= from) {
      throw new VeriSimException(ErrorCode.TRANSFER_INVALID, "the log records since LSN " + from + " were already deleted by a"
          + " checkpoint (the log starts at " + log.firstLsn() + "); take a full backup into an empty directory");
    }
    long end = Math.max(manifest.lastLsn(), applied.getAsLong());
    long[] copied = copyLog(log, from, end, target, false, progress);
    manifest.withIncrement(new BackupManifest.Increment(from, end, Instant.now())).write(target);
    return new BackupReport(target, true, manifest.logFrom(), end, copied[0], copied[1], Duration.ofNanos(System.nanoTime() - started));
  }

  /** Copies records {@code from..end} into {@code target/wal}; returns {records, bytes}. */
  private static long[] copyLog(Wal log, long from, long end, Path target, boolean fresh, Progress progress) {
    try (Wal copy = Wal.open(new FileLogStorage(target.resolve("wal")), BACKUP_LOG, fresh ? from : 1)) {
      if (copy.lastLsn() != from - 1) {
        throw new VeriSimException(ErrorCode.TRANSFER_INVALID, "the log in " + target.resolve("wal") + " ends at LSN " + copy.lastLsn()
            + " but its manifest says " + (from - 1) + "; the backup was changed outside VeriSimDB, take a full backup");
      }
      long records = 0;
      long bytes = 0;
      if (log != null && end >= from) {
        try (WalReader reader = log.read(from)) {
          while (reader.hasNext()) {
            WalRecord record = reader.next();
            if (record.lsn() > end) {
              break;
            }
            copy.appendCopy(record);
            records++;
            bytes += record.size();
            if (records % 10_000 == 0) {
              progress.update("copying the log", records, end - from + 1);
            }
          }
        }
        progress.update("copying the log", records, end - from + 1);
      }
      copy.sync();
      return new long[] {records, bytes};
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot write the backup log in " + target + ": " + e.getMessage(), e);
    }
  }

  /** Fails unless {@code target} is missing or an empty directory. */
  public static void requireEmpty(Path target) {
    try {
      if (Files.exists(target)) {
        try (Stream<Path> entries = Files.list(target)) {
          if (entries.findAny().isPresent()) {
            throw new VeriSimException(ErrorCode.INVALID_ARGUMENT, target + " is not empty; give a new or empty directory");
          }
        }
      }
      Files.createDirectories(target);
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot prepare " + target + ": " + e.getMessage(), e);
    }
  }
}
