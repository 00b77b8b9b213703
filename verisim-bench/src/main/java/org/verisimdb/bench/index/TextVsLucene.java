package org.verisimdb.bench.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.verisimdb.bench.durable.Args;
import org.verisimdb.bench.durable.JsonLine;
import org.verisimdb.bench.durable.WorkDir;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexChange;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.index.text.TextHit;
import org.verisimdb.index.text.TextQuery;
import org.verisimdb.index.text.TextSearch;
import org.verisimdb.index.text.VqlAnalyzer;
import org.verisimdb.index.vector.VectorCodec;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.TemporalFacet;

/**
 * Top-k full-text latency of the DOCUMENT index ({@link TextSearch} over {@link OctadIndex})
 * against raw Lucene on the same generated documents ({@link TextCorpus}: a title of 4 to 10 and
 * a body of 40 to 200 Zipf-distributed words). Both indexes are built on disk in the same run:
 * ours from octads applied in commits of 1,000, the raw one by an {@link IndexWriter} with the
 * same analyzer and equivalent fields (id keyword and doc value, title, body, and the title and
 * body together as the searched text); both are then merged to {@code --segments} (1) segments, so
 * the layout is the same on both sides. Then the same queries run against both, interleaved: one
 * word (VQL CONTAINS 'w') and two different words (both must match), each word of a log-uniform
 * frequency rank below 5,000. Each query's latency is measured alone; the table gives p50 and p99 in µs and
 * the ratio ours/raw (the target is at most 1.25), and "agree" is the share of queries whose top
 * k (ids and scores) are the same in both. Prints a table, then one JSON line. Not thread-safe; a main.
 *
 * <pre>
 * java … -cp verisim-bench/target/benchmarks.jar org.verisimdb.bench.index.TextVsLucene [--docs 100000] [--queries 2000] …
 * </pre>
 */
public final class TextVsLucene {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final int BATCH = 1000;

  private TextVsLucene() {}

  private record Doc(String id, String title, String body) {}

  /** Latencies of one kind of query, both sides, in nanoseconds. */
  private record Measured(String kind, long[] ours, long[] raw, int agree) {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args("""
        TextVsLucene: top-k full-text latency of the DOCUMENT index against raw Lucene on the same generated documents,
        both built on disk in this run, queried with the same one-word and two-word queries, interleaved.
        Prints a table and one JSON line.

        usage: TextVsLucene [options]""")
        .option("docs", "100000", "documents in each index")
        .option("vocabulary", "50000", "distinct words of the generated text")
        .option("queries", "2000", "measured queries of each kind")
        .option("warmup", "2000", "queries of each kind run first and not counted")
        .option("k", "10", "hits per query")
        .option("segments", "1", "merge both indexes down to this many segments before searching (0: leave them as built)")
        .option("seed", "42", "seed of the text and the queries")
        .option("dir", System.getProperty("java.io.tmpdir"), "directory to work in (a subdirectory is created and deleted)");
    Args.run(argv, args, TextVsLucene::run);
  }

