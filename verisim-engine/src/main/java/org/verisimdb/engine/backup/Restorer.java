package org.verisimdb.engine.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.stream.Stream;
import org.verisimdb.engine.Progress;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.wal.BatchCodec;
import org.verisimdb.storage.wal.FileLogStorage;
import org.verisimdb.storage.wal.SyncMode;
import org.verisimdb.storage.wal.Wal;
import org.verisimdb.storage.wal.WalOptions;
import org.verisimdb.storage.wal.WalReader;
import org.verisimdb.storage.wal.WalRecord;

/**
 * Lays a backup out as a database directory: the store copies into {@code data/}, and the
 * backup's log up to the restore point into {@code wal/}. Opening the directory afterwards
 * replays that log into the stores (the caller does that, and writes the FORMAT file).
 * Stateless.
 */
public final class Restorer {
  private static final WalOptions LOG = new WalOptions(SyncMode.NONE, 10, WalOptions.DEFAULT_SEGMENT_BYTES);

  private Restorer() {}

  /** The LSN the restore stops at for {@code point}, checked against what the backup holds. */
  public static long cut(Path backup, BackupManifest manifest, RestorePoint point) {
    long floor = manifest.storesMaxLsn();
    long cut = switch (point) {
      case RestorePoint.Latest l -> manifest.lastLsn();
      case RestorePoint.AtLsn a -> {
        if (a.lsn() > manifest.lastLsn()) {
          throw new VeriSimException(ErrorCode.INVALID_ARGUMENT, "LSN " + a.lsn() + " is after the end of the backup (LSN "
              + manifest.lastLsn() + "); restore to an earlier LSN or take a newer backup");
        }
        yield a.lsn();
      }
      case RestorePoint.AtTime t -> lastAtOrBefore(backup, manifest, t.time());
    };
    if (cut < floor) {
      throw new VeriSimException(ErrorCode.INVALID_ARGUMENT, "this backup cannot go back before LSN " + floor
          + ", where its stores were copied (" + manifest.createdAt() + "); use an older full backup");
    }
    return cut;
  }

  private static long lastAtOrBefore(Path backup, BackupManifest manifest, Instant time) {
    long micros = Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
    long cut = manifest.logFrom() - 1;
    try (Wal log = Wal.open(new FileLogStorage(backup.resolve("wal")), LOG, 1); WalReader reader = log.read(manifest.logFrom())) {
      while (reader.hasNext()) {
        WalRecord record = reader.next();
        if (BatchCodec.commitMicros(record.payload()) > micros) {
          break;
        }
        cut = record.lsn();
      }
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot read the backup log in " + backup + ": " + e.getMessage(), e);
    }
    if (cut < manifest.storesMaxLsn()) {
      throw new VeriSimException(ErrorCode.INVALID_ARGUMENT, "nothing in this backup is as old as " + Timestamps.format(time)
          + ": its stores were copied later (" + manifest.createdAt() + "); use an older full backup");
    }
    return cut;
  }

  /** Copies the stores and the log up to {@code cut} from {@code backup} into the empty {@code target}; returns the records copied. */
  public static long layOut(Path backup, BackupManifest manifest, long cut, Path target, Progress progress) {
    Backups.requireEmpty(target);
    try {
      copyTree(backup.resolve("data"), target.resolve("data"));
      progress.update("copying stores", 1, 1);
      long records = 0;
      try (Wal from = Wal.open(new FileLogStorage(backup.resolve("wal")), LOG, 1);
          Wal to = Wal.open(new FileLogStorage(target.resolve("wal")), LOG, manifest.logFrom());
          WalReader reader = from.read(manifest.logFrom())) {
        while (reader.hasNext()) {
          WalRecord record = reader.next();
          if (record.lsn() > cut) {
            break;
          }
          to.appendCopy(record);
          if (++records % 10_000 == 0) {
            progress.update("copying the log", records, cut - manifest.logFrom() + 1);
          }
        }
        to.sync();
      }
      return records;
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot restore into " + target + ": " + e.getMessage(), e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      throw new VeriSimException(ErrorCode.TRANSFER_INVALID, from + " is missing: the backup is incomplete");
    }
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
