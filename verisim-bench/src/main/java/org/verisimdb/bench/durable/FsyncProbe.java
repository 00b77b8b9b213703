package org.verisimdb.bench.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The disk's raw fsync rate as the log sees it: one thread appends 4 KiB to a new file and calls
 * {@code FileChannel.force(false)} (fdatasync), as the log's group-commit leader does, in a loop.
 * The file grows as a log segment does, so each fdatasync also commits the new length. Not
 * thread-safe; one probe runs at a time.
 */
final class FsyncProbe {
  static final int BLOCK = 4096;

  /** What the probe measured: fsyncs over the window, their latency, and what the window cost. */
  record Result(long fsyncs, Duration window, Latencies latency, Machine.Counters spent) {
    double perSecond() {
      return fsyncs / (window.toNanos() / 1e9);
    }

    Map<String, Object> json() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("block_bytes", BLOCK);
      out.put("fsyncs", fsyncs);
      out.put("seconds", window.toNanos() / 1e9);
      out.put("fsyncs_per_s", perSecond());
      out.putAll(latency.json());
      out.putAll(spent.json(fsyncs, window));
      return out;
    }
  }

  private FsyncProbe() {}

  /** Appends and forces in {@code dir} for {@code warmup} (not counted), then for {@code window}; deletes its file. */
  static Result run(Path dir, Duration warmup, Duration window, Machine machine) throws IOException {
    Path file = dir.resolve("fsync-probe.bin");
    ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
    for (int i = 0; i < BLOCK; i++) {
      block.put(i, (byte) i);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long position = 0;
      long measureFrom = System.nanoTime() + warmup.toNanos();
      long stopAt = measureFrom + window.toNanos();
      Machine.Counters before = null;
      Latencies.Samples samples = new Latencies.Samples();
      while (true) {
        long start = System.nanoTime();
        if (start >= stopAt) {
          break;
        }
        if (before == null && start >= measureFrom) {
          before = machine.counters();
        }
        block.clear();
        while (block.hasRemaining()) {
          position += channel.write(block, position);
        }
        channel.force(false);
        if (start >= measureFrom) {
          samples.add(System.nanoTime() - start);
        }
      }
      Machine.Counters spent = before == null ? new Machine.Counters(-1, -1, -1) : machine.counters().since(before);
      return new Result(samples.size(), window, Latencies.of(List.of(samples)), spent);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
