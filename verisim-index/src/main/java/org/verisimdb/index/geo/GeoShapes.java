package org.verisimdb.index.geo;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonShape;
import org.apache.lucene.geo.LatLonGeometry;
import org.apache.lucene.geo.Line;
import org.apache.lucene.geo.Point;
import org.apache.lucene.geo.Polygon;
import org.verisimdb.model.geo.Geometry;
import org.verisimdb.model.geo.Position;

/**
 * Stored geometries as Lucene shapes: points, lines and polygons (with holes), for the
 * {@link GeoFields#SHAPE} field and for shape queries. A polygon Lucene cannot tessellate (it
 * crosses itself, or has no area) is indexed by its rings as lines, so the octad is still found
 * by queries that meet its outline. Stateless.
 */
final class GeoShapes {
  private GeoShapes() {}

  /** Adds the shape fields of {@code g} to {@code doc}. */
  static void index(Document doc, Geometry g) {
    switch (g) {
      case Geometry.Point p -> add(doc, LatLonShape.createIndexableFields(GeoFields.SHAPE, p.position().lat(), p.position().lon()));
      case Geometry.MultiPoint m -> m.points().forEach(p -> add(doc, LatLonShape.createIndexableFields(GeoFields.SHAPE, p.lat(), p.lon())));
      case Geometry.LineString l -> add(doc, LatLonShape.createIndexableFields(GeoFields.SHAPE, line(l.points())));
      case Geometry.Polygon p -> polygon(doc, p);
      case Geometry.MultiPolygon m -> m.polygons().forEach(p -> polygon(doc, p));
    }
  }

  private static void polygon(Document doc, Geometry.Polygon p) {
    Field[] fields;
    try {
      fields = LatLonShape.createIndexableFields(GeoFields.SHAPE, polygon(p));
    } catch (IllegalArgumentException untessellatable) {
      // Keep the outline searchable rather than fail the whole commit's indexing.
      p.rings().forEach(r -> add(doc, LatLonShape.createIndexableFields(GeoFields.SHAPE, line(r))));
      return;
    }
    add(doc, fields);
  }

  /** The Lucene geometries of {@code g}, for a shape query. */
  static LatLonGeometry[] query(Geometry g) {
    List<LatLonGeometry> out = new ArrayList<>();
    switch (g) {
      case Geometry.Point p -> out.add(new Point(p.position().lat(), p.position().lon()));
      case Geometry.MultiPoint m -> m.points().forEach(p -> out.add(new Point(p.lat(), p.lon())));
      case Geometry.LineString l -> out.add(line(l.points()));
      case Geometry.Polygon p -> out.add(polygon(p));
      case Geometry.MultiPolygon m -> m.polygons().forEach(p -> out.add(polygon(p)));
    }
    return out.toArray(LatLonGeometry[]::new);
  }

  private static Polygon polygon(Geometry.Polygon p) {
    Polygon[] holes = p.rings().subList(1, p.rings().size()).stream().map(r -> ring(r)).toArray(Polygon[]::new);
    double[][] shell = coordinates(p.rings().getFirst());
    return new Polygon(shell[0], shell[1], holes);
  }

  private static Polygon ring(List<Position> r) {
    double[][] c = coordinates(r);
    return new Polygon(c[0], c[1]);
  }

  private static Line line(List<Position> points) {
    double[][] c = coordinates(points);
    return new Line(c[0], c[1]);
  }

  /** {lats, lons}. */
  private static double[][] coordinates(List<Position> points) {
    double[] lats = new double[points.size()];
    double[] lons = new double[points.size()];
    for (int i = 0; i < lats.length; i++) {
      lats[i] = points.get(i).lat();
      lons[i] = points.get(i).lon();
    }
    return new double[][] {lats, lons};
  }

  private static void add(Document doc, Field[] fields) {
    for (Field f : fields) {
      doc.add(f);
    }
  }
}
