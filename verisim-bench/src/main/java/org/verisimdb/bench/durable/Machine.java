package org.verisimdb.bench.durable;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a benchmark ran: cores, heap, JDK, and the file system and block device under its
 * directory; and the {@link Counters} that say what a measured window cost. The device, when
 * Linux names it in {@code /proc/diskstats}, gives a count of cache flushes the disk completed,
 * which tells how many fsyncs really reached it. Immutable; reading counters is thread-safe.
 *
 * @param fileSystem the file system type ("ext4"), or "?" when the JDK cannot tell
 * @param device the block device ("vda"), or null when it is not in /proc/diskstats
 */
record Machine(int cores, long maxMemoryBytes, String jdk, Path directory, String fileSystem, String device) {
  private static final Path DISKSTATS = Path.of("/proc/diskstats");
  // Field 16 of a diskstats line (after major, minor and name): flush requests completed, Linux 5.5+.
  private static final int FLUSHES_FIELD = 3 + 15;

  static Machine of(Path directory) {
    String type = "?";
    String device = null;
    try {
      FileStore store = Files.getFileStore(directory);
      type = store.type();
      String name = store.name();
      String candidate = name.startsWith("/dev/") ? name.substring("/dev/".length()) : name;
      if (diskstatsLine(candidate) != null) {
        device = candidate;
      }
    } catch (IOException | RuntimeException e) {
      // unknown file system: report "?" and no flush counts rather than fail the benchmark
    }
    return new Machine(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
        System.getProperty("java.vm.vendor") + " " + Runtime.version(), directory, type, device);
  }

  /**
   * Counters read at the edges of a measured window; their differences say what the window cost.
   *
   * @param deviceFlushes cache flushes the device completed (whole device, every process), -1 when unknown
   * @param cpuNanos CPU time of this process, user and system, -1 when unknown
   * @param contextSwitches context switches of the whole machine ({@code ctxt} in /proc/stat), -1 when unknown
   */
  record Counters(long deviceFlushes, long cpuNanos, long contextSwitches) {
    /** What happened from {@code before} to this reading; -1 where either is unknown. */
    Counters since(Counters before) {
      return new Counters(minus(deviceFlushes, before.deviceFlushes), minus(cpuNanos, before.cpuNanos),
          minus(contextSwitches, before.contextSwitches));
    }

    private static long minus(long after, long before) {
      return after < 0 || before < 0 ? -1 : after - before;
    }

    double flushesPer(long operations) {
      return per(deviceFlushes, operations);
    }

    double cpuMicrosPer(long operations) {
      return per(cpuNanos, operations) / 1e3;
    }

    double contextSwitchesPer(long operations) {
      return per(contextSwitches, operations);
    }

    /** CPU cores this process kept busy on average over {@code window}. */
    double coresBusy(Duration window) {
      return cpuNanos < 0 ? Double.NaN : (double) cpuNanos / window.toNanos();
    }

    Map<String, Object> json(long operations, Duration window) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("device_flushes_per_op", flushesPer(operations));
      out.put("cpu_us_per_op", cpuMicrosPer(operations));
      out.put("cores_busy", coresBusy(window));
      out.put("context_switches_per_op", contextSwitchesPer(operations));
      return out;
    }

    /** {@code count} per operation, NaN when unknown or there were none. */
    static double per(long count, long operations) {
      return count < 0 || operations <= 0 ? Double.NaN : (double) count / operations;
    }
  }

  Counters counters() {
    long cpu = -1;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      cpu = os.getProcessCpuTime();
    }
    return new Counters(deviceFlushes(), cpu, contextSwitches());
  }

  private static long contextSwitches() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
        if (line.startsWith("ctxt ")) {
          return Long.parseLong(line.substring(5).strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: unknown
    }
    return -1;
  }

  /** Cache flushes the device has completed since boot (whole device, every process), or -1 when unknown. */
  long deviceFlushes() {
    if (device == null) {
      return -1;
    }
    String[] fields = diskstatsLine(device);
    if (fields == null || fields.length <= FLUSHES_FIELD) {
      return -1;
    }
    return Long.parseLong(fields[FLUSHES_FIELD]);
  }

  private static String[] diskstatsLine(String device) {
    try {
      List<String> lines = Files.readAllLines(DISKSTATS);
      for (String line : lines) {
        String[] fields = line.strip().split("\\s+");
        if (fields.length > 2 && fields[2].equals(device)) {
          return fields;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or /proc not mounted: no flush counts
    }
    return null;
  }

  String describe() {
    return "%d cores, %d MiB max heap, JDK %s; %s (%s%s)".formatted(cores, maxMemoryBytes >> 20, jdk, directory, fileSystem,
        device == null ? "" : " on " + device);
  }

  Map<String, Object> json() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("available_processors", cores);
    out.put("max_memory_bytes", maxMemoryBytes);
    out.put("jdk", jdk);
    out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    out.put("directory", directory.toString());
    out.put("file_system", fileSystem);
    out.put("device", device);
    return out;
  }
}