  private static void run(Args args) throws Exception {
    int docs = (int) args.integer("docs", 1, 10_000_000);
    int vocabulary = (int) args.integer("vocabulary", 5000, 10_000_000);
    int queries = (int) args.integer("queries", 1, 10_000_000);
    int warmup = (int) args.integer("warmup", 0, 10_000_000);
    int k = (int) args.integer("k", 1, 10_000);
    int segments = (int) args.integer("segments", 0, 1000);
    long seed = args.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
    Path work = Files.createTempDirectory(args.directory("dir"), "verisim-text-bench-");
    try {
      TextCorpus corpus = new TextCorpus(vocabulary, seed);
      List<Doc> data = new ArrayList<>(docs);
      for (int i = 0; i < docs; i++) {
        data.add(new Doc(String.format(Locale.ROOT, "t%09d", i), corpus.text(4 + corpus.random().nextInt(7)),
            corpus.text(40 + corpus.random().nextInt(161))));
      }
      System.err.printf("building %,d documents twice in %s%n", docs, work);
      long t = System.nanoTime();
      buildOurs(work.resolve("ours"), data).close();
      double oursSeconds = (System.nanoTime() - t) / 1e9;
      mergeOurs(work.resolve("ours"), segments);
      t = System.nanoTime();
      try (OctadIndex ours = OctadIndex.open(work.resolve("ours"), IndexSettings.defaults());
          FSDirectory rawDir = FSDirectory.open(work.resolve("raw"));
          IndexWriter writer = buildRaw(rawDir, data)) {
        double rawSeconds = (System.nanoTime() - t) / 1e9;
        try (DirectoryReader reader = open(writer, segments); IndexView view = ours.view()) {
          if (view.octads() != docs) {
            throw new IllegalStateException("our index holds " + view.octads() + " octads after merging, not " + docs);
          }
          IndexSearcher raw = new IndexSearcher(reader);
          TextSearch search = new TextSearch(view);
          Random random = new Random(seed + 1);
          List<Measured> results = List.of(measure("term", queries(corpus, random, 1, warmup + queries), warmup, k, search, raw),
              measure("2-term", queries(corpus, random, 2, warmup + queries), warmup, k, search, raw));
          report(results, docs, k, view.searcher().getIndexReader().leaves().size(), reader.leaves().size(), oursSeconds, rawSeconds);
        }
      }
    } finally {
      WorkDir.delete(work);
    }
  }

  /** {@code n} queries of {@code words} different words, each of a log-uniform frequency rank below 5,000. */
  private static List<String> queries(TextCorpus corpus, Random random, int words, int n) {
    List<String> texts = new ArrayList<>(n);
    while (texts.size() < n) {
      java.util.LinkedHashSet<String> q = new java.util.LinkedHashSet<>();
      while (q.size() < words) {
        q.add(corpus.rank((int) Math.exp(random.nextDouble() * Math.log(5000)) - 1));
      }
      texts.add(String.join(" ", q));
    }
    return texts;
  }

  private static OctadIndex buildOurs(Path dir, List<Doc> data) {
    OctadIndex index = OctadIndex.open(dir, IndexSettings.defaults());
    TemporalFacet history = new TemporalFacet(1, T0, T0, null, null, null, 1, null, null);
    long lsn = 0;
    for (int from = 0; from < data.size(); from += BATCH) {
      List<IndexChange> changes = new ArrayList<>(BATCH);
      for (Doc d : data.subList(from, Math.min(data.size(), from + BATCH))) {
        Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
        facets.put(Modality.TEMPORAL, history);
        facets.put(Modality.DOCUMENT, DocumentFacet.of(d.title(), d.body()));
        changes.add(IndexChange.of(new Octad(OctadId.of(d.id()), facets)));
      }
      index.apply(++lsn, changes);
    }
    index.commit();
    return index;
  }

