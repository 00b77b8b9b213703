package org.verisimdb.bench.durable;

import java.util.Map;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.storage.wal.SyncMode;
import org.verisimdb.testkit.sample.SampleGenerator;

/**
 * The transactions the replay benchmark logs, and the state they leave: first
 * {@code min(records, octads)} creates of sample octads 0, 1, 2, …, then updates numbered
 * j = 0, 1, 2, … until {@code records} transactions in all, update j setting
 * {@code DOCUMENT.counter = j} on octad {@code j mod creates}. Octad i belongs to writer
 * {@code i mod writers}, which makes all of its commits in order, so the final state is known
 * without looking: octad i is at version 1 + {@link #updatesOf}(i) with counter
 * {@link #finalCounter}(i). Immutable.
 */
record ReplayPlan(long records, int octads, int writers, long seed) {
  static final String COUNTER = "counter";

  ReplayPlan {
    if (records < 1 || octads < 1 || octads > SampleGenerator.MAX_SIZE || writers < 1) {
      throw new IllegalArgumentException("bad replay plan: " + records + " records, " + octads + " octads, " + writers + " writers");
    }
  }

  /**
   * What the writer and the reopened database use: the backend, no fsync (the log's own
   * durability is not under test) and no checkpoints, so the stores get nothing durable from the
   * engine while the log grows (what a backend persists by itself is its own affair).
   */
  static DatabaseConfig config(String backend) {
    // checkpoint.wal_mb at its largest (16 TiB) is "never" for any log this benchmark writes.
    return DatabaseConfig.defaults().withBackend(backend).withWalSync(SyncMode.NONE)
        .with(Map.of("checkpoint.interval_s", "0", "checkpoint.wal_mb", Integer.toString(1 << 24)), "replay benchmark");
  }

  int creates() {
    return (int) Math.min(records, octads);
  }

  long updates() {
    return records - creates();
  }

  SampleGenerator generator() {
    return new SampleGenerator(seed, octads);
  }

  OctadId id(SampleGenerator generator, int octad) {
    return generator.idOf(octad);
  }

  OctadInput create(SampleGenerator generator, int octad) {
    return generator.octad(octad);
  }

  static OctadPatch update(long j) {
    return OctadPatch.builder().set(Modality.DOCUMENT, COUNTER, j).build();
  }

  int writerOf(int octad) {
    return octad % writers;
  }

  /** How many updates octad {@code i} receives. */
  long updatesOf(int i) {
    long u = updates();
    return u <= i ? 0 : (u - 1 - i) / creates() + 1;
  }

  /** The counter octad {@code i} ends with, or -1 when no update reaches it. */
  long finalCounter(int i) {
    long n = updatesOf(i);
    return n == 0 ? -1 : i + (n - 1) * creates();
  }
}
