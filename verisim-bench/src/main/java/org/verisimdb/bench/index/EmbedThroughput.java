package org.verisimdb.bench.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.verisimdb.bench.durable.Args;
import org.verisimdb.bench.durable.JsonLine;
import org.verisimdb.index.embed.EmbeddingText;
import org.verisimdb.index.embed.MiniLmEmbedder;
import org.verisimdb.model.Modality;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.testkit.sample.SampleGenerator;

/**
 * Embeddings per second of {@link MiniLmEmbedder} on this machine: the model's load time, then
 * single {@code embed} calls from one thread and from several, and {@code embedAll} batches of
 * several sizes, each for a fixed time after a warm-up. The texts are the embedded text (title
 * and body) of the sample generator's octads, so their lengths are those of typical records, or
 * with {@code --text titles} their titles alone, short sentences.
 *
 * <pre>
 * java … -cp verisim-bench/target/benchmarks.jar org.verisimdb.bench.index.EmbedThroughput [--seconds 10] [--batches 8,32,128]
 * </pre>
 * Prints a table, then one JSON line. Not thread-safe; a main.
 */
public final class EmbedThroughput {
  private EmbedThroughput() {}

  /** One measured mode. */
  record Result(String mode, int threads, int batch, long embeddings, double seconds) {
    double perSecond() {
      return embeddings / seconds;
    }
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args("""
        EmbedThroughput: embeddings per second of the in-process all-MiniLM-L6-v2 (int8) model, for single calls from one and
        from several threads and for batches, on the sample records' title and body.

        usage: EmbedThroughput [options]""")
        .option("seconds", "10", "measured seconds per mode")
        .option("warmup", "5", "seconds of warm-up per mode, not counted")
        .option("texts", "2000", "distinct texts, cycled through")
        .option("threads", String.valueOf(Runtime.getRuntime().availableProcessors()), "threads of the embedder's batch pool and of the concurrent single-call mode")
        .option("batches", "8,32,128", "embedAll batch sizes")
        .option("text", "records", "records (title and body of each sample record) or titles (short sentences)");
    Args.run(argv, args, EmbedThroughput::run);
  }

  private static void run(Args args) throws Exception {
    long seconds = args.integer("seconds", 1, 3600);
    long warmup = args.integer("warmup", 0, 600);
    int textCount = (int) args.integer("texts", 1, 1_000_000);
    int threads = (int) args.integer("threads", 1, 64);
    List<Integer> batches = args.integers("batches", 1, 10_000);
    boolean titles = args.oneOf("text", List.of("records", "titles")).equals("titles");
    List<String> texts = texts(textCount, titles);
    double meanChars = texts.stream().mapToInt(String::length).average().orElse(0);
    List<Result> results = new ArrayList<>();
    try (MiniLmEmbedder embedder = new MiniLmEmbedder(threads)) {
      long t0 = System.nanoTime();
      embedder.embed(texts.getFirst());
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      System.err.printf("model loaded in %.2f s; %d texts of %.0f characters on average%n", loadSeconds, texts.size(), meanChars);
      results.add(measure("single", 1, 1, seconds, warmup, (worker, i) -> embedder.embed(texts.get(i % texts.size()))));
      if (threads > 1) {
        results.add(measure("single", threads, 1, seconds, warmup, (worker, i) -> embedder.embed(texts.get((i * threads + worker) % texts.size()))));
      }
      for (int batch : batches) {
        results.add(measure("batch", 1, batch, seconds, warmup, (worker, i) -> {
          int from = (int) ((long) i * batch % texts.size());
          List<String> slice = new ArrayList<>(batch);
          for (int j = 0; j < batch; j++) {
            slice.add(texts.get((from + j) % texts.size()));
          }
          embedder.embedAll(slice);
        }));
      }
      print(results, loadSeconds, meanChars, threads);
    }
  }

  /** The call a worker makes, the i-th time. */
  @FunctionalInterface
  private interface Call {
    void run(int worker, int i);
  }

  private static Result measure(String mode, int threads, int batch, long seconds, long warmup, Call call) throws InterruptedException {
    System.err.printf("%s, %d thread(s), batch %d: %d s%n", mode, threads, batch, seconds);
    LongAdder done = new LongAdder();
    long measureFrom = System.nanoTime() + warmup * 1_000_000_000L;
    long end = measureFrom + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int worker = t;
      workers.add(Thread.ofPlatform().name("embed-bench-" + t).start(() -> {
        for (int i = 0; System.nanoTime() < end; i++) {
          call.run(worker, i);
          // a call counts when it finishes inside the window: completions per second, unbiased
          long finished = System.nanoTime();
          if (finished >= measureFrom && finished <= end) {
            done.add(batch);
          }
        }
      }));
    }
    for (Thread w : workers) {
      w.join();
    }
    return new Result(mode, threads, batch, done.sum(), seconds);
  }

  private static List<String> texts(int count, boolean titles) {
    SampleGenerator samples = new SampleGenerator(7, Math.max(count * 2, 100));
    EmbeddingText embedding = titles ? EmbeddingText.of(List.of(DocumentFacet.TITLE)) : EmbeddingText.defaults();
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < samples.size() && out.size() < count; i++) {
      DocumentFacet doc = (DocumentFacet) samples.octad(i).facets().get(Modality.DOCUMENT);
      String text = embedding.textOf(doc);
      if (text != null) {
        out.add(text);
      }
    }
    return out;
  }

  private static void print(List<Result> results, double loadSeconds, double meanChars, int threads) {
    int cores = Runtime.getRuntime().availableProcessors();
    String jdk = System.getProperty("java.vm.vendor") + " " + Runtime.version();
    System.out.printf(Locale.ROOT, "%s: load %.2f s; texts of %.0f characters on average; %d cores, JDK %s; embedder pool %d threads%n",
        MiniLmEmbedder.MODEL, loadSeconds, meanChars, cores, jdk, threads);
    System.out.printf(Locale.ROOT, "%-8s %8s %6s %14s%n", "mode", "threads", "batch", "embeddings/s");
    List<Map<String, Object>> json = new ArrayList<>();
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "%-8s %8d %6d %14.1f%n", r.mode(), r.threads(), r.batch(), r.perSecond());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("mode", r.mode());
      row.put("threads", r.threads());
      row.put("batch", r.batch());
      row.put("embeddings_per_s", r.perSecond());
      json.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "embed_throughput");
    out.put("model", MiniLmEmbedder.MODEL);
    out.put("load_s", loadSeconds);
    out.put("mean_chars", meanChars);
    out.put("pool_threads", threads);
    out.put("available_processors", cores);
    out.put("jdk", jdk);
    out.put("results", json);
    System.out.println(JsonLine.of(out));
  }
}
