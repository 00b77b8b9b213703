package org.verisimdb.index.geo;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LatLonShape;
import org.apache.lucene.document.ShapeField;
import org.apache.lucene.geo.GeoUtils;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.geo.Wkt;

/**
 * Spatial search of one {@link IndexView} with VQL §6.9's exact semantics. Lucene finds
 * candidates on its quantized points (widened wherever its earth model or rounding differs from
 * VQL's), and every candidate is then decided on its exact stored point ({@link ExactHits}), so
 * results equal a linear scan: radius by {@link GeoDistance}, box by {@link GeoBox}, polygon by
 * {@link GeoPolygon}. Results are ordered by distance, then id (radius, nearest) or by id (the
 * others), and cut at the limit. A {@code filter} (null: none) from another modality narrows
 * every search. Bad input is INVALID_SEARCH. Thread-safe; valid while its view is open.
 */
public final class GeoSearch {
  /** Lucene's earth radius over VQL's: a VQL distance d is Lucene's d times this. */
  private static final double LUCENE_SCALE = GeoUtils.EARTH_MEAN_RADIUS_METERS / (GeoDistance.EARTH_RADIUS_KM * 1000);
  /**
   * Metres added to a Lucene distance query: its sloppy haversine is within 0.4 m of the true one,
   * and its quantized points are within about 1 cm of the stored ones.
   */
  private static final double SLACK_METRES = 2.0;
  private static final Query HAS_SPATIAL = new FieldExistsQuery(GeoFields.LAT);

  private final IndexSearcher searcher;

  public GeoSearch(IndexView view) {
    this.searcher = view.searcher();
  }

  /** Octads within {@code km} of (lat, lon), nearest first (ties by id), at most {@code limit}. */
  public List<GeoHit> radius(double lat, double lon, double km, Query filter, int limit) {
    GeoInputs.latitude(lat, "lat");
    GeoInputs.longitude(lon, "lon");
    GeoInputs.radiusKm(km);
    GeoInputs.count(limit, "limit");
    return run(within(lat, lon, km), filter, (la, lo) -> {
      double d = GeoDistance.km(lat, lon, la, lo);
      return d <= km ? d : Double.NaN;
    }, limit);
  }

  /** Octads whose point lies in the box (across the antimeridian when minLon &gt; maxLon), by id, at most {@code limit}. */
  public List<OctadId> bbox(double minLat, double minLon, double maxLat, double maxLon, Query filter, int limit) {
    GeoBox box = new GeoBox(minLat, minLon, maxLat, maxLon);
    GeoInputs.count(limit, "limit");
    return ids(run(candidates(box), filter, (la, lo) -> box.contains(la, lo) ? 0 : Double.NaN, limit));
  }

  /** Octads whose point lies in the POLYGON or MULTIPOLYGON {@code wkt} (boundary inside, holes outside), by id. */
  public List<OctadId> polygon(String wkt, Query filter, int limit) {
    GeoPolygon area = GeoPolygon.parse(wkt);
    GeoInputs.count(limit, "limit");
    return ids(run(LatLonPoint.newPolygonQuery(GeoFields.POINT, area.candidates()), filter,
        (la, lo) -> area.contains(la, lo) ? 0 : Double.NaN, limit));
  }

  /**
   * The {@code k} octads nearest to (lat, lon) that pass {@code filter}, nearest first, equal
   * distances by id: exactly min(k, octads with a spatial modality passing the filter).
   */
  public List<GeoHit> nearest(double lat, double lon, int k, Query filter) {
    GeoInputs.latitude(lat, "lat");
    GeoInputs.longitude(lon, "lon");
    GeoInputs.count(k, "k");
    int seeds = Math.min(k, Math.max(1, searcher.getIndexReader().numDocs()));
    // Any k octads bound the k-th smallest distance; Lucene's nearest (by its own distance) are a tight bound.
    double bound = 0;
    try {
      TopDocs top = filter == null
          ? LatLonPoint.nearest(searcher, GeoFields.POINT, lat, lon, seeds)
          : searcher.search(and(HAS_SPATIAL, filter), seeds, new Sort(LatLonDocValuesField.newDistanceSort(GeoFields.POINT, lat, lon)));
      if (top.scoreDocs.length == 0) {
        return List.of();
      }
      for (ScoreDoc hit : top.scoreDocs) {
        bound = Math.max(bound, exactDistance(hit.doc, lat, lon));
      }
    } catch (IOException e) {
      throw unreadable(e);
    }
    double limit = bound;
    return run(within(lat, lon, limit), filter, (la, lo) -> {
      double d = GeoDistance.km(lat, lon, la, lo);
      return d <= limit ? d : Double.NaN;
    }, k);
  }

