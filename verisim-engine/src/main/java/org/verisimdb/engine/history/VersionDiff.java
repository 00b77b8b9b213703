package org.verisimdb.engine.history;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.geo.Position;
import org.verisimdb.model.value.Value;

/**
 * What changed in an octad between two of its versions, per modality: each modality present in
 * either version (TEMPORAL always) with whether it was added, removed, changed or left unchanged,
 * and for all but unchanged ones a detail of the change.
 *
 * @param modalities the modalities present in either version, in {@link Modality} order
 */
public record VersionDiff(OctadId id, long from, long to, Map<Modality, ModalityDiff> modalities) {

  public VersionDiff {
    EnumMap<Modality, ModalityDiff> copy = new EnumMap<>(Modality.class);
    modalities.forEach((m, d) -> {
      if (d.modality() != m) {
        throw new IllegalArgumentException("the diff of " + d.modality() + " filed under " + m);
      }
      copy.put(m, d);
    });
    modalities = Collections.unmodifiableMap(copy);
  }

  /** The diff of one modality, or null when it is absent from both versions. */
  public ModalityDiff of(Modality modality) {
    return modalities.get(modality);
  }

  /** The modalities added, removed or changed. */
  public Set<Modality> changed() {
    EnumSet<Modality> changed = EnumSet.noneOf(Modality.class);
    modalities.forEach((m, d) -> {
      if (d.change() != Change.UNCHANGED) {
        changed.add(m);
      }
    });
    return changed;
  }

  /** How a modality differs between the two versions. */
  public enum Change { ADDED, REMOVED, CHANGED, UNCHANGED }

  /** One modality's change; {@code detail} is null exactly when it is unchanged. */
  public record ModalityDiff(Modality modality, Change change, Detail detail) {
    public ModalityDiff {
      if ((change == Change.UNCHANGED) != (detail == null)) {
        throw new IllegalArgumentException(modality + " is " + change + " with detail " + detail);
      }
    }
  }

  /** A field or property that differs: {@code before} is null when it was added, {@code after} when removed. */
  public record FieldChange(String name, Value before, Value after) {
    public Change change() {
      return before == null ? Change.ADDED : after == null ? Change.REMOVED : Change.CHANGED;
    }
  }

  /**
   * The detail of a modality's change. For an added modality the "before" parts are null or
   * empty, for a removed one the "after" parts.
   */
  public sealed interface Detail {

    /** DOCUMENT: the fields added, removed or changed, by name. */
    record Document(List<FieldChange> fields) implements Detail {
      public Document {
        fields = List.copyOf(fields);
      }
    }

    /** SEMANTIC: types added and removed, properties added, removed or changed, and the counts of proofs and seals. */
    record Semantic(List<String> typesAdded, List<String> typesRemoved, List<FieldChange> properties, int proofsBefore, int proofsAfter,
        int sealsBefore, int sealsAfter) implements Detail {
      public Semantic {
        typesAdded = List.copyOf(typesAdded);
        typesRemoved = List.copyOf(typesRemoved);
        properties = List.copyOf(properties);
      }
    }

    /** GRAPH: outgoing edges added and removed, in edge order. */
    record Graph(List<Edge> added, List<Edge> removed) implements Detail {
      public Graph {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
      }
    }

    /**
     * VECTOR: the cosine similarity of the old and the new embedding (null unless both exist and
     * neither is all zeros) and the model names.
     */
    record Vector(Double cosineSimilarity, String modelBefore, String modelAfter) implements Detail {}

    /** TENSOR: shape, element type and element count before and after (null and 0 where absent). */
    record Tensor(List<Integer> shapeBefore, List<Integer> shapeAfter, DType dtypeBefore, DType dtypeAfter, long sizeBefore,
        long sizeAfter) implements Detail {
      public Tensor {
        shapeBefore = shapeBefore == null ? null : List.copyOf(shapeBefore);
        shapeAfter = shapeAfter == null ? null : List.copyOf(shapeAfter);
      }

      public boolean shapeChanged() {
        return !Objects.equals(shapeBefore, shapeAfter);
      }
    }

    /**
     * SPATIAL: the representative point before and after, the great-circle distance between them
     * in km (null unless both exist), altitudes, geometries as WKT and the properties that differ.
     */
    record Spatial(Position before, Position after, Double distanceKm, Double altBefore, Double altAfter, String wktBefore, String wktAfter,
        List<FieldChange> properties) implements Detail {
      public Spatial {
        properties = List.copyOf(properties);
      }
    }

    /** PROVENANCE: the records appended after the first version's chain, oldest first. */
    record Provenance(List<ProvenanceRecord> appended) implements Detail {
      public Provenance {
        appended = List.copyOf(appended);
      }
    }

    /** TEMPORAL: the version metadata of each side. */
    record Temporal(long versionBefore, long versionAfter, String labelBefore, String labelAfter, String messageBefore, String messageAfter,
        Instant validFromBefore, Instant validFromAfter) implements Detail {}
  }
}
