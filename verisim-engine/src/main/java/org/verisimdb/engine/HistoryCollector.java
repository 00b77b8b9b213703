package org.verisimdb.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.verisimdb.engine.commit.CommitPipeline;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.model.OctadId;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.WriteBatch;

/**
 * Removes the stored content of versions that the retention policy no longer keeps and that no
 * reader can see: for each octad, every version older than both the oldest version the policy
 * keeps and the version a reader at the {@linkplain org.verisimdb.engine.txn.Snapshots#horizon()
 * horizon} sees. Version records and provenance chains stay. The removals are logged and applied
 * like any commit, a bounded batch at a time, while writes go on: they touch only entries at or
 * before the horizon, which no writer changes. Runs on the maintenance thread; not reentrant.
 */
final class HistoryCollector {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.engine");
  private static final int PAGE = 500;
  private static final int BATCH_OPS = 10_000;

  /** What one collection did. */
  record Report(long octads, long removed, long horizon, Duration took) {}

  private final ReadView stores;
  private final Committer committer;
  private final CommitPipeline pipeline;
  private final TransactionSettings.Retention retention;
  private final CommitClock clock;

  HistoryCollector(ReadView stores, Committer committer, CommitPipeline pipeline, TransactionSettings.Retention retention, CommitClock clock) {
    this.stores = stores;
    this.committer = committer;
    this.pipeline = pipeline;
    this.retention = retention;
    this.clock = clock;
  }

  synchronized Report collect() {
    long started = System.nanoTime();
    long horizon = committer.snapshots().horizon();
    Instant ageCutoff = retention.age() == null ? null : Instant.now().minus(retention.age());
    OctadStore store = new OctadStore(stores);
    long octads = 0;
    long removed = 0;
    WriteBatch batch = new WriteBatch();
    OctadId after = null;
    while (true) {
      List<Map.Entry<OctadId, OctadHeader>> page = store.headersAfter(after, PAGE, true);
      for (Map.Entry<OctadId, OctadHeader> e : page) {
        octads++;
        long oldestKept = oldestKept(store.headerVersions(e.getKey()), horizon, ageCutoff);
        if (oldestKept > 1) {
          removed += store.stagePrune(e.getKey(), oldestKept, batch);
        }
        if (batch.size() >= BATCH_OPS) {
          commit(batch);
          batch = new WriteBatch();
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      after = page.getLast().getKey();
    }
    if (!batch.isEmpty()) {
      commit(batch);
    }
    Report report = new Report(octads, removed, horizon, Duration.ofNanos(System.nanoTime() - started));
    if (removed > 0) {
      LOG.log(System.Logger.Level.INFO, "removed {0} stored entries of old versions of {1} octads (retention {2}, horizon LSN {3}) in {4} ms",
          removed, octads, retention.describe(), horizon, report.took().toMillis());
    }
    return report;
  }

  // The oldest version whose content must stay; 1 keeps everything. Versions are newest first.
  private long oldestKept(List<OctadStore.VersionStamp> versions, long horizon, Instant ageCutoff) {
    if (retention.keepsAll() || versions.isEmpty()) {
      return 1;
    }
    long seenAtHorizon = 0; // the version a reader at the horizon sees: it must stay
    for (OctadStore.VersionStamp v : versions) {
      if (v.commitLsn() <= horizon) {
        seenAtHorizon = v.version();
        break;
      }
    }
    long newest = versions.getFirst().version();
    long byPolicy;
    if (retention.versions() > 0) {
      byPolicy = newest - retention.versions() + 1;
    } else {
      byPolicy = newest; // keep each version superseded after the cutoff: walk down while the successor is recent
      for (int i = 1; i < versions.size(); i++) {
        if (versions.get(i - 1).committedAt().isBefore(ageCutoff)) {
          break;
        }
        byPolicy = versions.get(i).version();
      }
    }
    return Math.max(1, Math.min(byPolicy, seenAtHorizon == 0 ? 1 : seenAtHorizon));
  }

  private void commit(WriteBatch batch) {
    pipeline.commit(lsn -> new CommitPipeline.Planned<>(batch, clock.next(), null, () -> {}));
  }
}
