package org.verisimdb.index.geo;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.StringField;
import org.verisimdb.model.facet.SpatialFacet;

/**
 * The fields of the octad document that hold its SPATIAL modality:
 *
 * <table>
 * <caption>Lucene fields</caption>
 * <tr><th>field</th><th>holds</th></tr>
 * <tr><td>{@code geo.point}</td><td>the representative point (lat, lon) as a {@link LatLonPoint} (radius, box,
 *     polygon and nearest candidates) and a {@link LatLonDocValuesField} (distance sort); both quantized to
 *     about 1e-7 degrees</td></tr>
 * <tr><td>{@code geo.lat}, {@code geo.lon}</td><td>the exact representative point, double doc values: every
 *     search decides on these, so its results are exact</td></tr>
 * <tr><td>{@code geo.alt}</td><td>the altitude in metres, when given: {@link DoublePoint} (exact range queries)
 *     and double doc value; -0.0 is stored as 0.0</td></tr>
 * <tr><td>{@code geo.shape}</td><td>the geometry as Lucene shape triangles ({@link GeoShapes}): shape
 *     intersection queries</td></tr>
 * <tr><td>{@code geo.type}</td><td>the geometry type as VQL names it ({@code Point}, {@code LineString},
 *     {@code Polygon}, {@code MultiPoint}, {@code MultiPolygon}), a keyword</td></tr>
 * </table>
 */
public final class GeoFields {
  public static final String POINT = "geo.point";
  public static final String LAT = "geo.lat";
  public static final String LON = "geo.lon";
  public static final String ALT = "geo.alt";
  public static final String SHAPE = "geo.shape";
  public static final String TYPE = "geo.type";

  private GeoFields() {}

  public static void add(Document doc, SpatialFacet facet) {
    doc.add(new LatLonPoint(POINT, facet.lat(), facet.lon()));
    doc.add(new LatLonDocValuesField(POINT, facet.lat(), facet.lon()));
    doc.add(new DoubleDocValuesField(LAT, facet.lat()));
    doc.add(new DoubleDocValuesField(LON, facet.lon()));
    if (facet.alt() != null) {
      double alt = facet.alt() == 0 ? 0.0 : facet.alt();
      doc.add(new DoublePoint(ALT, alt));
      doc.add(new DoubleDocValuesField(ALT, alt));
    }
    GeoShapes.index(doc, facet.geometry());
    doc.add(new StringField(TYPE, facet.geometryType().displayName(), Field.Store.NO));
  }
}
