package org.verisimdb.engine.query.exec;

import java.util.List;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.row.OctadRow;
import org.verisimdb.index.embed.Embedder;
import org.verisimdb.index.geo.GeoDistance;
import org.verisimdb.index.vector.VectorMetric;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.vql.ast.Anchor;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.ast.Trees;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * The anchors and centres of a statement's ranking predicates, resolved once: what
 * {@code similarity}, {@code distance_km} and {@code score} measure (VQL.md §4.4), each defined by
 * the first predicate of its kind in text order, and the anchor of every vector predicate.
 */
final class Definitions {
  /** A resolved vector anchor: the vector, the metric, and the octad it came from (excluded from matches) or null. */
  record VectorAnchor(float[] vector, VectorMetric metric, OctadId exclude) {
    /** The similarity of a row's vector, or null when it has none (or is the anchor's own octad). */
    Double similarity(OctadRow row) {
      Octad o = row.octad();
      if (o == null || o.vector().isEmpty() || row.id().equals(exclude)) {
        return null;
      }
      VectorFacet v = o.vector().get();
      if (v.dimension() != vector.length) {
        return null;
      }
      return metric.similarity(vector, v.embedding());
    }
  }

  /** A centre of RADIUS or SPATIAL NEAREST. */
  record Centre(double lat, double lon) {
    Double distanceKm(OctadRow row) {
      Octad o = row.octad();
      if (o == null) {
        return null;
      }
      SpatialFacet s = (SpatialFacet) o.facet(org.verisimdb.model.Modality.SPATIAL).orElse(null);
      return s == null ? null : GeoDistance.km(lat, lon, s.lat(), s.lon());
    }
  }

  private final java.util.IdentityHashMap<Object, VectorAnchor> anchors = new java.util.IdentityHashMap<>();
  final Cond similarityBy;
  final Cond distanceBy;
  final Cond.FullText scoreBy;
  final Centre centre;

  Definitions(Cond where, Params params, RowReader reader, OctadId sourceOctad, java.util.function.Supplier<Embedder> embedder) {
    Cond sim = null;
    Cond dist = null;
    Cond.FullText text = null;
    List<Cond> all = where == null ? List.of() : Trees.collect(where, Cond.class);
    for (Cond c : all) {
      switch (c) {
        case Cond.VectorSimilar v -> {
          anchors.put(v, resolve(v.anchor(), v.metric(), params, reader, sourceOctad, embedder));
          sim = sim == null ? v : sim;
        }
        case Cond.VectorNearest v -> {
          anchors.put(v, resolve(v.anchor(), v.metric(), params, reader, sourceOctad, embedder));
          sim = sim == null ? v : sim;
        }
        case Cond.WithinRadius r -> dist = dist == null ? r : dist;
        case Cond.SpatialNearest n -> dist = dist == null ? n : dist;
        case Cond.FullText f -> text = text == null ? f : text;
        default -> { }
      }
    }
    this.similarityBy = sim;
    this.distanceBy = dist;
    this.scoreBy = text;
    this.centre = switch (dist) {
      case Cond.WithinRadius r -> new Centre(params.number(r.lat()), params.number(r.lon()));
      case Cond.SpatialNearest n -> new Centre(params.number(n.lat()), params.number(n.lon()));
      case null, default -> null;
    };
  }

  VectorAnchor anchor(Cond vectorPredicate) {
    return anchors.get(vectorPredicate);
  }

  /** The anchor of the first vector predicate, or null. */
  VectorAnchor similarityAnchor() {
    return similarityBy == null ? null : anchors.get(similarityBy);
  }

  static VectorMetric metric(Name name) {
    return name == null ? VectorMetric.COSINE : VectorMetric.valueOf(name.text());
  }

  static VectorAnchor resolve(Anchor anchor, Name metricName, Params params, RowReader reader, OctadId sourceOctad, java.util.function.Supplier<Embedder> embedder) {
    VectorMetric metric = metric(metricName);
    return switch (anchor) {
      case null -> {
        // NEAREST without TO: the embedding of the FROM OCTAD octad (§6.4), which is not excluded.
        Octad o = sourceOctad == null ? null : reader.row(sourceOctad).octad();
        yield new VectorAnchor(o == null || o.vector().isEmpty() ? null : o.vector().get().embedding(), metric, null);
      }
      case Anchor.Vector v -> new VectorAnchor(params.vector(v.vector()), metric, null);
      case Anchor.Text t -> new VectorAnchor(embedder.get().embed(params.string(t.text())), metric, null);
      case Anchor.Octad o -> {
        OctadId id = OctadId.of(params.string(o.id()));
        Octad octad = reader.row(id).octad();
        if (octad == null) {
          throw new VqlException(DiagnosticCode.EXEC_001, "the anchor octad '" + id + "' does not exist in the read view");
        }
        if (octad.vector().isEmpty()) {
          throw new VqlException(DiagnosticCode.EXEC_008, "the anchor octad '" + id + "' has no vector; give a vector or another octad");
        }
        yield new VectorAnchor(octad.vector().get().embedding(), metric, id);
      }
    };
  }
}
