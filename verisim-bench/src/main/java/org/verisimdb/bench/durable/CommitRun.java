package org.verisimdb.bench.durable;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.storage.wal.WalFormatV1;

/**
 * One timed run of {@code writers} platform threads, each creating octads in a loop against one
 * fresh database: a warm-up, then a measured window, then the writers stop and the database is
 * closed, reopened and checked to hold exactly the acknowledged octads, every one by id.
 *
 * <p>A commit belongs to the window when it is acknowledged inside it, and only those give
 * latencies; commits before and after still count as acknowledged, and are checked.
 */
final class CommitRun {
  /**
   * What one run measured.
   *
   * @param windowCommits commits acknowledged inside the window
   * @param acknowledged every commit acknowledged, warm-up and tail included: the octads the reopened database must hold
   * @param logBytesPerCommit log bytes per commit, or NaN when a checkpoint deleted segments during the run
   * @param spent what the window cost: device flushes, CPU, context switches
   */
  record Result(int writers, long windowCommits, Duration window, Latencies latency, long acknowledged, double logBytesPerCommit,
      Machine.Counters spent) {
    double perSecond() {
      return windowCommits / (window.toNanos() / 1e9);
    }

    Map<String, Object> json(double rawFsyncsPerSecond) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("writers", writers);
      out.put("commits", windowCommits);
      out.put("seconds", window.toNanos() / 1e9);
      out.put("commits_per_s", perSecond());
      out.putAll(latency.json());
      out.put("ratio_to_raw_fsync", perSecond() / rawFsyncsPerSecond);
      out.putAll(spent.json(windowCommits, window));
      out.put("log_bytes_per_commit", logBytesPerCommit);
      out.put("acknowledged", acknowledged);
      out.put("verified", true); // a run that fails verification throws instead of reporting
      return out;
    }
  }

  private final Path directory;
  private final DatabaseConfig config;
  private final int writers;
  private final List<OctadInput> pool;
  private final Machine machine;
  private final long[] acknowledged;
  private final List<Latencies.Samples> samples = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean stop;

  private CommitRun(Path directory, DatabaseConfig config, int writers, List<OctadInput> pool, Machine machine) {
    this.directory = directory;
    this.config = config;
    this.writers = writers;
    this.pool = pool;
    this.machine = machine;
    this.acknowledged = new long[writers];
    for (int w = 0; w < writers; w++) {
      samples.add(new Latencies.Samples());
    }
  }

  /** Runs {@code writers} writers on a new database in {@code directory} (which must not exist yet) and checks it afterwards. */
  static Result run(Path directory, DatabaseConfig config, int writers, List<OctadInput> pool, Duration warmup, Duration window,
      Machine machine) throws IOException, InterruptedException {
    return new CommitRun(directory, config, writers, pool, machine).run(warmup, window);
  }

  private Result run(Duration warmup, Duration window) throws IOException, InterruptedException {
    Machine.Counters spent;
    double logBytesPerCommit;
    try (Database db = VeriSimDB.open(directory, config)) {
      CountDownLatch go = new CountDownLatch(1);
      long[] times = new long[2]; // measure from, measure until; written before go opens, so the writers see them
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        threads.add(Thread.ofPlatform().name("durable-writer-" + w).start(() -> write(db, writer, go, times)));
      }
      times[0] = System.nanoTime() + warmup.toNanos();
      times[1] = times[0] + window.toNanos();
      go.countDown();
      sleepUntil(times[0]);
      Machine.Counters before = machine.counters();
      sleepUntil(times[1]);
      spent = machine.counters().since(before);
      for (Thread t : threads) {
        t.join();
      }
      if (failure.get() != null) {
        throw new IllegalStateException("a writer failed after " + total() + " acknowledged commits: " + failure.get(), failure.get());
      }
      logBytesPerCommit = logBytesPerCommit();
    }
    long total = total();
    verify(total);
    return new Result(writers, windowCommits(), window, Latencies.of(samples), total, logBytesPerCommit, spent);
  }

  private void write(Database db, int writer, CountDownLatch go, long[] times) {
    try {
      go.await();
      long measureFrom = times[0];
      long measureUntil = times[1];
      Latencies.Samples mine = samples.get(writer);
      long n = 0;
      while (!stop) {
        OctadInput like = pool.get((int) Math.floorMod(writer * 7919L + n, pool.size()));
        OctadInput input = new OctadInput(id(writer, n), like.facets(), like.temporal(), like.provenance());
        long start = System.nanoTime();
        db.create(input);
        long end = System.nanoTime();
        acknowledged[writer] = ++n;
        if (end >= measureUntil) {
          return;
        }
        if (end >= measureFrom) {
          mine.add(end - start);
        }
      }
    } catch (Throwable e) {
      failure.compareAndSet(null, new IllegalStateException(Thread.currentThread().getName() + ": " + e, e));
      stop = true;
    }
  }

  // Ids name the run and the writer, so that a wrong count in a reopened database says whose commit went missing.
  private OctadId id(int writer, long n) {
    return OctadId.of("dc" + writers + "-w" + writer + "-" + n);
  }

  /**
   * Reopens the database and checks it holds every acknowledged octad and nothing more: the count,
   * every acknowledged id, and that the id after each writer's last is absent.
   */
  private void verify(long total) {
    try (Database db = VeriSimDB.open(directory, config)) {
      long octads = db.stats().octads();
      if (octads != total) {
        throw new AssertionError(writers + " writers: the reopened database holds " + octads + " octads, but " + total
            + " commits were acknowledged; durable commits were lost or invented");
      }
      for (int w = 0; w < writers; w++) {
        for (long n = 0; n < acknowledged[w]; n++) {
          if (!db.exists(id(w, n))) {
            throw new AssertionError(writers + " writers: acknowledged octad " + id(w, n) + " is missing after reopening");
          }
        }
        if (db.exists(id(w, acknowledged[w]))) {
          throw new AssertionError(writers + " writers: octad " + id(w, acknowledged[w]) + " was never acknowledged but exists");
        }
      }
    }
  }

  // Only while segment 1 is still there does the log hold every commit of the run.
  private double logBytesPerCommit() throws IOException {
    List<Path> segments = WorkDir.segments(directory);
    if (segments.isEmpty() || WalFormatV1.segmentNumber(segments.getFirst().getFileName().toString()) != 1) {
      return Double.NaN;
    }
    return (double) WorkDir.logBytes(directory) / total();
  }

  private long total() {
    long sum = 0;
    for (long n : acknowledged) {
      sum += n;
    }
    return sum;
  }

  private long windowCommits() {
    long sum = 0;
    for (Latencies.Samples s : samples) {
      sum += s.size();
    }
    return sum;
  }

  private void sleepUntil(long nanoTime) throws InterruptedException {
    long wait;
    while ((wait = nanoTime - System.nanoTime()) > 0 && failure.get() == null) {
      TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(100)));
    }
  }
}
