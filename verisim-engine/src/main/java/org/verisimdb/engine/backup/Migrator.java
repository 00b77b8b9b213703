package org.verisimdb.engine.backup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.verisimdb.engine.Progress;
import org.verisimdb.engine.store.Counts;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.RoutedBackend;
import org.verisimdb.storage.WriteBatch;

/**
 * Copies every key of a snapshot into other stores (another backend), then checks the copy:
 * each keyspace's key count and SHA-256 ({@link KeyspaceDigest}) must be equal on both sides,
 * and the stored counts per modality with them. Stateless.
 */
public final class Migrator {
  private static final int BATCH_OPS = 2_000;

  private Migrator() {}

  /** Copies {@code keyspaces} of {@code source} into {@code target}, records {@code source}'s LSN there, and checks the copy. */
  public static MigrationReport copy(ReadView source, Set<Keyspace> keyspaces, RoutedBackend target, java.nio.file.Path targetDir,
      String backend, Progress progress) {
    long started = System.nanoTime();
    List<Keyspace> ordered = new ArrayList<>(keyspaces);
    ordered.sort(Comparator.comparing(Keyspace::name));
    long copied = 0;
    for (Keyspace space : ordered) {
      WriteBatch batch = new WriteBatch();
      try (Cursor cursor = source.scan(space, null, null)) {
        while (cursor.next()) {
          batch.put(space, cursor.key(), cursor.value());
          if (batch.size() == BATCH_OPS) {
            target.apply(batch);
            batch = new WriteBatch();
          }
          if (++copied % 100_000 == 0) {
            progress.update("copying keys", copied, -1);
          }
        }
      }
      if (!batch.isEmpty()) {
        target.apply(batch);
      }
    }
    long lsn = source.appliedLsn();
    target.apply(new WriteBatch(lsn));
    target.sync();
    progress.update("copying keys", copied, copied);
    Map<String, KeyspaceDigest> digests = new TreeMap<>();
    int checked = 0;
    for (Keyspace space : ordered) {
      KeyspaceDigest before = KeyspaceDigest.of(source, space);
      KeyspaceDigest after = KeyspaceDigest.of(target, space);
      if (!before.equals(after)) {
        throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "the copy of keyspace " + space + " in " + targetDir + " differs from"
            + " the source (" + before.keys() + " keys, " + before.sha256() + " vs " + after.keys() + " keys, " + after.sha256()
            + "); delete " + targetDir + " and migrate again");
      }
      digests.put(space.name(), before);
      progress.update("checking the copy", ++checked, ordered.size());
    }
    Counts counts = new OctadStore(target).counts();
    if (!counts.equals(new OctadStore(source).counts())) {
      throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "the octad counts of the copy in " + targetDir + " differ from the source");
    }
    Map<Modality, Long> perModality = new TreeMap<>(counts.perModality());
    return new MigrationReport(targetDir, backend, lsn, counts.octads(), perModality, digests, Duration.ofNanos(System.nanoTime() - started));
  }
}
