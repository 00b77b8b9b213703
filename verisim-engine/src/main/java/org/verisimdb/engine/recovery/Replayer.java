package org.verisimdb.engine.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.verisimdb.engine.Progress;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.RoutedBackend;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;
import org.verisimdb.storage.wal.BatchCodec;
import org.verisimdb.storage.wal.Wal;
import org.verisimdb.storage.wal.WalFormatV1;
import org.verisimdb.storage.wal.WalReader;
import org.verisimdb.storage.wal.WalRecord;

/**
 * Brings the stores up to the end of the log after a crash or an unclean stop.
 *
 * <p>Each backend is replayed from its own applied LSN: a record's operations for a backend that
 * already holds that LSN are skipped. One reader thread reads, checks and decodes records in
 * order and deals their operations to worker threads by keyspace and octad (the key up to its
 * first zero byte), so one key's operations always go to the same worker, in LSN order, and
 * different octads apply in parallel. Workers apply batches without an LSN; only when every
 * record is applied does each backend record the last LSN, so a crash during replay leaves the
 * old LSNs and the next open replays again (operations are idempotent puts and deletes).
 *
 * <p>Stateless; {@link #replay} owns the threads it starts and stops them.
 */
public final class Replayer {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.engine.recovery");
  private static final int CHUNK_OPS = 1024;
  private static final List<WriteBatch.Op> END = List.of();

  /** What a replay did. */
  public record Result(long fromLsn, long toLsn, long records, long operations, long bytes, Duration elapsed) {}

  private Replayer() {}

  public static Result replay(Wal log, RoutedBackend stores, int workers, Progress progress) {
    long started = System.nanoTime();
    long from = stores.appliedLsn() + 1;
    long to = log.lastLsn();
    if (from > to) {
      return new Result(from, to, 0, 0, 0, Duration.ZERO);
    }
    Map<StorageBackend, Long> applied = new IdentityHashMap<>();
    for (StorageBackend b : stores.backends()) {
      applied.put(b, b.appliedLsn());
    }
    LOG.log(System.Logger.Level.INFO, "replaying the log from LSN {0} to {1} into {2}", from, to, stores.name());
    List<BlockingQueue<List<WriteBatch.Op>>> queues = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    for (int w = 0; w < workers; w++) {
      BlockingQueue<List<WriteBatch.Op>> queue = new ArrayBlockingQueue<>(64);
      queues.add(queue);
      threads.add(Thread.ofPlatform().name("verisim-replay-" + w).start(() -> work(queue, stores, failure)));
    }
    long records = 0;
    long operations = 0;
    long bytes = 0;
    boolean dealt = false;
    try (WalReader reader = log.read(from)) {
      @SuppressWarnings("unchecked")
      List<WriteBatch.Op>[] chunks = new List[workers];
      for (int w = 0; w < workers; w++) {
        chunks[w] = new ArrayList<>(CHUNK_OPS);
      }
      while (reader.hasNext() && failure.get() == null) {
        WalRecord record = reader.next();
        if (record.type() != WalFormatV1.TYPE_BATCH) {
          throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "record " + record.lsn() + " in " + record.segment() + " at offset "
              + record.offset() + " has unknown type " + record.type() + "; it was written by a newer release or is damaged");
        }
        WriteBatch batch = decode(record);
        for (WriteBatch.Op op : batch.ops()) {
          if (record.lsn() <= applied.get(stores.backendFor(op.space()))) {
            continue;
          }
          int w = partition(op, workers);
          chunks[w].add(op);
          operations++;
          if (chunks[w].size() >= CHUNK_OPS) {
            queues.get(w).put(chunks[w]);
            chunks[w] = new ArrayList<>(CHUNK_OPS);
          }
        }
        records++;
        bytes += record.size();
        if (records % 100_000 == 0) {
          progress.update("replaying the log", records, to - from + 1);
        }
      }
      for (int w = 0; w < workers; w++) {
        if (!chunks[w].isEmpty()) {
          queues.get(w).put(chunks[w]);
        }
      }
      dealt = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, new VeriSimException(ErrorCode.INTERNAL, "replay was interrupted"));
    } finally {
      for (BlockingQueue<List<WriteBatch.Op>> queue : queues) {
        if (!dealt) {
          queue.clear(); // the replay failed: drop what is queued; the end marker still reaches the worker
        }
        putQuietly(queue);
      }
      for (Thread t : threads) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    for (StorageBackend b : stores.backends()) {
      if (b.appliedLsn() < to) {
        b.apply(new WriteBatch(to));
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    progress.update("replaying the log", records, to - from + 1);
    LOG.log(System.Logger.Level.INFO, "replayed {0} records ({1} operations, {2} bytes) from LSN {3} to {4} in {5} ms", records, operations,
        bytes, from, to, elapsed.toMillis());
    return new Result(from, to, records, operations, bytes, elapsed);
  }

  private static WriteBatch decode(WalRecord record) {
    try {
      return BatchCodec.decode(record.lsn(), record.payload()).batch();
    } catch (IllegalArgumentException e) {
      throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "record " + record.lsn() + " in " + record.segment() + " at offset "
          + record.offset() + " has a valid checksum but cannot be decoded (" + e.getMessage() + "); it was written by another"
          + " release or is damaged");
    }
  }

  // Cut after the octad id (keys are id, or id 0x00 sequence): one octad's keys share a worker.
  static int partition(WriteBatch.Op op, int workers) {
    byte[] key = op.key();
    int end = 0;
    while (end < key.length && key[end] != 0) {
      end++;
    }
    int hash = op.space().hashCode() * 31 + Arrays.hashCode(Arrays.copyOf(key, end));
    return Math.floorMod(hash, workers);
  }

  private static void work(BlockingQueue<List<WriteBatch.Op>> queue, RoutedBackend stores, AtomicReference<RuntimeException> failure) {
    try {
      while (true) {
        List<WriteBatch.Op> chunk = queue.take();
        if (chunk == END) {
          return;
        }
        if (failure.get() != null) {
          continue; // drain until the end marker
        }
        Map<StorageBackend, WriteBatch> parts = new LinkedHashMap<>();
        for (WriteBatch.Op op : chunk) {
          parts.computeIfAbsent(stores.backendFor(op.space()), b -> new WriteBatch()).add(op);
        }
        parts.forEach(StorageBackend::apply);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
      while (true) {
        try {
          if (queue.take() == END) {
            return;
          }
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private static void putQuietly(BlockingQueue<List<WriteBatch.Op>> queue) {
    try {
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
