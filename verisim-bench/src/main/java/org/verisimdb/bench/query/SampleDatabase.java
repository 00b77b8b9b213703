package org.verisimdb.bench.query;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.verisimdb.bench.durable.WorkDir;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.storage.wal.SyncMode;
import org.verisimdb.testkit.sample.Kind;
import org.verisimdb.testkit.sample.SampleGenerator;

/**
 * The on-disk database a run queries: a RocksDB database in {@value #DATABASE} under the given
 * directory, holding the sample set of one size and seed, vectors supplied by the generator (no
 * embedding model).
 *
 * <p>A completed load leaves {@value #MARKER} beside the database, naming the size and seed;
 * a later run with the same size and seed reopens the directory instead of loading again. A
 * load in progress is marked by {@value #LOADING}: a directory found with that marker was left
 * by an interrupted load and is cleared and loaded again. A directory holding anything else (a
 * different sample set, other files) is refused, never deleted.
 *
 * <p>The load commits {@code batch} octads per transaction while a second thread builds the
 * next batches, then waits until the indexes hold everything, merges the index into one segment
 * (as an operator would after a bulk load: {@code verisimdb index compact}) and checkpoints, so
 * the figures of a fresh load and of a reopened directory measure the same state. Not thread-safe.
 */
final class SampleDatabase {
  static final String MARKER = "sample-loaded.properties";
  static final String LOADING = "sample-loading";
  /** The database directory inside the run's directory, beside the markers. */
  static final String DATABASE = "db";
  private static final List<OctadInput> END = List.of();

  /** An open database and how it came to hold the sample: loaded now, or reopened (then {@code loadSeconds} is the original load's). */
  record Opened(Database db, Path directory, boolean loadedNow, double loadSeconds, double openSeconds, long octads) {}

  private SampleDatabase() {}

  /**
   * The settings of every run: RocksDB, 384-d vectors supplied by the sample, no log fsync (the
   * benchmark does not measure durability); VERISIM_* variables override search settings such as
   * VERISIM_VECTOR_CANDIDATES.
   */
  static DatabaseConfig config() {
    return DatabaseConfig.defaults().withEnvironment(System.getenv()).withBackend("rocksdb").withAutoEmbedding(false)
        .withVectorDimension(SampleGenerator.DIMENSION).withWalSync(SyncMode.NONE);
  }

  /** Opens {@code dir} holding {@code generator}'s set, loading it first when needed; progress goes to {@code log}. */
  static Opened open(Path dir, SampleGenerator generator, int batch, PrintStream log) throws IOException, InterruptedException {
    Path marker = dir.resolve(MARKER);
    if (Files.exists(marker)) {
      Properties p = read(marker);
      String size = Integer.toString(generator.size());
      String seed = Long.toString(generator.seed());
      if (!size.equals(p.getProperty("size")) || !seed.equals(p.getProperty("seed"))) {
        throw new IllegalStateException(dir + " holds the sample set of size " + p.getProperty("size") + " and seed "
            + p.getProperty("seed") + ", not " + size + " and " + seed + "; choose another --data directory");
      }
      long start = System.nanoTime();
      Database db = VeriSimDB.open(dir.resolve(DATABASE), config());
      double openSeconds = (System.nanoTime() - start) / 1e9;
      log.printf(Locale.ROOT, "reopened %s (%,d octads, loaded earlier in %.1f s) in %.1f s%n", dir, db.stats().octads(),
          Double.parseDouble(p.getProperty("load_seconds", "NaN")), openSeconds);
      return new Opened(db, dir, false, Double.parseDouble(p.getProperty("load_seconds", "NaN")), openSeconds, db.stats().octads());
    }
    prepare(dir);
    Files.writeString(dir.resolve(LOADING), "a sample load started " + Instant.now() + "\n", StandardCharsets.UTF_8);
    long start = System.nanoTime();
    Database db = VeriSimDB.open(dir.resolve(DATABASE), config());
    try {
      load(db, generator, batch, log, start);
      // A search waits until the indexes hold every commit made before it.
      db.search().ofType(Kind.PLACE.schemaType(), 1);
      double indexed = (System.nanoTime() - start) / 1e9;
      db.compactIndex();
      db.checkpoint();
      double seconds = (System.nanoTime() - start) / 1e9;
      long octads = db.stats().octads();
      if (octads != generator.size()) {
        throw new IllegalStateException("the load committed " + generator.size() + " octads but the database holds " + octads);
      }
      log.printf(Locale.ROOT, "loaded %,d octads in %.1f s (%,.0f octads/s; indexed after %.1f s, compacted and checkpointed after %.1f s)%n",
          octads, seconds, octads / seconds, indexed, seconds);
      Properties p = new Properties();
      p.setProperty("size", Integer.toString(generator.size()));
      p.setProperty("seed", Long.toString(generator.seed()));
      p.setProperty("octads", Long.toString(octads));
      p.setProperty("load_seconds", String.format(Locale.ROOT, "%.3f", seconds));
      p.setProperty("loaded_at", Instant.now().toString());
      p.setProperty("batch", Integer.toString(batch));
      write(marker, p);
      Files.delete(dir.resolve(LOADING));
      return new Opened(db, dir, true, seconds, 0, octads);
    } catch (RuntimeException | IOException | InterruptedException | Error e) {
      db.close();
      throw e;
    }
  }

