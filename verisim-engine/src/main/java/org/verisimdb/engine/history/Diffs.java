package org.verisimdb.engine.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;
import org.verisimdb.engine.history.VersionDiff.Change;
import org.verisimdb.engine.history.VersionDiff.Detail;
import org.verisimdb.engine.history.VersionDiff.FieldChange;
import org.verisimdb.engine.history.VersionDiff.ModalityDiff;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.geo.Position;
import org.verisimdb.model.value.Value;

/** Computes the {@link VersionDiff} of two reconstructed versions of an octad. Stateless. */
final class Diffs {
  /** Mean earth radius (IUGG) in km, for haversine distances. */
  static final double EARTH_RADIUS_KM = 6371.0088;

  private Diffs() {}

  /** What changed from {@code before} (the older version) to {@code after}. */
  static VersionDiff of(Octad before, Octad after) {
    Map<Modality, ModalityDiff> diffs = new EnumMap<>(Modality.class);
    for (Modality m : Modality.values()) {
      Facet a = before.facets().get(m);
      Facet b = after.facets().get(m);
      if (a == null && b == null) {
        continue;
      }
      Change change = a == null ? Change.ADDED : b == null ? Change.REMOVED : a.equals(b) ? Change.UNCHANGED : Change.CHANGED;
      diffs.put(m, new ModalityDiff(m, change, change == Change.UNCHANGED ? null : detail(m, a, b)));
    }
    return new VersionDiff(after.id(), before.version(), after.version(), diffs);
  }

  private static Detail detail(Modality modality, Facet a, Facet b) {
    return switch (modality) {
      case DOCUMENT -> new Detail.Document(fields(
          a == null ? null : ((DocumentFacet) a).fields(), b == null ? null : ((DocumentFacet) b).fields()));
      case SEMANTIC -> semantic((SemanticFacet) a, (SemanticFacet) b);
      case GRAPH -> graph((GraphFacet) a, (GraphFacet) b);
      case VECTOR -> vector((VectorFacet) a, (VectorFacet) b);
      case TENSOR -> tensor((TensorFacet) a, (TensorFacet) b);
      case SPATIAL -> spatial((SpatialFacet) a, (SpatialFacet) b);
      case PROVENANCE -> provenance((ProvenanceFacet) a, (ProvenanceFacet) b);
      case TEMPORAL -> temporal((TemporalFacet) a, (TemporalFacet) b);
    };
  }

  /** The fields added, removed or changed, in name order; a null map has no fields. */
  static List<FieldChange> fields(SortedMap<String, Value> before, SortedMap<String, Value> after) {
    TreeSet<String> names = new TreeSet<>();
    if (before != null) {
      names.addAll(before.keySet());
    }
    if (after != null) {
      names.addAll(after.keySet());
    }
    List<FieldChange> changes = new ArrayList<>();
    for (String name : names) {
      Value old = before == null ? null : before.get(name);
      Value now = after == null ? null : after.get(name);
      if (!Objects.equals(old, now)) {
        changes.add(new FieldChange(name, old, now));
      }
    }
    return changes;
  }

  private static Detail semantic(SemanticFacet a, SemanticFacet b) {
    List<String> typesBefore = a == null ? List.of() : a.types();
    List<String> typesAfter = b == null ? List.of() : b.types();
    return new Detail.Semantic(
        typesAfter.stream().filter(t -> !typesBefore.contains(t)).toList(),
        typesBefore.stream().filter(t -> !typesAfter.contains(t)).toList(),
        fields(a == null ? null : a.properties(), b == null ? null : b.properties()),
        a == null ? 0 : a.proofs().size(), b == null ? 0 : b.proofs().size(),
        a == null ? 0 : a.seals().size(), b == null ? 0 : b.seals().size());
  }

  private static Detail graph(GraphFacet a, GraphFacet b) {
    List<Edge> before = a == null ? List.of() : a.edges();
    List<Edge> after = b == null ? List.of() : b.edges();
    TreeSet<Edge> old = new TreeSet<>(before);
    TreeSet<Edge> now = new TreeSet<>(after);
    return new Detail.Graph(after.stream().filter(e -> !old.contains(e)).toList(), before.stream().filter(e -> !now.contains(e)).toList());
  }

  private static Detail vector(VectorFacet a, VectorFacet b) {
    return new Detail.Vector(a == null || b == null ? null : cosine(a, b), a == null ? null : a.model(), b == null ? null : b.model());
  }

  /** Cosine similarity in double precision, or null when the lengths differ or either vector is all zeros. */
  static Double cosine(VectorFacet a, VectorFacet b) {
    if (a.dimension() != b.dimension()) {
      return null;
    }
    double dot = 0;
    for (int i = 0; i < a.dimension(); i++) {
      dot += (double) a.get(i) * b.get(i);
    }
    double norms = a.norm() * b.norm();
    return norms == 0 ? null : Math.max(-1, Math.min(1, dot / norms));
  }

  private static Detail tensor(TensorFacet a, TensorFacet b) {
    return new Detail.Tensor(a == null ? null : shape(a), b == null ? null : shape(b), a == null ? null : a.dtype(), b == null ? null : b.dtype(),
        a == null ? 0 : a.size(), b == null ? 0 : b.size());
  }

  private static List<Integer> shape(TensorFacet t) {
    return Arrays.stream(t.shape()).boxed().toList();
  }

  private static Detail spatial(SpatialFacet a, SpatialFacet b) {
    Position before = a == null ? null : new Position(a.lon(), a.lat());
    Position after = b == null ? null : new Position(b.lon(), b.lat());
    return new Detail.Spatial(before, after, a == null || b == null ? null : distanceKm(before, after), a == null ? null : a.alt(),
        b == null ? null : b.alt(), a == null ? null : a.wkt(), b == null ? null : b.wkt(),
        fields(a == null ? null : a.properties(), b == null ? null : b.properties()));
  }

  /** Great-circle distance in km (haversine, on the mean earth radius). */
  static double distanceKm(Position a, Position b) {
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  // The chain only grows (deletions included), so the records after the older chain's length are the ones appended.
  private static Detail provenance(ProvenanceFacet a, ProvenanceFacet b) {
    List<ProvenanceRecord> before = a == null ? List.of() : a.records();
    List<ProvenanceRecord> after = b == null ? List.of() : b.records();
    return new Detail.Provenance(after.size() > before.size() ? after.subList(before.size(), after.size()) : List.of());
  }

  private static Detail temporal(TemporalFacet a, TemporalFacet b) {
    return new Detail.Temporal(a.version(), b.version(), a.label(), b.label(), a.message(), b.message(), a.validFrom(), b.validFrom());
  }
}
