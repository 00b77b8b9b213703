package org.verisimdb.bench.durable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a crashed database whose log holds the transactions of a {@link ReplayPlan}: starts a
 * {@link ReplayWriter} process on a new directory, waits until it has committed every
 * transaction, and kills it with SIGKILL while the database is open and idle. The directory is
 * then exactly what a process crash leaves: the log (written with {@code wal.sync=none}, which a
 * process crash does not lose, since the OS holds the written bytes) and whatever the backend had
 * persisted by itself. A separate process, rather than a copy of an open directory, so that no
 * backend's files are copied halfway through a background flush or compaction. Not thread-safe.
 */
final class ReplayImage {
  /** The writer committed {@code committed} transactions in {@code writing} and was killed. */
  record Made(long committed, Duration writing) {}

  private ReplayImage() {}

  /**
   * @param directory the database directory to create
   * @param temporary the writer's {@code java.io.tmpdir}: RocksDB unpacks its native library there and deletes it only on a
   *     normal exit, so a killed writer must not leave it in the system's temporary directory
   */
  static Made make(Path directory, Path temporary, String backend, ReplayPlan plan) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Files.createDirectories(temporary);
    List<String> command = List.of(java, "-Djava.io.tmpdir=" + temporary, "--add-modules", "jdk.incubator.vector",
        "--enable-native-access=ALL-UNNAMED", "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), ReplayWriter.class.getName(), directory.toString(), backend, Long.toString(plan.records()),
        Integer.toString(plan.octads()), Integer.toString(plan.writers()), Long.toString(plan.seed()));
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Thread killOnExit = Thread.ofPlatform().name("replay-writer-killer").unstarted(() -> child.toHandle().destroyForcibly());
    Runtime.getRuntime().addShutdownHook(killOnExit);
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("LOGGED ")) {
          System.err.printf("  %,d of %,d transactions committed%n", Long.parseLong(line.substring(7)), plan.records());
        } else if (line.startsWith("READY ")) {
          String[] parts = line.split(" ");
          // SIGKILL through the handle: the crash, with no shutdown hook, close or checkpoint in the writer.
          child.toHandle().destroyForcibly();
          if (!child.waitFor(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the writer process " + child.pid() + " did not die within a minute of SIGKILL");
          }
          return new Made(Long.parseLong(parts[1]), Duration.ofMillis(Long.parseLong(parts[2])));
        } else if (line.startsWith("FAILED")) {
          break;
        }
      }
      child.toHandle().destroyForcibly();
      String status = child.waitFor(1, TimeUnit.MINUTES) ? "exit status " + child.exitValue() : "still running";
      throw new IllegalStateException("the writer process failed before committing " + plan.records() + " transactions (" + status
          + "; its error is above)");
    } finally {
      child.getOutputStream().close();
      try {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      } catch (IllegalStateException e) {
        // the JVM is shutting down, and the hook kills the writer
      }
    }
  }
}