  /**
   * Merges the committed index in {@code dir} down to {@code segments} (0: leave it), keeping its
   * commit data, so that both sides are searched on the same segment layout. Shared with {@link GeoVsLucene}.
   */
  static void mergeOurs(Path dir, int segments) throws java.io.IOException {
    if (segments == 0) {
      return;
    }
    IndexWriterConfig config = new IndexWriterConfig(new VqlAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.APPEND)
        .setCodec(VectorCodec.of(IndexSettings.defaults()));
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, config)) {
      writer.forceMerge(segments);
      writer.commit(); // the opened commit's data (LSN, fingerprint) carries over
    }
  }

  /** A reader of the raw index, merged down to {@code segments} first (0: as built). Shared with {@link GeoVsLucene}. */
  static DirectoryReader open(IndexWriter writer, int segments) throws java.io.IOException {
    if (segments > 0) {
      writer.forceMerge(segments);
      writer.commit();
    }
    return DirectoryReader.open(writer);
  }

  private static IndexWriter buildRaw(FSDirectory dir, List<Doc> data) throws Exception {
    IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new VqlAnalyzer()).setRAMBufferSizeMB(64));
    for (Doc d : data) {
      Document doc = new Document();
      doc.add(new StringField("id", d.id(), Field.Store.NO));
      doc.add(new SortedDocValuesField("id", new BytesRef(d.id())));
      doc.add(new TextField("title", d.title(), Field.Store.NO));
      doc.add(new TextField("body", d.body(), Field.Store.NO));
      doc.add(new TextField("all", d.title() + " " + d.body(), Field.Store.NO));
      writer.addDocument(doc);
    }
    writer.commit();
    return writer;
  }

  private static Measured measure(String kind, List<String> texts, int warmup, int k, TextSearch search, IndexSearcher raw) throws Exception {
    long[] ours = new long[texts.size() - warmup];
    long[] lucene = new long[ours.length];
    long sink = 0;
    int agree = 0;
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      long a;
      long b;
      List<TextHit> mine;
      TopDocs theirs;
      // Alternate which side goes first, so neither always finds the caches warm.
      if (i % 2 == 0) {
        a = System.nanoTime();
        mine = search.search(TextQuery.allTerms(text), null, k);
        b = System.nanoTime();
        theirs = raw.search(rawQuery(text), k);
        long c = System.nanoTime();
        record(ours, lucene, i - warmup, b - a, c - b);
      } else {
        a = System.nanoTime();
        theirs = raw.search(rawQuery(text), k);
        b = System.nanoTime();
        mine = search.search(TextQuery.allTerms(text), null, k);
        long c = System.nanoTime();
        record(ours, lucene, i - warmup, c - b, b - a);
      }
      sink += mine.size() + theirs.scoreDocs.length;
      if (i >= warmup && same(mine, theirs, raw)) {
        agree++;
      }
    }
    if (sink < 0) {
      throw new IllegalStateException("unreachable");
    }
    return new Measured(kind, ours, lucene, agree);
  }

  private static void record(long[] ours, long[] raw, int at, long oursNanos, long rawNanos) {
    if (at >= 0) {
      ours[at] = oursNanos;
      raw[at] = rawNanos;
    }
  }

  private static Query rawQuery(String text) {
    String[] words = text.split(" ");
    if (words.length == 1) {
      return new TermQuery(new Term("all", words[0]));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String w : words) {
      b.add(new TermQuery(new Term("all", w)), BooleanClause.Occur.MUST);
    }
    return b.build();
  }

  private static boolean same(List<TextHit> mine, TopDocs theirs, IndexSearcher raw) throws Exception {
    if (mine.size() != theirs.scoreDocs.length) {
      return false;
    }
    List<LeafReaderContext> leaves = raw.getIndexReader().leaves();
    for (int i = 0; i < mine.size(); i++) {
      ScoreDoc sd = theirs.scoreDocs[i];
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      SortedDocValues ids = leaf.reader().getSortedDocValues("id");
      ids.advanceExact(sd.doc - leaf.docBase);
      if (!ids.lookupOrd(ids.ordValue()).utf8ToString().equals(mine.get(i).id().value()) || sd.score != mine.get(i).score()) {
        return false;
      }
    }
    return true;
  }

  private static void report(List<Measured> results, int docs, int k, int oursSegments, int rawSegments, double oursSeconds, double rawSeconds) {
    System.out.printf(Locale.ROOT, "%,d documents, top %d; segments ours %d, raw %d; build ours %.1f s, raw %.1f s%n", docs, k, oursSegments,
        rawSegments, oursSeconds, rawSeconds);
    LatencyComparison.printHeader(null);
    List<Map<String, Object>> json = new ArrayList<>();
    for (Measured m : results) {
      json.add(LatencyComparison.row(m.kind(), m.ours(), m.raw(), (double) m.agree() / m.ours().length, null, 0));
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("benchmark", "text_vs_lucene");
    line.put("docs", docs);
    line.put("k", k);
    LatencyComparison.describe(line, oursSegments, rawSegments, oursSeconds, rawSeconds);
    line.put("results", json);
    System.out.println(JsonLine.of(line));
  }

}
