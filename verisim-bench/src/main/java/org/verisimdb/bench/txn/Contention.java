package org.verisimdb.bench.txn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.verisimdb.bench.durable.Args;
import org.verisimdb.bench.durable.JsonLine;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.Isolation;
import org.verisimdb.engine.Transaction;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;

/**
 * Commit throughput and abort rate of read-modify-write transactions under contention, at each
 * isolation level, for two key distributions: {@code uniform} (every account equally likely) and
 * {@code hot} (90% of picks among the 10 hottest accounts). Each transaction moves an amount
 * between two accounts: reads both, writes both, commits; READ COMMITTED takes both locks first
 * (in id order), as it needs to keep the total. A retryable failure counts as an abort and the
 * thread goes on with a new transaction (no retry of the same one). After each run the total of
 * all balances is checked.
 *
 * <pre>
 * java … -cp verisim-bench/target/benchmarks.jar org.verisimdb.bench.txn.Contention [--seconds 5] [--threads 8] …
 * </pre>
 * Prints a table, then one JSON line. Not thread-safe; a main.
 */
public final class Contention {
  private static final long START_BALANCE = 1_000_000;
  private static final int HOT = 10;

  private Contention() {}

  /** One measured cell. */
  record Result(Isolation level, String workload, long commits, long aborts, double seconds) {
    double commitsPerSecond() {
      return commits / seconds;
    }

    double abortRate() {
      return commits + aborts == 0 ? 0 : (double) aborts / (commits + aborts);
    }
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args("""
        Contention: commits per second and abort rate of two-account transfers at each isolation level, under a uniform
        and a hot-key workload, on an in-memory database (or the given backend, with wal.sync=none) after a warm-up.

        usage: Contention [options]""")
        .option("seconds", "5", "measured seconds per cell")
        .option("warmup", "1", "seconds of warm-up per cell, not counted")
        .option("threads", "8", "client threads")
        .option("accounts", "1000", "accounts (octads)")
        .option("backend", "memory", "storage backend: memory, rocksdb, lmdb or sqlite");
    Args.run(argv, args, Contention::run);
  }

  private static void run(Args args) throws Exception {
    Duration window = Duration.ofSeconds(args.integer("seconds", 1, 3600));
    Duration warmup = Duration.ofSeconds(args.integer("warmup", 0, 600));
    int threads = (int) args.integer("threads", 1, 1024);
    int accounts = (int) args.integer("accounts", HOT * 2, 10_000_000);
    String backend = args.oneOf("backend", List.of("memory", "rocksdb", "lmdb", "sqlite"));
    List<Result> results = new ArrayList<>();
    for (String workload : List.of("uniform", "hot")) {
      for (Isolation level : Isolation.values()) {
        System.err.printf("%s, %s: %d threads, %d accounts, %d s%n", workload, level.wireName(), threads, accounts, window.toSeconds());
        results.add(cell(backend, level, workload, threads, accounts, warmup, window));
      }
    }
    System.out.println("threads " + threads + ", accounts " + accounts + ", backend " + backend + " (wal.sync=none)");
    System.out.printf(Locale.ROOT, "%-8s %-15s %12s %10s%n", "workload", "isolation", "commits/s", "aborts");
    List<Map<String, Object>> json = new ArrayList<>();
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "%-8s %-15s %,12.0f %9.1f%%%n", r.workload(), r.level().wireName(), r.commitsPerSecond(),
          100 * r.abortRate());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("workload", r.workload());
      row.put("isolation", r.level().wireName());
      row.put("commits_per_s", r.commitsPerSecond());
      row.put("abort_rate", r.abortRate());
      json.add(row);
    }
    System.out.println(JsonLine.of(Map.of("benchmark", "contention", "threads", threads, "accounts", accounts, "backend", backend,
        "results", json)));
  }

  private static Result cell(String backend, Isolation level, String workload, int threads, int accounts, Duration warmup, Duration window)
      throws Exception {
    Path dir = backend.equals("memory") ? null : java.nio.file.Files.createTempDirectory("verisim-contention-");
    DatabaseConfig config = DatabaseConfig.defaults().withBackend(backend).withWalSync(org.verisimdb.storage.wal.SyncMode.NONE);
    try (Database db = dir == null ? VeriSimDB.openInMemory(config) : VeriSimDB.open(dir, config)) {
      for (int from = 0; from < accounts; from += 1000) {
        int first = from;
        db.inTransaction(Isolation.READ_COMMITTED, tx -> {
          for (int i = first; i < Math.min(accounts, first + 1000); i++) {
            tx.create(OctadInput.builder().id(account(i)).with(DocumentFacet.of(Map.of("balance", START_BALANCE))).build());
          }
          return null;
        });
      }
      LongAdder commits = new LongAdder();
      LongAdder aborts = new LongAdder();
      long measureFrom = System.nanoTime() + warmup.toNanos();
      long end = measureFrom + window.toNanos();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(Thread.ofPlatform().start(() -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          long now;
          while ((now = System.nanoTime()) < end) {
            boolean counted = now >= measureFrom;
            int a = pick(random, workload, accounts);
            int b = pick(random, workload, accounts);
            if (a == b) {
              continue;
            }
            try {
              transfer(db, level, a, b, random.nextLong(1, 100));
              if (counted) {
                commits.increment();
              }
            } catch (VeriSimException e) {
              if (!e.code().retryable()) {
                throw e;
              }
              if (counted) {
                aborts.increment();
              }
            }
          }
        }));
      }
      for (Thread w : workers) {
        w.join(TimeUnit.MINUTES.toMillis(10));
      }
      long total = 0;
      for (int i = 0; i < accounts; i++) {
        total += balance(db.get(account(i)).orElseThrow().document().orElseThrow());
      }
      if (total != (long) accounts * START_BALANCE) {
        throw new AssertionError(level + "/" + workload + ": the total changed from " + (long) accounts * START_BALANCE + " to " + total);
      }
      return new Result(level, workload, commits.sum(), aborts.sum(), window.toNanos() / 1e9);
    } finally {
      if (dir != null) {
        org.verisimdb.bench.durable.WorkDir.delete(dir);
      }
    }
  }

  private static void transfer(Database db, Isolation level, int a, int b, long amount) {
    try (Transaction tx = db.begin(level)) {
      OctadId from = OctadId.of(account(a));
      OctadId to = OctadId.of(account(b));
      if (level == Isolation.READ_COMMITTED) {
        tx.lock(a < b ? from : to, Modality.DOCUMENT);
        tx.lock(a < b ? to : from, Modality.DOCUMENT);
      }
      long x = balance(tx.get(from).orElseThrow().document().orElseThrow());
      long y = balance(tx.get(to).orElseThrow().document().orElseThrow());
      tx.update(from, OctadPatch.builder().set(Modality.DOCUMENT, "balance", x - amount).build());
      tx.update(to, OctadPatch.builder().set(Modality.DOCUMENT, "balance", y + amount).build());
      tx.commit();
    }
  }

  private static int pick(ThreadLocalRandom random, String workload, int accounts) {
    return workload.equals("hot") && random.nextInt(10) < 9 ? random.nextInt(HOT) : random.nextInt(accounts);
  }

  private static long balance(DocumentFacet doc) {
    return ((Value.Int) doc.fields().get("balance")).value();
  }

  private static String account(int i) {
    return "acct-" + i;
  }
}
