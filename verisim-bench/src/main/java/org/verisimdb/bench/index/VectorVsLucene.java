package org.verisimdb.bench.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.verisimdb.bench.durable.Args;
import org.verisimdb.bench.durable.JsonLine;
import org.verisimdb.bench.durable.WorkDir;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.index.vector.VectorFields;
import org.verisimdb.index.vector.VectorHit;
import org.verisimdb.index.vector.VectorSearch;

/**
 * k-NN search through VeriSimDB's vector index against plain Lucene on the same vectors with the
 * same HNSW parameters: queries per second and recall@k of each, at each candidate count (the
 * graph walk's ef; Lucene's k). Both indexes are built in the same run: ours by applying octads to
 * an {@link OctadIndex}, Lucene's with its own {@code IndexWriter} (64 MB buffer, both), and both
 * committed to disk, after a warm-up build of each on 10,000 of the vectors. Ours re-ranks the candidates by exact double-precision similarity and
 * returns octad ids; Lucene returns its top k documents by float score. A third side times a plain
 * Lucene query on our index, which has the same graphs and segments as ours: the ratio to it is
 * our search's own cost, apart from how the two indexes were segmented. Timed queries rotate
 * among the three, one thread, after a warm-up pass; recall is measured against brute force.
 *
 * <pre>
 * java … -cp verisim-bench/target/benchmarks.jar org.verisimdb.bench.index.VectorVsLucene [--octads 100000] [--data clustered] …
 * </pre>
 * Prints a table, then one JSON line. Not thread-safe; a main.
 */
public final class VectorVsLucene {
  private VectorVsLucene() {}

  /**
   * One candidate count's figures: ours, plain Lucene on its own index, and a plain Lucene query
   * on our index (the same graphs and segments, so the difference from ours is our search's own cost).
   */
  record Row(int candidates, double oursRecall, double luceneRecall, Timing ours, Timing lucene, Timing luceneOnOurs) {
    double ratio() {
      return ours.meanMicros() / lucene.meanMicros();
    }

    double medianRatio() {
      return ours.p50Micros() / lucene.p50Micros();
    }

    double sameIndexRatio() {
      return ours.meanMicros() / luceneOnOurs.meanMicros();
    }
  }

  /** Latencies of one side, in microseconds. */
  record Timing(double meanMicros, double p50Micros, double p99Micros) {
    static Timing of(long[] nanos) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      double mean = Arrays.stream(sorted).average().orElse(Double.NaN) / 1e3;
      return new Timing(mean, sorted[sorted.length / 2] / 1e3, sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e3);
    }

