package org.verisimdb.bench.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.verisimdb.bench.durable.Args;
import org.verisimdb.bench.durable.JsonLine;
import org.verisimdb.bench.durable.WorkDir;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.geo.GeoHit;
import org.verisimdb.index.geo.GeoSearch;
import org.verisimdb.index.lucene.IndexChange;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TemporalFacet;

/**
 * Spatial search latency of the SPATIAL index ({@link GeoSearch} over {@link OctadIndex}) against
 * raw Lucene on the same generated points: 70% scattered around 50 random towns (normal, σ 0.3°),
 * 30% uniform over latitudes -60 to 70. Both indexes are built on disk in the same run: ours from
 * octads applied in commits of 1,000, the raw one by an {@link IndexWriter} with a
 * {@link LatLonPoint}, a {@link LatLonDocValuesField} and the id; both are then merged to
 * {@code --segments} (1) segments. The same queries then run
 * against both, interleaved: {@code radius} (5 to 50 km around a point near a town, the nearest
 * {@code --limit} by distance; raw: distance query sorted by distance) and {@code nearest} (k = 10;
 * raw: {@link LatLonPoint#nearest}). Ours decides on exact stored coordinates with VQL's sphere
 * and tie order; "agree" is the share of queries whose hit sets are the same on both sides.
 * Prints a table with p50 and p99 in µs and the ratio ours/raw (the target is at most 1.25), then
 * one JSON line. Not thread-safe; a main.
 *
 * <pre>
 * java … -cp verisim-bench/target/benchmarks.jar org.verisimdb.bench.index.GeoVsLucene [--points 100000] [--queries 2000] …
 * </pre>
 */
public final class GeoVsLucene {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final int BATCH = 1000;
  private static final int TOWNS = 50;

  private GeoVsLucene() {}

  private record Place(String id, double lat, double lon) {}

  private record Measured(String kind, long[] ours, long[] raw, int agree, long hits) {}

  /** A radius query: centre, radius in km. */
  private record Circle(double lat, double lon, double km) {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args("""
        GeoVsLucene: spatial search latency of the SPATIAL index against raw Lucene on the same generated points, both
        built on disk in this run, queried with the same radius and nearest searches, interleaved.
        Prints a table and one JSON line.

        usage: GeoVsLucene [options]""")
        .option("points", "100000", "points in each index")
        .option("queries", "2000", "measured queries of each kind")
        .option("warmup", "2000", "queries of each kind run first and not counted")
        .option("limit", "100", "most hits of a radius search")
        .option("segments", "1", "merge both indexes down to this many segments before searching (0: leave them as built)")
        .option("seed", "42", "seed of the points and the queries")
        .option("dir", System.getProperty("java.io.tmpdir"), "directory to work in (a subdirectory is created and deleted)");
    Args.run(argv, args, GeoVsLucene::run);
  }

  private static void run(Args args) throws Exception {
    int points = (int) args.integer("points", 1, 10_000_000);
    int queries = (int) args.integer("queries", 1, 10_000_000);
    int warmup = (int) args.integer("warmup", 0, 10_000_000);
    int limit = (int) args.integer("limit", 1, 100_000);
    int segments = (int) args.integer("segments", 0, 1000);
    long seed = args.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
    Path work = Files.createTempDirectory(args.directory("dir"), "verisim-geo-bench-");
    try {
      Random random = new Random(seed);
      double[][] towns = new double[TOWNS][];
      for (int t = 0; t < TOWNS; t++) {
        towns[t] = new double[] {-55 + 125 * random.nextDouble(), -180 + 360 * random.nextDouble()};
      }
      List<Place> data = new ArrayList<>(points);
      for (int i = 0; i < points; i++) {
        double[] p = random.nextInt(10) < 7 ? near(towns[random.nextInt(TOWNS)], 0.3, random)
            : new double[] {-60 + 130 * random.nextDouble(), -180 + 360 * random.nextDouble()};
        data.add(new Place(String.format(Locale.ROOT, "g%09d", i), p[0], p[1]));
      }
      System.err.printf("building %,d points twice in %s%n", points, work);
      long t = System.nanoTime();
      buildOurs(work.resolve("ours"), data).close();
      double oursSeconds = (System.nanoTime() - t) / 1e9;
      TextVsLucene.mergeOurs(work.resolve("ours"), segments);
      t = System.nanoTime();
      try (OctadIndex ours = OctadIndex.open(work.resolve("ours"), IndexSettings.defaults());
          FSDirectory rawDir = FSDirectory.open(work.resolve("raw"));
          IndexWriter writer = buildRaw(rawDir, data)) {
        double rawSeconds = (System.nanoTime() - t) / 1e9;
        try (DirectoryReader reader = TextVsLucene.open(writer, segments); IndexView view = ours.view()) {
          if (view.octads() != points) {
            throw new IllegalStateException("our index holds " + view.octads() + " octads after merging, not " + points);
          }
          IndexSearcher raw = new IndexSearcher(reader);
          GeoSearch search = new GeoSearch(view);
          List<Circle> circles = new ArrayList<>();
          for (int i = 0; i < warmup + queries; i++) {
            double[] c = near(towns[random.nextInt(TOWNS)], 0.5, random);
            circles.add(new Circle(c[0], c[1], 5 + 45 * random.nextDouble()));
          }
          List<Measured> results = List.of(measure("radius", circles, warmup, limit, search, raw),
              measure("nearest", circles, warmup, 10, search, raw));
          report(results, points, limit, view.searcher().getIndexReader().leaves().size(), reader.leaves().size(), oursSeconds, rawSeconds);
        }
      }
    } finally {
      WorkDir.delete(work);
    }
  }

