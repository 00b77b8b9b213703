package org.verisimdb.storage.sqlite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;

/** Helpers shared by this package's tests. Stateless. */
final class SqliteTests {
  private SqliteTests() {}

  /** The keys of a cursor as UTF-8 text, closing it. */
  static List<String> keys(Cursor cursor) {
    List<String> keys = new ArrayList<>();
    try (cursor) {
      while (cursor.next()) {
        keys.add(new String(cursor.key(), StandardCharsets.UTF_8));
      }
    }
    return keys;
  }

  /** The entries of a cursor as "key=value" UTF-8 text, closing it. */
  static List<String> entries(Cursor cursor) {
    List<String> entries = new ArrayList<>();
    try (cursor) {
      while (cursor.next()) {
        entries.add(new String(cursor.key(), StandardCharsets.UTF_8) + "=" + new String(cursor.value(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  /** A thread that applies batches 1..count to a backend, remembering the first failure. Thread-safe. */
  static final class Writer {
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean done;

    private Writer(StorageBackend backend, int count, LongFunction<WriteBatch> batch) {
      this.thread = Thread.ofPlatform().name("sqlite-test-writer").unstarted(() -> {
        try {
          for (long i = 1; i <= count; i++) {
            backend.apply(batch.apply(i));
          }
        } catch (Throwable t) {
          failure.set(t);
        } finally {
          done = true;
        }
      });
    }

    static Writer start(StorageBackend backend, int count, LongFunction<WriteBatch> batch) {
      Writer writer = new Writer(backend, count, batch);
      writer.thread.start();
      return writer;
    }

    boolean done() {
      return done;
    }

    /** Waits for the last batch; rethrows the writer's failure, if any. */
    void join() throws InterruptedException {
      thread.join();
      if (failure.get() != null) {
        throw new AssertionError("the writer failed", failure.get());
      }
    }
  }
}