    double qps() {
      return 1e6 / meanMicros;
    }
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args("""
        VectorVsLucene: k-NN queries per second and recall@k of VeriSimDB's vector index against plain Lucene with the same
        HNSW parameters (default settings: cosine, M 16, beam 100), on the same seeded vectors, at several candidate counts.

        usage: VectorVsLucene [options]""")
        .option("octads", "100000", "vectors indexed")
        .option("dimension", "384", "vector dimension")
        .option("data", "clustered", "gaussian (independent components, the hardest case) or clustered (50 centres)")
        .option("queries", "1000", "timed queries per candidate count (new vectors from the same distribution)")
        .option("truth", "200", "queries whose recall is measured against brute force")
        .option("candidates", "50,100,200,300,500,800", "candidate counts (HNSW ef) to measure")
        .option("k", "10", "neighbours per query")
        .option("seed", "42", "seed of the vectors and queries")
        .option("dir", System.getProperty("java.io.tmpdir"), "directory in which both indexes are built (and deleted)");
    Args.run(argv, args, VectorVsLucene::run);
  }

  private static void run(Args args) throws Exception {
    int octads = (int) args.integer("octads", 100, 10_000_000);
    int dimension = (int) args.integer("dimension", 1, 4096);
    String data = args.oneOf("data", List.of("gaussian", "clustered"));
    int queryCount = (int) args.integer("queries", 10, 1_000_000);
    int truthCount = (int) args.integer("truth", 1, 100_000);
    List<Integer> candidateCounts = args.integers("candidates", 1, VectorSearch.MAX_CANDIDATES);
    int k = (int) args.integer("k", 1, 10_000);
    long seed = args.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
    Path parent = args.directory("dir");
    IndexSettings settings = IndexSettings.defaults().withDimension(dimension);

    SplittableRandom random = new SplittableRandom(seed);
    float[][] centres = VectorBenchData.centres(random, dimension);
    float[][] vectors = VectorBenchData.vectors(data, random, octads, dimension, centres);
    float[][] queries = VectorBenchData.vectors(data, random, Math.max(queryCount, truthCount), dimension, centres);
    Path root = Files.createTempDirectory(parent, "verisim-vector-");
    Thread cleanup = Thread.ofPlatform().name("vector-bench-cleanup").unstarted(() -> WorkDir.delete(root));
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      warmUp(root, settings, Arrays.copyOf(vectors, Math.min(octads, 10_000)));
      System.err.printf("building ours: %,d x %d %s vectors in %s%n", octads, dimension, data, root);
      long t0 = System.nanoTime();
      try (OctadIndex ours = OctadIndex.open(root.resolve("ours"), settings)) {
        VectorBenchData.loadOurs(ours, vectors);
        double oursBuild = (System.nanoTime() - t0) / 1e9;
        System.err.printf("built ours in %.1f s; building Lucene's%n", oursBuild);
        t0 = System.nanoTime();
        try (DirectoryReader raw = VectorBenchData.loadRaw(root.resolve("lucene"), settings, vectors); IndexView view = ours.view()) {
          double luceneBuild = (System.nanoTime() - t0) / 1e9;
          System.err.printf("built Lucene's in %.1f s; computing the exact neighbours of %d queries%n", luceneBuild, truthCount);
          int[][] truth = new int[truthCount][];
          for (int q = 0; q < truthCount; q++) {
            truth[q] = VectorBenchData.nearest(vectors, queries[q], k, settings.metric());
          }
          IndexSearcher lucene = new IndexSearcher(raw);
          List<Row> rows = new ArrayList<>();
          for (int c : candidateCounts) {
            System.err.printf("candidates %d%n", c);
            rows.add(measure(view, lucene, queries, queryCount, truth, k, c));
          }
          report(args, settings, octads, data, k, queryCount, truthCount, oursBuild, luceneBuild, view, raw, ours, root, rows);
        }
      }
    } finally {
      Runtime.getRuntime().removeShutdownHook(cleanup);
      WorkDir.delete(root);
    }
  }

  /** Builds both kinds of index once on a few vectors and drops them, so neither timed build pays for compiling the other's code. */
  private static void warmUp(Path root, IndexSettings settings, float[][] vectors) throws IOException {
    System.err.printf("warm-up: building both indexes on %,d vectors%n", vectors.length);
    try (OctadIndex ours = OctadIndex.open(root.resolve("warm-ours"), settings)) {
      VectorBenchData.loadOurs(ours, vectors);
    }
    VectorBenchData.loadRaw(root.resolve("warm-lucene"), settings, vectors).close();
    WorkDir.delete(root.resolve("warm-ours"));
    WorkDir.delete(root.resolve("warm-lucene"));
  }

  private static Row measure(IndexView view, IndexSearcher lucene, float[][] queries, int queryCount, int[][] truth, int k, int c)
      throws IOException {
    VectorSearch ours = VectorSearch.on(view).withCandidates(c);
    double oursRecall = 0;
    double luceneRecall = 0;
    for (int q = 0; q < truth.length; q++) {
      oursRecall += VectorBenchData.recall(truth[q], numbers(ours.nearest(queries[q], k, null, null, null).hits()));
      luceneRecall += VectorBenchData.recall(truth[q], numbers(lucene, luceneSearch(lucene, VectorBenchData.RAW_FIELD, queries[q], k, c)));
    }
    long[][] nanos = new long[3][queryCount];
    IndexSearcher oursRaw = view.searcher();
    long sink = 0;
    for (int pass = 0; pass < 2; pass++) { // the first pass warms up, the second is timed
      for (int q = 0; q < queryCount; q++) {
        for (int turn = 0; turn < 3; turn++) {
          int side = (q + turn) % 3; // each side goes first, second and third equally often
          long start = System.nanoTime();
          sink += switch (side) {
            case 0 -> ours.nearest(queries[q], k, null, null, null).hits().size();
            case 1 -> luceneSearch(lucene, VectorBenchData.RAW_FIELD, queries[q], k, c).scoreDocs.length;
            default -> luceneSearch(oursRaw, VectorFields.VECTOR, queries[q], k, c).scoreDocs.length;
          };
          nanos[side][q] = System.nanoTime() - start;
        }
      }
    }
    if (sink != 6L * queryCount * k) {
      throw new IllegalStateException("a search returned fewer than " + k + " hits");
    }
    return new Row(c, oursRecall / truth.length, luceneRecall / truth.length, Timing.of(nanos[0]), Timing.of(nanos[1]),
        Timing.of(nanos[2]));
  }

  private static TopDocs luceneSearch(IndexSearcher searcher, String field, float[] query, int k, int candidates) throws IOException {
    return searcher.search(new KnnFloatVectorQuery(field, query, candidates), k);
  }

  private static int[] numbers(List<VectorHit> hits) {
    return hits.stream().mapToInt(h -> Integer.parseInt(h.id().value().substring(1))).toArray();
  }

  private static int[] numbers(IndexSearcher searcher, TopDocs top) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int[] out = new int[top.scoreDocs.length];
    for (int i = 0; i < out.length; i++) {
      ScoreDoc hit = top.scoreDocs[i];
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
      NumericDocValues numbers = leaf.reader().getNumericDocValues(VectorBenchData.RAW_NUMBER);
      if (!numbers.advanceExact(hit.doc - leaf.docBase)) {
        throw new IllegalStateException("document " + hit.doc + " has no number");
      }
      out[i] = (int) numbers.longValue();
    }
    return out;
  }

  private static void report(Args args, IndexSettings settings, int octads, String data, int k, int queryCount, int truthCount,
      double oursBuild, double luceneBuild, IndexView view, DirectoryReader raw, OctadIndex ours, Path root, List<Row> rows)
      throws IOException {
    int cores = Runtime.getRuntime().availableProcessors();
    String jdk = System.getProperty("java.vm.vendor") + " " + Runtime.version();
    System.out.printf(Locale.ROOT, "%,d x %d %s vectors, cosine, M %d, beam %d, k %d; %d timed queries, recall over %d; %d cores, %d MiB heap, JDK %s%n",
        octads, settings.dimension(), data, settings.hnswM(), settings.hnswBeamWidth(), k, queryCount, truthCount, cores,
        Runtime.getRuntime().maxMemory() >> 20, jdk);
    System.out.printf(Locale.ROOT, "build: ours %.1f s (%d segments, %,d MB), Lucene %.1f s (%d segments, %,d MB)%n", oursBuild,
        view.searcher().getIndexReader().leaves().size(), ours.stats().bytes() / 1_000_000, luceneBuild, raw.leaves().size(),
        bytes(root.resolve("lucene")) / 1_000_000);
    System.out.printf(Locale.ROOT, "%10s %8s %8s %8s %8s %8s %8s %8s %8s %8s %7s %7s %7s%n", "candidates", "recall", "qps", "p50 µs",
        "p99 µs", "L recall", "L qps", "L p50 µs", "L p99 µs", "LO p50µs", "mean÷L", "p50÷L", "÷LO");
    Row chosen = null;
    List<Map<String, Object>> json = new ArrayList<>();
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "%10d %8.4f %8.0f %8.0f %8.0f %8.4f %8.0f %8.0f %8.0f %8.0f %7.2f %7.2f %7.2f%n", r.candidates(),
          r.oursRecall(), r.ours().qps(), r.ours().p50Micros(), r.ours().p99Micros(), r.luceneRecall(), r.lucene().qps(),
          r.lucene().p50Micros(), r.lucene().p99Micros(), r.luceneOnOurs().p50Micros(), r.ratio(), r.medianRatio(), r.sameIndexRatio());
      if (chosen == null && r.oursRecall() >= 0.95 && r.luceneRecall() >= 0.95) {
        chosen = r;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("candidates", r.candidates());
      row.put("recall", r.oursRecall());
      row.put("qps", r.ours().qps());
      row.put("mean_us", r.ours().meanMicros());
      row.put("p50_us", r.ours().p50Micros());
      row.put("p99_us", r.ours().p99Micros());
      row.put("lucene_recall", r.luceneRecall());
      row.put("lucene_qps", r.lucene().qps());
      row.put("lucene_mean_us", r.lucene().meanMicros());
      row.put("lucene_p50_us", r.lucene().p50Micros());
      row.put("lucene_p99_us", r.lucene().p99Micros());
      row.put("lucene_on_ours_mean_us", r.luceneOnOurs().meanMicros());
      row.put("lucene_on_ours_p50_us", r.luceneOnOurs().p50Micros());
      row.put("latency_ratio", r.ratio());
      row.put("median_latency_ratio", r.medianRatio());
      row.put("same_index_latency_ratio", r.sameIndexRatio());
      json.add(row);
    }
    System.out.println("L: plain Lucene on its own index; LO: a plain Lucene query on our index; ratios of mean (or p50) latencies");
    System.out.println(chosen == null ? "no candidate count reached recall 0.95 on both sides; try larger --candidates"
        : String.format(Locale.ROOT, "at recall >= 0.95 (candidates %d): ours %.0f qps, Lucene %.0f qps; latency ratio %.2f mean, %.2f p50"
            + " (target <= 1.25); %.2f against a Lucene query on our index", chosen.candidates(), chosen.ours().qps(), chosen.lucene().qps(),
            chosen.ratio(), chosen.medianRatio(), chosen.sameIndexRatio()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "vector_vs_lucene");
    out.put("octads", octads);
    out.put("dimension", settings.dimension());
    out.put("data", data);
    out.put("seed", args.string("seed"));
    out.put("k", k);
    out.put("hnsw_m", settings.hnswM());
    out.put("hnsw_beam_width", settings.hnswBeamWidth());
    out.put("build_s", oursBuild);
    out.put("lucene_build_s", luceneBuild);
    out.put("chosen_candidates", chosen == null ? null : chosen.candidates());
    out.put("latency_ratio", chosen == null ? null : chosen.ratio());
    out.put("median_latency_ratio", chosen == null ? null : chosen.medianRatio());
    out.put("same_index_latency_ratio", chosen == null ? null : chosen.sameIndexRatio());
    out.put("available_processors", cores);
    out.put("jdk", jdk);
    out.put("rows", json);
    System.out.println(JsonLine.of(out));
  }

  /** The bytes of the files in a directory. */
  private static long bytes(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      long bytes = 0;
      for (Path p : files.toList()) {
        bytes += Files.size(p);
      }
      return bytes;
    }
  }
}
