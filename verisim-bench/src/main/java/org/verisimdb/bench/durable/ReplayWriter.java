package org.verisimdb.bench.durable;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.testkit.sample.SampleGenerator;

/**
 * The process {@link Replay} kills: creates a database and commits the transactions of a
 * {@link ReplayPlan} through the engine, printing {@code LOGGED <n>} now and then and
 * {@code READY <n> <millis>} once all are committed; then waits, database open, for the SIGKILL.
 * It halts by itself when its parent goes away (standard input closes), so it never outlives a
 * benchmark that was stopped.
 *
 * <p>Arguments: directory, backend, records, octads, writers, seed.
 */
public final class ReplayWriter {
  private static final long REPORT_EVERY = 100_000;

  private ReplayWriter() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    String backend = args[1];
    ReplayPlan plan = new ReplayPlan(Long.parseLong(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Long.parseLong(args[5]));
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    Thread.ofPlatform().name("replay-writer-parent-watch").daemon(true).start(ReplayWriter::haltWhenOrphaned);
    // Each update returns the octad with up to temporal.history_limit versions, read under the
    // engine's plan lock; one version is enough here, and the records logged are the same.
    Database db = VeriSimDB.open(directory, ReplayPlan.config(backend).withHistoryLimit(1));
    SampleGenerator generator = plan.generator();
    AtomicLong committed = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long started = System.nanoTime();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < plan.writers(); w++) {
      int writer = w;
      writers.add(Thread.ofPlatform().name("replay-writer-" + w).start(() -> {
        try {
          write(db, plan, generator, writer, committed, out);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }));
    }
    for (Thread t : writers) {
      t.join();
    }
    if (failure.get() != null) {
      failure.get().printStackTrace();
      out.println("FAILED " + failure.get());
      Runtime.getRuntime().halt(1);
    }
    out.println("READY " + committed.get() + " " + (System.nanoTime() - started) / 1_000_000);
    // Keep the database open and idle: the parent's SIGKILL is the crash.
    Thread.sleep(Long.MAX_VALUE);
  }

  private static void write(Database db, ReplayPlan plan, SampleGenerator generator, int writer, AtomicLong committed, PrintStream out) {
    int creates = plan.creates();
    for (int i = writer; i < creates; i += plan.writers()) {
      db.create(plan.create(generator, i));
      report(committed.incrementAndGet(), out);
    }
    long updates = plan.updates();
    for (long j = 0; j < updates; j++) {
      int octad = (int) (j % creates);
      if (plan.writerOf(octad) == writer) {
        db.update(plan.id(generator, octad), ReplayPlan.update(j));
        report(committed.incrementAndGet(), out);
      }
    }
  }

  private static void report(long n, PrintStream out) {
    if (n % REPORT_EVERY == 0) {
      out.println("LOGGED " + n);
    }
  }

  private static void haltWhenOrphaned() {
    try {
      while (System.in.read() >= 0) {
        // the parent never writes; end of input means it is gone
      }
    } catch (IOException e) {
      // as good as end of input
    }
    Runtime.getRuntime().halt(3);
  }
}
