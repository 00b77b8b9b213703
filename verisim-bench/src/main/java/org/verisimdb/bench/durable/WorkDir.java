package org.verisimdb.bench.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.verisimdb.storage.wal.WalFormatV1;

/**
 * A fresh directory for one benchmark run, deleted with everything in it on close, and on a
 * JVM shutdown (Ctrl-C) that comes first. Not thread-safe; owned by the harness's main thread.
 */
public final class WorkDir implements AutoCloseable {
  private final Path root;
  private final Thread cleanup;

  private WorkDir(Path root) {
    this.root = root;
    this.cleanup = Thread.ofPlatform().name("durable-cleanup").unstarted(() -> deleteQuietly(root));
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** A new directory named {@code prefix…} inside {@code parent}. */
  static WorkDir create(Path parent, String prefix) throws IOException {
    return new WorkDir(Files.createTempDirectory(parent, prefix));
  }

  Path root() {
    return root;
  }

  /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
  public static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage() + "; delete it by hand", e);
    }
  }

  /** The log segment files of the database in {@code db}, in order. */
  static List<Path> segments(Path db) throws IOException {
    try (Stream<Path> files = Files.list(db.resolve("wal"))) {
      return files.filter(p -> WalFormatV1.segmentNumber(p.getFileName().toString()) >= 0).sorted().toList();
    }
  }

  /** The total size of the log segments of the database in {@code db}. */
  static long logBytes(Path db) throws IOException {
    long bytes = 0;
    for (Path p : segments(db)) {
      bytes += Files.size(p);
    }
    return bytes;
  }

  private static void deleteQuietly(Path dir) {
    try {
      delete(dir);
    } catch (UncheckedIOException e) {
      System.err.println(e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      return; // the JVM is shutting down: the hook deletes the directory
    }
    delete(root);
  }
}
