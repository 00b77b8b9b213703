package org.verisimdb.bench.durable;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.Progress;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.Octad;
import org.verisimdb.model.value.Value;
import org.verisimdb.testkit.sample.SampleGenerator;

/**
 * How fast a crashed database recovers: the wall time of {@link VeriSimDB#open} on a database
 * whose log holds {@code --records} committed transactions that the stores do not have.
 *
 * <p>The crash is real ({@link ReplayImage}): a child process creates sample octads and then
 * updates them ({@code DOCUMENT.counter = j}, see {@link ReplayPlan}) through the engine with
 * {@code wal.sync=none} and checkpoints off, and is killed with SIGKILL once all are committed.
 * With the default {@code --backend memory} the stores persist nothing before a checkpoint, so
 * the whole log is replayed. With rocksdb, lmdb or sqlite the backend persists some or all of
 * the writes by itself (RocksDB flushes full memtables; LMDB and SQLite write through to files
 * the OS keeps), and only the rest is replayed: the table says how many records that was.
 *
 * <p>The open is timed in this JVM, cold, as after a restart; the log is read from the page
 * cache, as after a process crash (after a power failure it would come from the disk). The time
 * is split by what the engine logs on the way ({@link RecoveryLog}). Then the reopened database
 * must hold every octad, and sampled octads (always including those the last updates touched)
 * must have the expected version, counter and a valid provenance chain; a fast but wrong
 * replay fails the run. Prints a table, then one JSON line. Not thread-safe; a main.
 */
public final class Replay {
  static final List<String> BACKENDS = List.of("memory", "rocksdb", "lmdb", "sqlite");