  /** Makes {@code dir} an empty directory: a new one, an empty one, or what an interrupted load left. */
  private static void prepare(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      Files.createDirectories(dir);
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(dir + " is not a directory; choose another --data directory");
    }
    List<String> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.map(p -> p.getFileName().toString()).toList();
    }
    if (entries.isEmpty()) {
      return;
    }
    if (!entries.contains(LOADING)) {
      throw new IllegalStateException(dir + " is not empty and holds no sample set (" + String.join(", ", entries.stream().limit(5).toList())
          + "); choose an empty or new --data directory");
    }
    System.err.println(dir + " holds an interrupted load: clearing it");
    WorkDir.delete(dir);
    Files.createDirectories(dir);
  }

  /** Commits the set in transactions of {@code batch} octads, built by a second thread meanwhile. */
  private static void load(Database db, SampleGenerator generator, int batch, PrintStream log, long start) throws InterruptedException {
    int size = generator.size();
    log.printf(Locale.ROOT, "loading %,d sample octads (seed %d) in transactions of %,d%n", size, generator.seed(), batch);
    BlockingQueue<List<OctadInput>> queue = new ArrayBlockingQueue<>(4);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread builder = Thread.ofPlatform().name("sample-builder").start(() -> {
      try {
        for (int from = 0; from < size; from += batch) {
          List<OctadInput> inputs = new ArrayList<>(batch);
          for (int i = from; i < Math.min(size, from + batch); i++) {
            inputs.add(generator.octad(i));
          }
          queue.put(inputs);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | Error e) {
        failure.set(e);
      } finally {
        try {
          queue.put(END);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // the loader has stopped taking
        }
      }
    });
    try {
      long done = 0;
      long reportEvery = Math.max(batch, size / 10);
      long nextReport = reportEvery;
      while (done < size) {
        List<OctadInput> inputs = queue.take();
        if (inputs == END) {
          Throwable t = failure.get();
          throw new IllegalStateException("building the sample octads failed after " + done + " of " + size, t);
        }
        db.inTransaction(tx -> {
          for (OctadInput input : inputs) {
            tx.create(input);
          }
          return null;
        });
        done += inputs.size();
        if (done >= nextReport && done < size) {
          double seconds = (System.nanoTime() - start) / 1e9;
          log.printf(Locale.ROOT, "  loaded %,d of %,d (%d%%) in %.0f s, %,.0f octads/s%n", done, size, 100 * done / size, seconds,
              done / seconds);
          nextReport += reportEvery;
        }
      }
    } finally {
      builder.interrupt();
      builder.join();
    }
  }

  private static Properties read(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return p;
  }

  private static void write(Path file, Properties p) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      p.store(w, "the sample set this directory holds, written when its load completed");
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