  /** Octads whose geometry (not only its point) intersects the geometry {@code wkt}, by id, as Lucene's shape index decides. */
  public List<OctadId> intersecting(String wkt, Query filter, int limit) {
    org.verisimdb.model.geo.Geometry g;
    try {
      g = Wkt.parse(wkt);
    } catch (VeriSimException e) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "wkt", e.getMessage() + "; give a WKT geometry in lon lat order");
    }
    GeoInputs.count(limit, "limit");
    return ids(run(LatLonShape.newGeometryQuery(GeoFields.SHAPE, ShapeField.QueryRelation.INTERSECTS, GeoShapes.query(g)), filter,
        (la, lo) -> 0, limit));
  }

  /** Octads with an altitude in [minMetres, maxMetres], by id. */
  public List<OctadId> altitude(double minMetres, double maxMetres, Query filter, int limit) {
    GeoInputs.metres(minMetres, "min_alt");
    GeoInputs.metres(maxMetres, "max_alt");
    if (minMetres > maxMetres) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "min_alt",
          "the altitude range starts at " + minMetres + " m, above its end " + maxMetres + " m; swap them");
    }
    GeoInputs.count(limit, "limit");
    // Altitudes are stored with -0.0 as 0.0, and DoublePoint orders -0.0 below 0.0.
    Query exact = DoublePoint.newRangeQuery(GeoFields.ALT, minMetres == 0 ? -0.0 : minMetres, maxMetres == 0 ? 0.0 : maxMetres);
    return ids(run(exact, filter, (la, lo) -> 0, limit));
  }

  /**
   * A query matching at least every octad within {@code km} of (lat, lon), for use as a filter
   * by other modalities; the exact test is {@link GeoDistance#km} ≤ km.
   */
  public static Query within(double lat, double lon, double km) {
    if (km >= GeoDistance.MAX_KM) {
      return HAS_SPATIAL;
    }
    return LatLonPoint.newDistanceQuery(GeoFields.POINT, lat, lon, km * 1000 * LUCENE_SCALE * (1 + 1e-9) + SLACK_METRES);
  }

  /** A query matching at least every octad whose point lies in {@code box}; the exact test is {@link GeoBox#contains}. */
  public static Query candidates(GeoBox box) {
    double e = GeoPolygon.BAND_DEGREES;
    double minLat = Math.max(-90, box.minLat() - e);
    double maxLat = Math.min(90, box.maxLat() + e);
    double west = box.minLon() - e;
    double east = box.maxLon() + e;
    if (!box.crossesAntimeridian()) {
      return LatLonPoint.newBoxQuery(GeoFields.POINT, minLat, maxLat, Math.max(-180, west), Math.min(180, east));
    }
    if (west <= east || west < -180 || east > 180) {
      return LatLonPoint.newBoxQuery(GeoFields.POINT, minLat, maxLat, -180, 180); // widening closed the gap
    }
    return LatLonPoint.newBoxQuery(GeoFields.POINT, minLat, maxLat, west, east);
  }

  private List<GeoHit> run(Query candidates, Query filter, ExactHits.Check check, int limit) {
    try {
      return searcher.search(and(candidates, filter), new ExactHits(check, limit));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private double exactDistance(int doc, double lat, double lon) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    NumericDocValues lats = DocValues.getNumeric(leaf.reader(), GeoFields.LAT);
    NumericDocValues lons = DocValues.getNumeric(leaf.reader(), GeoFields.LON);
    if (!lats.advanceExact(doc - leaf.docBase) || !lons.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("document " + doc + " has a point but no exact coordinates");
    }
    return GeoDistance.km(lat, lon, Double.longBitsToDouble(lats.longValue()), Double.longBitsToDouble(lons.longValue()));
  }

  private static Query and(Query q, Query filter) {
    if (filter == null) {
      return q;
    }
    return new BooleanQuery.Builder().add(q, BooleanClause.Occur.FILTER).add(filter, BooleanClause.Occur.FILTER).build();
  }

  private static List<OctadId> ids(List<GeoHit> hits) {
    return hits.stream().map(GeoHit::id).toList();
  }

  private static VeriSimException unreadable(IOException e) {
    return new VeriSimException(ErrorCode.INDEX_UNAVAILABLE, "the spatial search could not read the index: " + e.getMessage()
        + "; the stored data is unaffected: retry, or rebuild the index", e);
  }
}
