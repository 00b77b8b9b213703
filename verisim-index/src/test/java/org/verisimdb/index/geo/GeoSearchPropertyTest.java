package org.verisimdb.index.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.text.TextFields;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.SpatialFacet;

/**
 * Random places (spread over the globe, crowded at the antimeridian and the poles, on a grid,
 * repeated) and random radius, box, polygon and nearest searches, checked against a linear scan
 * of the same places through updates and deletes. Radii are often exactly the distance of a place
 * (it must be found) or one ulp less (it must not); boxes and polygons have grid corners, so grid
 * places lie on their edges. Replay a failure with {@code -Dtests.seed=<seed>}.
 */
class GeoSearchPropertyTest {
  private final long seed = Long.getLong("tests.seed", System.nanoTime());
  private final Random random = new Random(seed);

  /** A live octad with a spatial modality as the reference sees it; kind is its document's "kind" field, or null. */
  private record Place(String id, double lat, double lon, String kind) {}

  private final Map<String, Place> live = new TreeMap<>();

  @Test
  void searchesEqualALinearScanThroughUpdatesAndDeletes() {
    int polygons = 0;
    try (GeoFixture f = new GeoFixture()) {
      for (int round = 0; round < 3; round++) {
        List<Octad> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          batch.add(randomOctad("p" + random.nextInt(500)));
        }
        f.put(batch.toArray(Octad[]::new));
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
          gone.add("p" + random.nextInt(500));
        }
        f.delete(gone.toArray(String[]::new));
        gone.forEach(live::remove);
        try (IndexView view = f.index.view()) {
          GeoSearch search = new GeoSearch(view);
          for (int q = 0; q < 120; q++) {
            String where = "seed=" + seed + " round=" + round + " query#" + q;
            checkRadius(search, where);
            checkBox(search, where);
            checkNearest(search, where);
            polygons += checkPolygon(search, where) ? 1 : 0;
          }
        }
      }
    }
    assertThat(polygons).as("seed=%d: valid random polygons", seed).isGreaterThan(100);
  }

  // ---- checks

  private void checkRadius(GeoSearch search, String where) {
    double[] c = centre();
    double km;
    List<Place> places = new ArrayList<>(live.values());
    if (!places.isEmpty() && random.nextInt(3) > 0) {
      Place on = places.get(random.nextInt(places.size()));
      km = GeoDistance.km(c[0], c[1], on.lat(), on.lon()); // exactly on the circle
      if (random.nextBoolean()) {
        km = Math.max(0, Math.nextDown(km));
      }
    } else {
      km = switch (random.nextInt(4)) {
        case 0 -> 0;
        case 1 -> random.nextDouble() * 50;
        case 2 -> random.nextDouble() * 3000;
        default -> random.nextDouble() * 21000;
      };
    }
    Query filter = filter();
    int limit = random.nextBoolean() ? 10_000 : 1 + random.nextInt(30);
    double radius = km;
    List<GeoHit> expected = byDistance(c, filter, limit, d -> d <= radius);
    assertThat(search.radius(c[0], c[1], km, filter, limit)).as("%s radius(%s, %s, %s km) filter=%s limit=%d", where, c[0], c[1], km, filter, limit)
        .isEqualTo(expected);
  }

  private void checkNearest(GeoSearch search, String where) {
    double[] c = centre();
    int k = 1 + random.nextInt(25);
    Query filter = filter();
    assertThat(search.nearest(c[0], c[1], k, filter)).as("%s nearest(%s, %s, k=%d) filter=%s", where, c[0], c[1], k, filter)
        .isEqualTo(byDistance(c, filter, k, d -> true));
  }

  private void checkBox(GeoSearch search, String where) {
    double minLat;
    double maxLat;
    double minLon;
    double maxLon;
    if (random.nextBoolean()) { // grid edges in the grid region
      minLat = 58 + 0.5 * random.nextInt(12);
      maxLat = minLat + 0.5 * random.nextInt(6);
      minLon = 8 + 0.5 * random.nextInt(12);
      maxLon = minLon + 0.5 * random.nextInt(6);
    } else {
      minLat = -90 + 180 * random.nextDouble();
      maxLat = minLat + (90 - minLat) * random.nextDouble();
      minLon = random.nextInt(5) == 0 ? 180 - 3 * random.nextDouble() : -180 + 360 * random.nextDouble();
      maxLon = random.nextInt(5) == 0 ? -180 + 3 * random.nextDouble() : -180 + 360 * random.nextDouble();
      if (random.nextInt(6) == 0) {
        maxLon = random.nextBoolean() ? 180 : -180;
      }
    }
    Query filter = filter();
    List<OctadId> expected = new ArrayList<>();
    for (Place p : live.values()) {
      boolean lonIn = minLon <= maxLon ? p.lon() >= minLon && p.lon() <= maxLon : p.lon() >= minLon || p.lon() <= maxLon;
      if (p.lat() >= minLat && p.lat() <= maxLat && lonIn && passes(p, filter)) {
        expected.add(OctadId.of(p.id()));
      }
    }
    assertThat(search.bbox(minLat, minLon, maxLat, maxLon, filter, 10_000))
        .as("%s bbox(%s, %s, %s, %s) filter=%s", where, minLat, minLon, maxLat, maxLon, filter).isEqualTo(expected);
  }

  /** False when the random polygon was invalid (the search then must refuse it). */
  private boolean checkPolygon(GeoSearch search, String where) {
    List<List<List<double[]>>> polygons = new ArrayList<>();
    polygons.add(star(11, 61, 2.5));
    if (random.nextInt(3) == 0) {
      polygons.add(star(8.5, 58.5, 0.5)); // small and apart from the first
    }
    String wkt = Reference.wkt(polygons);
    try {
      GeoPolygon.parse(wkt);
    } catch (VeriSimException invalid) {
      return false;
    }
    Query filter = filter();
    List<OctadId> expected = new ArrayList<>();
    for (Place p : live.values()) {
      if (Reference.inside(polygons, p.lat(), p.lon()) && passes(p, filter)) {
        expected.add(OctadId.of(p.id()));
      }
    }
    assertThat(search.polygon(wkt, filter, 10_000)).as("%s polygon %s filter=%s", where, wkt, filter).isEqualTo(expected);
    return true;
  }

  // ---- the linear scan

  private List<GeoHit> byDistance(double[] c, Query filter, int limit, java.util.function.DoublePredicate keep) {
    List<GeoHit> hits = new ArrayList<>();
    for (Place p : live.values()) {
      double d = GeoDistance.km(c[0], c[1], p.lat(), p.lon());
      if (keep.test(d) && passes(p, filter)) {
        hits.add(new GeoHit(OctadId.of(p.id()), d));
      }
    }
    hits.sort(Comparator.comparingDouble(GeoHit::distanceKm).thenComparing(GeoHit::id));
    return hits.subList(0, Math.min(limit, hits.size()));
  }

  private static boolean passes(Place p, Query filter) {
    return filter == null || ((TermQuery) filter).getTerm().text().equals(p.kind());
  }

  /** No filter, or places whose document's keyword field "kind" is "a". */
  private Query filter() {
    return random.nextInt(3) == 0 ? new TermQuery(new Term(TextFields.KEYWORD + "kind", "a")) : null;
  }

  // ---- random data

  private Octad randomOctad(String id) {
    if (random.nextInt(10) == 0) {
      live.remove(id);
      return GeoFixture.octad(id, null, DocumentFacet.of(Map.of("kind", "a"))); // a filter match without a place
    }
    SpatialFacet place;
    if (random.nextInt(10) == 0) {
      double[] c = point();
      double lat = Math.max(-89, Math.min(89, c[0]));
      double lon = Math.max(-179, Math.min(179, c[1]));
      place = SpatialFacet.ofWkt("LINESTRING (" + lon + " " + lat + ", " + (lon + 0.5) + " " + (lat + 0.25) + ")");
    } else {
      double[] p = point();
      place = random.nextInt(8) == 0 ? SpatialFacet.point(p[0], p[1], random.nextInt(2000) - 100) : SpatialFacet.point(p[0], p[1]);
    }
    String kind = random.nextInt(4) == 0 ? null : random.nextBoolean() ? "a" : "b";
    live.put(id, new Place(id, place.lat(), place.lon(), kind));
    return GeoFixture.octad(id, place, kind == null ? null : DocumentFacet.of(Map.of("kind", kind)));
  }

  private double[] point() {
    int pick = random.nextInt(20);
    if (pick < 6) {
      return new double[] {-90 + 180 * random.nextDouble(), -180 + 360 * random.nextDouble()};
    } else if (pick < 10) {
      return new double[] {-60 + 120 * random.nextDouble(), (random.nextBoolean() ? 1 : -1) * (180 - 2 * random.nextDouble())};
    } else if (pick < 12) {
      return new double[] {(random.nextBoolean() ? 1 : -1) * (90 - 3 * random.nextDouble()), -180 + 360 * random.nextDouble()};
    } else if (pick < 17) {
      return new double[] {57.5 + 0.5 * random.nextInt(15), 7.5 + 0.5 * random.nextInt(15)}; // the grid region
    } else if (pick < 18) {
      double[] lats = {90, -90, 0};
      double[] lons = {180, -180, 0};
      return new double[] {lats[random.nextInt(3)], lons[random.nextInt(3)]};
    } else if (!live.isEmpty()) {
      List<Place> places = new ArrayList<>(live.values());
      Place p = places.get(random.nextInt(places.size()));
      return new double[] {p.lat(), p.lon()}; // a tie
    }
    return new double[] {0, 0};
  }

  private double[] centre() {
    List<Place> places = new ArrayList<>(live.values());
    if (!places.isEmpty() && random.nextBoolean()) {
      Place p = places.get(random.nextInt(places.size()));
      return new double[] {p.lat(), p.lon()};
    }
    return point();
  }

  /** A star-shaped ring around (cx, cy) (lon, lat) with grid vertices, sometimes with a square hole. */
  private List<List<double[]>> star(double cx, double cy, double reach) {
    int n = 3 + random.nextInt(8);
    double[] angles = new double[n];
    for (int i = 0; i < n; i++) {
      angles[i] = 2 * Math.PI * random.nextDouble();
    }
    java.util.Arrays.sort(angles);
    List<double[]> shell = new ArrayList<>();
    for (double a : angles) {
      double r = 0.5 + reach * random.nextDouble();
      double[] v = {Math.round(2 * (cx + r * Math.cos(a))) / 2.0, Math.round(2 * (cy + r * Math.sin(a))) / 2.0};
      if (shell.isEmpty() || !java.util.Arrays.equals(shell.getLast(), v)) {
        shell.add(v);
      }
    }
    shell.add(shell.getFirst());
    List<List<double[]>> rings = new ArrayList<>();
    rings.add(shell);
    if (random.nextBoolean()) {
      double h = 0.5 * (1 + random.nextInt(2)) / 2;
      rings.add(List.of(new double[] {cx - h, cy - h}, new double[] {cx + h, cy - h}, new double[] {cx + h, cy + h},
          new double[] {cx - h, cy + h}, new double[] {cx - h, cy - h}));
    }
    return rings;
  }

  /** The even-odd rule written out: per polygon, boundary inside, otherwise an odd count of ray crossings over all its rings. */
  static final class Reference {
    static boolean inside(List<List<List<double[]>>> polygons, double lat, double lon) {
      for (List<List<double[]>> polygon : polygons) {
        boolean odd = false;
        for (List<double[]> ring : polygon) {
          for (int i = 0; i + 1 < ring.size(); i++) {
            double[] a = ring.get(i);
            double[] b = ring.get(i + 1);
            double cross = (b[0] - a[0]) * (lat - a[1]) - (b[1] - a[1]) * (lon - a[0]);
            if (cross == 0 && lon >= Math.min(a[0], b[0]) && lon <= Math.max(a[0], b[0]) && lat >= Math.min(a[1], b[1])
                && lat <= Math.max(a[1], b[1])) {
              return true;
            }
            if ((a[1] > lat) != (b[1] > lat) && lon < a[0] + (lat - a[1]) * (b[0] - a[0]) / (b[1] - a[1])) {
              odd = !odd;
            }
          }
        }
        if (odd) {
          return true;
        }
      }
      return false;
    }

    static String wkt(List<List<List<double[]>>> polygons) {
      StringBuilder s = new StringBuilder(polygons.size() == 1 ? "POLYGON " : "MULTIPOLYGON (");
      for (int p = 0; p < polygons.size(); p++) {
        s.append(p == 0 ? "(" : ", (");
        List<List<double[]>> rings = polygons.get(p);
        for (int r = 0; r < rings.size(); r++) {
          s.append(r == 0 ? "(" : ", (");
          List<double[]> ring = rings.get(r);
          for (int i = 0; i < ring.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(ring.get(i)[0]).append(' ').append(ring.get(i)[1]);
          }
          s.append(')');
        }
        s.append(')');
      }
      return polygons.size() == 1 ? s.toString() : s.append(')').toString();
    }
  }
}
