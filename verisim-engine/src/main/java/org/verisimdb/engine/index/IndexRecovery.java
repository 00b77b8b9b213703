package org.verisimdb.engine.index;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.engine.Progress;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.WriteBatch;
import org.verisimdb.storage.wal.BatchCodec;
import org.verisimdb.storage.wal.Wal;
import org.verisimdb.storage.wal.WalFormatV1;
import org.verisimdb.storage.wal.WalReader;
import org.verisimdb.storage.wal.WalRecord;

/**
 * Brings an index up to the stores on open, or rebuilds it. An index that opened at LSN I
 * below the stores' LSN S is caught up from the log: the octads written by the records after I
 * (the {@code octad} keyspace keys of each batch) are re-read at S and replaced in the index.
 * When the log no longer reaches back to I, or the index was missing, damaged or built with other
 * settings, it is rebuilt from every live octad.
 */
public final class IndexRecovery {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.engine.index");
  /** Beyond this many octads to re-read, a rebuild is as quick as a catch-up. */
  static final int MAX_CATCH_UP_IDS = 1_000_000;
  static final int PAGE = 1000;

  private IndexRecovery() {}

  /** What {@link #recover} did. */
  public enum Outcome { UP_TO_DATE, CAUGHT_UP, REBUILT }

  /**
   * Makes {@code index} hold the state of {@code store} at {@code lsn}, the stores' LSN after
   * recovery; {@code wal} is null for an in-memory database.
   */
  public static Outcome recover(OctadIndex index, OctadStore store, long lsn, Wal wal, Progress progress) {
    long from = index.appliedLsn();
    if (from == lsn) {
      return Outcome.UP_TO_DATE;
    }
    String why;
    if (from < 0) {
      why = "it is new or was reset";
    } else if (from > lsn) {
      why = "it is ahead of the stores (LSN " + from + " > " + lsn + ")";
    } else if (wal == null || wal.firstLsn() > from + 1) {
      why = "the log no longer holds the commits after its LSN " + from;
    } else {
      Set<OctadId> ids = written(wal, from + 1, lsn);
      if (ids != null) {
        long started = System.nanoTime();
        OctadStore at = store.at(lsn);
        List<OctadId> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += PAGE) {
          List<OctadId> page = all.subList(i, Math.min(all.size(), i + PAGE));
          index.catchUp(IndexMaintainer.read(at, page));
          progress.update("catching up the index", Math.min(all.size(), i + PAGE), all.size());
        }
        index.apply(lsn, List.of());
        LOG.log(System.Logger.Level.INFO, "index caught up from LSN {0} to {1}: {2} octads re-indexed in {3} ms", from, lsn, all.size(),
            (System.nanoTime() - started) / 1_000_000);
        return Outcome.CAUGHT_UP;
      }
      why = "more than " + MAX_CATCH_UP_IDS + " octads changed since its LSN " + from;
    }
    LOG.log(System.Logger.Level.INFO, "rebuilding the index: {0}", why);
    rebuild(index, store, lsn, progress);
    return Outcome.REBUILT;
  }

  /** Replaces the index with every live octad of {@code store} as of {@code lsn}. */
  public static long rebuild(OctadIndex index, OctadStore store, long lsn, Progress progress) {
    long started = System.nanoTime();
    OctadStore at = store.at(lsn);
    long total = at.counts().octads();
    long[] done = {0};
    Iterator<Map.Entry<OctadId, OctadHeader>> live = at.live(null);
    Iterator<Octad> octads = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return live.hasNext();
      }

      @Override
      public Octad next() {
        Map.Entry<OctadId, OctadHeader> e = live.next();
        return at.read(e.getKey(), e.getValue(), null, 0);
      }
    };
    index.rebuild(lsn, octads, n -> {
      done[0] = n;
      progress.update("rebuilding the index", n, total);
    });
    LOG.log(System.Logger.Level.INFO, "index rebuilt at LSN {0}: {1} octads in {2} ms", lsn, done[0], (System.nanoTime() - started) / 1_000_000);
    return done[0];
  }

  /** Ids of the octads the batch records in [from, to] wrote, or null when there are too many. */
  private static Set<OctadId> written(Wal wal, long from, long to) {
    Set<OctadId> ids = new LinkedHashSet<>();
    try (WalReader reader = wal.read(from)) {
      while (reader.hasNext()) {
        WalRecord record = reader.next();
        if (record.lsn() > to) {
          break;
        }
        if (record.type() != WalFormatV1.TYPE_BATCH) {
          continue;
        }
        WriteBatch batch;
        try {
          batch = BatchCodec.decode(record.lsn(), record.payload()).batch();
        } catch (IllegalArgumentException e) {
          throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "log record " + record.lsn() + " cannot be decoded: " + e.getMessage());
        }
        for (WriteBatch.Op op : batch.ops()) {
          if (op.space().equals(OctadStore.OCTADS)) {
            ids.add(OctadId.of(new String(op.key(), StandardCharsets.UTF_8)));
          }
        }
        if (ids.size() > MAX_CATCH_UP_IDS) {
          return null;
        }
      }
    }
    return ids;
  }
}