  private Replay() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args("""
        Replay: how fast a crashed database's log is replayed when it reopens (VeriSimDB.open after SIGKILL).
        A child process commits the given number of transactions (creates of sample octads, then small updates) with
        wal.sync=none and no checkpoints, and is killed; this process then opens the database, times the recovery, and
        checks the recovered octads. Prints a table and one JSON line.

        usage: Replay [options]""")
        .option("records", "1000000", "transactions in the log: creates of --octads octads, then updates")
        .option("octads", "10000", "octads created first (sample octads, all six user modalities)")
        .option("backend", "memory", "storage backend: memory (replays everything), rocksdb, lmdb or sqlite")
        .option("writers", "1", "writer threads in the child; commits are planned one at a time, so more rarely help")
        .option("verify", "500", "octads to check after recovery, besides those the last updates touched")
        .option("seed", "20260301", "seed of the sample octads and of the octads checked")
        .option("dir", System.getProperty("java.io.tmpdir"), "directory to work in (a subdirectory is created and deleted)");
    Args.run(argv, args, Replay::run);
  }

  private static void run(Args args) throws Exception {
    long records = args.integer("records", 1, 100_000_000);
    int octads = (int) args.integer("octads", 1, SampleGenerator.MAX_SIZE);
    String backend = args.oneOf("backend", BACKENDS);
    int writers = (int) args.integer("writers", 1, 64);
    int verify = (int) args.integer("verify", 0, SampleGenerator.MAX_SIZE);
    long seed = args.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
    Path parent = args.directory("dir");
    ReplayPlan plan = new ReplayPlan(records, octads, writers, seed);
    try (WorkDir work = WorkDir.create(parent, "verisim-replay-")) {
      Machine machine = Machine.of(work.root());
      Path image = work.root().resolve("db");
      System.err.printf("writing %,d transactions (%,d creates, %,d updates) to a %s database in a child process, then SIGKILL%n",
          plan.records(), plan.creates(), plan.updates(), backend);
      ReplayImage.Made made = ReplayImage.make(image, work.root().resolve("writer-tmp"), backend, plan);
      if (made.committed() != plan.records()) {
        throw new AssertionError("the writer reported " + made.committed() + " commits, not " + plan.records());
      }
      int segments = WorkDir.segments(image).size();
      long logBytes = WorkDir.logBytes(image);
      System.err.printf("recovering: %,d log bytes in %d segments%n", logBytes, segments);
      Recovery recovery = recover(image, backend, plan, verify);
      ReplayReport report = new ReplayReport(machine, backend, plan, made, segments, logBytes, recovery);
      System.out.print(report.table());
      System.out.println(JsonLine.of(report.json()));
    }
  }

  /**
   * The open, timed and taken apart, and what verification checked.
   *
   * @param progressDone the last {@code done} the open reported to its Progress (records read from the log)
   * @param progressTotal the last {@code total} (records in the LSN range replayed), -1 when never called
   * @param replayed the replayer's own summary, or null when not captured
   * @param phases wall time of each phase of the open, in order; a null value is unknown
   */
  record Recovery(Duration open, long progressDone, long progressTotal, RecoveryLog.Replayed replayed, Map<String, Duration> phases,
      long octads, int checked) {}

  private static Recovery recover(Path image, String backend, ReplayPlan plan, int sample) {
    long[] progress = {0, -1};
    Progress recorder = (stage, done, total) -> {
      progress[0] = done;
      progress[1] = total;
    };
    try (RecoveryLog log = new RecoveryLog()) {
      Instant start = Instant.now();
      long started = System.nanoTime();
      Database db = VeriSimDB.open(image, ReplayPlan.config(backend), recorder);
      Duration open = Duration.ofNanos(System.nanoTime() - started);
      Instant end = start.plus(open);
      try (db) {
        Map<String, Duration> phases = phases(log, start, end);
        long octads = db.stats().octads();
        int checked = verify(db, plan, sample);
        checkReplayCount(backend, plan, progress[0], progress[1]);
        return new Recovery(open, progress[0], progress[1], log.replayed(), phases, octads, checked);
      }
    }
  }

  // The engine's messages at the boundaries, in the order an open logs them. The checkpoint after
  // a replay runs in the background once the open has returned, so it is not part of the open.
  private static Map<String, Duration> phases(RecoveryLog log, Instant start, Instant end) {
    Instant walOpened = log.first("opened the write-ahead log");
    Instant replayStart = log.first("replaying the log from");
    Instant replayEnd = log.first("replayed ");
    Map<String, Duration> phases = new LinkedHashMap<>();
    phases.put("open stores, scan and check the log", RecoveryLog.between(start, walOpened));
    phases.put("replay into the stores", RecoveryLog.between(replayStart, replayEnd));
    phases.put("the rest", RecoveryLog.between(replayEnd != null ? replayEnd : walOpened, end));
    return phases;
  }

  // Without a checkpoint the memory backend has nothing, so every logged transaction must be replayed.
  private static void checkReplayCount(String backend, ReplayPlan plan, long done, long total) {
    if (done != Math.max(total, 0)) {
      throw new AssertionError("recovery read " + done + " log records of the " + total + " it had to replay");
    }
    if (backend.equals("memory") && done != plan.records()) {
      throw new AssertionError("recovery replayed " + done + " records, but the log holds " + plan.records()
          + " transactions the memory backend cannot have");
    }
    if (done > plan.records()) {
      throw new AssertionError("recovery replayed " + done + " records, more than the " + plan.records() + " transactions committed");
    }
  }

  /**
   * Checks the count of octads, then octads 0 and last, those the last 100 updates touched and
   * {@code sample} more at random: each at version 1 + its updates, with the last counter it
   * was given, and a provenance chain that verifies. Returns how many octads it checked.
   */
  static int verify(Database db, ReplayPlan plan, int sample) {
    int creates = plan.creates();
    long octads = db.stats().octads();
    check(octads == creates, "the recovered database holds " + octads + " octads, but " + creates + " were created");
    TreeSet<Integer> picks = new TreeSet<>(List.of(0, creates - 1));
    for (long j = Math.max(0, plan.updates() - 100); j < plan.updates(); j++) {
      picks.add((int) (j % creates));
    }
    Random random = new Random(plan.seed());
    int wanted = Math.min(creates, picks.size() + sample);
    while (picks.size() < wanted) {
      picks.add(random.nextInt(creates));
    }
    SampleGenerator generator = plan.generator();
    for (int i : picks) {
      String id = plan.id(generator, i).value();
      Octad octad = db.get(id).orElseThrow(() -> new AssertionError("octad " + id + " is missing after recovery"));
      long version = 1 + plan.updatesOf(i);
      check(octad.version() == version, "octad " + id + " is at version " + octad.version() + " after recovery, not " + version);
      Value counter = octad.document().orElseThrow(() -> new AssertionError("octad " + id + " lost its document")).field(ReplayPlan.COUNTER);
      long want = plan.finalCounter(i);
      Value expected = want < 0 ? null : new Value.Int(want);
      check(Objects.equals(counter, expected), "octad " + id + " has counter " + counter + " after recovery, not " + expected);
      check(octad.provenance().orElseThrow().verify().valid(), "octad " + id + ": its provenance chain does not verify after recovery");
    }
    return picks.size();
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
