package org.verisimdb.bench.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.verisimdb.bench.durable.Args;
import org.verisimdb.bench.durable.JsonLine;
import org.verisimdb.bench.durable.WorkDir;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.index.embed.MiniLmEmbedder;
import org.verisimdb.storage.wal.SyncMode;
import org.verisimdb.testkit.sample.SampleGenerator;

/**
 * Octads per second of full sample octads (all eight modalities) created through the embedded
 * API by several threads, each create committed on its own, until every index holds them (the
 * clock stops once a search sees the last one). Two runs on the same data: vectors supplied with
 * the octads, and vectors computed by the database from each octad's title and body
 * ({@code embedding.auto}); the model's own rate, single and batched, is measured beside them.
 *
 * <pre>
 * java … -cp verisim-bench/target/benchmarks.jar org.verisimdb.bench.ingest.IngestRate [--octads 5000] [--threads 2] …
 * </pre>
 * Prints a table, then one JSON line. A main.
 */
public final class IngestRate {
  private IngestRate() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args("""
        IngestRate: octads/s of full sample octads created through the embedded API until the indexes hold them, with vectors
        supplied and with vectors computed by the database's embedding model; and the model's embeddings/s.

        usage: IngestRate [options]""")
        .option("octads", "5000", "octads per run")
        .option("threads", "2", "writer threads")
        .option("backend", "rocksdb", "storage backend: memory, rocksdb, lmdb or sqlite")
        .option("sync", "none", "wal.sync: fsync, async or none");
    Args.run(argv, args, IngestRate::run);
  }

  private static void run(Args args) throws Exception {
    int octads = (int) args.integer("octads", 1, SampleGenerator.MAX_SIZE);
    int threads = (int) args.integer("threads", 1, 256);
    String backend = args.oneOf("backend", List.of("memory", "rocksdb", "lmdb", "sqlite"));
    SyncMode sync = SyncMode.parse(args.oneOf("sync", List.of("fsync", "async", "none")));
    SampleGenerator supplied = new SampleGenerator(7, octads);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", "ingest");
    json.put("octads", octads);
    json.put("threads", threads);
    json.put("backend", backend);
    json.put("sync", sync.wireName());
    double[] model = modelRate();
    json.put("model_embeddings_per_s_single", model[0]);
    json.put("model_embeddings_per_s_batched", model[1]);
    double withVectors = ingest(supplied, false, threads, backend, sync);
    double autoEmbedded = ingest(supplied.embeddedByDatabase(), true, threads, backend, sync);
    json.put("octads_per_s_vectors_supplied", withVectors);
    json.put("octads_per_s_auto_embedded", autoEmbedded);
    System.out.printf(Locale.ROOT, "%,d full octads, %d threads, %s, wal.sync=%s%n", octads, threads, backend, sync.wireName());
    System.out.printf(Locale.ROOT, "  vectors supplied:        %,10.0f octads/s%n", withVectors);
    System.out.printf(Locale.ROOT, "  vectors auto-embedded:   %,10.0f octads/s%n", autoEmbedded);
    System.out.printf(Locale.ROOT, "  model alone:             %,10.0f embeddings/s (single), %,.0f (batches of 32)%n", model[0], model[1]);
    System.out.println(JsonLine.of(json));
  }

  /** Octads/s from the first create until a search sees the last octad. */
  private static double ingest(SampleGenerator generator, boolean auto, int threads, String backend, SyncMode sync) throws Exception {
    Path dir = backend.equals("memory") ? null : Files.createTempDirectory("verisim-ingest-");
    DatabaseConfig config = DatabaseConfig.defaults().withBackend(backend).withWalSync(sync).withAutoEmbedding(auto);
    try (Database db = dir == null ? VeriSimDB.openInMemory(config) : VeriSimDB.open(dir, config)) {
      System.err.printf("ingesting %,d octads (%s)%n", generator.size(), auto ? "auto-embedded" : "vectors supplied");
      AtomicInteger next = new AtomicInteger();
      long started = System.nanoTime();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(Thread.ofPlatform().start(() -> {
          for (int i = next.getAndIncrement(); i < generator.size(); i = next.getAndIncrement()) {
            db.create(generator.octad(i));
          }
        }));
      }
      for (Thread w : workers) {
        w.join();
      }
      double committed = (System.nanoTime() - started) / 1e9;
      // A search waits for the indexes to hold every commit made before it.
      int found = db.search().ofType("https://schema.org/ScholarlyArticle", 1).size();
      double seconds = (System.nanoTime() - started) / 1e9;
      if (found == 0 && generator.count(org.verisimdb.testkit.sample.Kind.PAPER) > 0) {
        throw new IllegalStateException("the index holds no paper after the ingest");
      }
      System.err.printf(Locale.ROOT, "  committed in %.1f s, indexed in %.1f s%n", committed, seconds);
      return generator.size() / seconds;
    } finally {
      if (dir != null) {
        WorkDir.delete(dir);
      }
    }
  }

  /** The embedding model's rate on sample texts: {single, batched}. */
  private static double[] modelRate() {
    SampleGenerator texts = new SampleGenerator(11, 512);
    List<String> sentences = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      var d = texts.octad(i).facets().get(org.verisimdb.model.Modality.DOCUMENT);
      var doc = (org.verisimdb.model.facet.DocumentFacet) d;
      sentences.add(doc.title() + "\n" + doc.body());
    }
    try (MiniLmEmbedder model = new MiniLmEmbedder()) {
      model.embedAll(sentences.subList(0, 32)); // load and warm up
      long t0 = System.nanoTime();
      for (String s : sentences) {
        model.embed(s);
      }
      double single = sentences.size() / ((System.nanoTime() - t0) / 1e9);
      long t1 = System.nanoTime();
      for (int i = 0; i < sentences.size(); i += 32) {
        model.embedAll(sentences.subList(i, Math.min(sentences.size(), i + 32)));
      }
      double batched = sentences.size() / ((System.nanoTime() - t1) / 1e9);
      return new double[] {single, batched};
    }
  }
}