  private static double[] near(double[] town, double sigma, Random random) {
    double lat = Math.clamp(town[0] + sigma * random.nextGaussian(), -90, 90);
    double lon = town[1] + sigma * random.nextGaussian();
    lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
    return new double[] {lat, lon};
  }

  private static OctadIndex buildOurs(Path dir, List<Place> data) {
    OctadIndex index = OctadIndex.open(dir, IndexSettings.defaults());
    TemporalFacet history = new TemporalFacet(1, T0, T0, null, null, null, 1, null, null);
    long lsn = 0;
    for (int from = 0; from < data.size(); from += BATCH) {
      List<IndexChange> changes = new ArrayList<>(BATCH);
      for (Place p : data.subList(from, Math.min(data.size(), from + BATCH))) {
        Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
        facets.put(Modality.TEMPORAL, history);
        facets.put(Modality.SPATIAL, SpatialFacet.point(p.lat(), p.lon()));
        changes.add(IndexChange.of(new Octad(OctadId.of(p.id()), facets)));
      }
      index.apply(++lsn, changes);
    }
    index.commit();
    return index;
  }

  private static IndexWriter buildRaw(FSDirectory dir, List<Place> data) throws Exception {
    IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setRAMBufferSizeMB(64));
    for (Place p : data) {
      Document doc = new Document();
      doc.add(new StringField("id", p.id(), Field.Store.NO));
      doc.add(new SortedDocValuesField("id", new BytesRef(p.id())));
      doc.add(new LatLonPoint("p", p.lat(), p.lon()));
      doc.add(new LatLonDocValuesField("p", p.lat(), p.lon()));
      writer.addDocument(doc);
    }
    writer.commit();
    return writer;
  }

  private static Measured measure(String kind, List<Circle> circles, int warmup, int n, GeoSearch search, IndexSearcher raw) throws Exception {
    long[] ours = new long[circles.size() - warmup];
    long[] lucene = new long[ours.length];
    int agree = 0;
    long hits = 0;
    for (int i = 0; i < circles.size(); i++) {
      Circle c = circles.get(i);
      List<GeoHit> mine = null;
      TopDocs theirs = null;
      long oursNanos = 0;
      long rawNanos = 0;
      // Alternate which side goes first, so neither always finds the caches warm.
      for (int side = 0; side < 2; side++) {
        long a = System.nanoTime();
        if ((side == 0) == (i % 2 == 0)) {
          mine = kind.equals("radius") ? search.radius(c.lat(), c.lon(), c.km(), null, n) : search.nearest(c.lat(), c.lon(), n, null);
          oursNanos = System.nanoTime() - a;
        } else {
          theirs = kind.equals("radius")
              ? raw.search(LatLonPoint.newDistanceQuery("p", c.lat(), c.lon(), c.km() * 1000), n, new Sort(LatLonDocValuesField.newDistanceSort("p", c.lat(), c.lon())))
              : LatLonPoint.nearest(raw, "p", c.lat(), c.lon(), n);
          rawNanos = System.nanoTime() - a;
        }
      }
      if (i >= warmup) {
        ours[i - warmup] = oursNanos;
        lucene[i - warmup] = rawNanos;
        hits += mine.size();
        if (sameSet(mine, theirs, raw)) {
          agree++;
        }
      }
    }
    return new Measured(kind, ours, lucene, agree, hits);
  }

  private static boolean sameSet(List<GeoHit> mine, TopDocs theirs, IndexSearcher raw) throws Exception {
    Set<String> a = new HashSet<>();
    mine.forEach(h -> a.add(h.id().value()));
    Set<String> b = new HashSet<>();
    List<LeafReaderContext> leaves = raw.getIndexReader().leaves();
    for (ScoreDoc sd : theirs.scoreDocs) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      SortedDocValues ids = leaf.reader().getSortedDocValues("id");
      ids.advanceExact(sd.doc - leaf.docBase);
      b.add(ids.lookupOrd(ids.ordValue()).utf8ToString());
    }
    return a.equals(b);
  }

  private static void report(List<Measured> results, int points, int limit, int oursSegments, int rawSegments, double oursSeconds,
      double rawSeconds) {
    System.out.printf(Locale.ROOT, "%,d points, radius limit %d; segments ours %d, raw %d; build ours %.1f s, raw %.1f s%n", points, limit,
        oursSegments, rawSegments, oursSeconds, rawSeconds);
    LatencyComparison.printHeader("hits/q");
    List<Map<String, Object>> json = new ArrayList<>();
    for (Measured m : results) {
      json.add(LatencyComparison.row(m.kind(), m.ours(), m.raw(), (double) m.agree() / m.ours().length, "hits_per_query",
          (double) m.hits() / m.ours().length));
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("benchmark", "geo_vs_lucene");
    line.put("points", points);
    line.put("limit", limit);
    LatencyComparison.describe(line, oursSegments, rawSegments, oursSeconds, rawSeconds);
    line.put("results", json);
    System.out.println(JsonLine.of(line));
  }
}
