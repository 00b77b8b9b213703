package org.verisimdb.model.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.value.Value;

/**
 * A change to an existing octad. Per modality, at most one {@link ModalityChange}:
 * <ul>
 *   <li><b>replace</b> — the modality becomes the given facet (created if absent);
 *   <li><b>remove</b> — the modality is dropped;
 *   <li><b>set/unset fields</b> — the named fields change and the rest is kept
 *       ({@link ModalityChange.SetFields} lists the fields of each modality);
 *   <li><b>add/remove edges</b> — GRAPH only; the other edges are kept.
 * </ul>
 * Modalities the patch does not name are untouched. Whatever it contains, applying a patch
 * commits exactly one new version, labelled by {@code temporal}, and appends the database's
 * {@code modified} provenance record followed by {@code provenance}. With
 * {@code expectedVersion}, the update fails with VERSION_CONFLICT unless the octad is still at
 * that version (optimistic concurrency).
 */
public record OctadPatch(Map<Modality, ModalityChange> changes, TemporalInput temporal, List<ProvenanceEvent> provenance, Long expectedVersion) {
  public OctadPatch {
    EnumMap<Modality, ModalityChange> copy = new EnumMap<>(Modality.class);
    if (changes != null) {
      changes.forEach((modality, change) -> {
        if (change == null || change.modality() != modality) {
          throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, modality.wireName(), "the change filed under " + modality + " is for " + (change == null ? "nothing" : change.modality()));
        }
        copy.put(modality, change);
      });
    }
    changes = Collections.unmodifiableMap(copy);
    provenance = provenance == null ? List.of() : List.copyOf(provenance);
    if (expectedVersion != null && expectedVersion < 1) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "expected_version", "expected version " + expectedVersion + " is below 1");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Collects changes. Field edits and edge edits to one modality accumulate; combining them with
   * a replace or remove of the same modality is INVALID_ARGUMENT, as is setting a field twice.
   */
  public static final class Builder {
    private final Map<Modality, ModalityChange> whole = new EnumMap<>(Modality.class);
    private final Map<Modality, Map<String, FieldEdit>> fieldEdits = new EnumMap<>(Modality.class);
    private final List<Edge> addEdges = new ArrayList<>();
    private final List<Edge> removeEdges = new ArrayList<>();
    private TemporalInput temporal;
    private final List<ProvenanceEvent> provenance = new ArrayList<>();
    private Long expectedVersion;

    private Builder() {}

    public Builder replace(Facet facet) {
      return whole(new ModalityChange.Replace(facet));
    }

    public Builder remove(Modality modality) {
      return whole(new ModalityChange.Remove(modality));
    }

    /** Sets a field to a plain Java value ({@link Value#from}) or a {@link Value}. */
    public Builder set(Modality modality, String field, Object value) {
      if (value == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, modality.wireName() + "." + field, "use unset() to remove a field");
      }
      Value converted;
      try {
        converted = Value.from(value);
      } catch (VeriSimException e) {
        throw e.under(modality.wireName() + "." + field);
      }
      return edit(modality, new FieldEdit(field, converted));
    }

    /** Removes a field (or clears it, for nullable fields). */
    public Builder unset(Modality modality, String field) {
      return edit(modality, new FieldEdit(field, null));
    }

    public Builder addEdge(Edge edge) {
      conflict(Modality.GRAPH);
      addEdges.add(edge);
      return this;
    }

    public Builder removeEdge(Edge edge) {
      conflict(Modality.GRAPH);
      removeEdges.add(edge);
      return this;
    }

    public Builder temporal(TemporalInput temporal) {
      this.temporal = temporal;
      return this;
    }

    public Builder provenance(ProvenanceEvent event) {
      provenance.add(event);
      return this;
    }

    /** Fail with VERSION_CONFLICT unless the octad is at this version when the update commits. */
    public Builder expectVersion(long version) {
      this.expectedVersion = version;
      return this;
    }

    private Builder whole(ModalityChange change) {
      Modality m = change.modality();
      if (whole.containsKey(m) || fieldEdits.containsKey(m) || (m == Modality.GRAPH && !(addEdges.isEmpty() && removeEdges.isEmpty()))) {
        throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, m.wireName(), m + " is changed twice in one update; give one change per modality");
      }
      whole.put(m, change);
      return this;
    }

    private Builder edit(Modality modality, FieldEdit edit) {
      conflict(modality);
      FieldEdit previous = fieldEdits.computeIfAbsent(modality, m -> new LinkedHashMap<>()).putIfAbsent(edit.field(), edit);
      if (previous != null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, modality.wireName() + "." + edit.field(),
            "field " + modality + "." + edit.field() + " is set twice in one update; set it once");
      }
      return this;
    }

    private void conflict(Modality modality) {
      if (whole.containsKey(modality)) {
        throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, modality.wireName(),
            modality + " is already replaced or removed in this update; edit it or replace it, not both");
      }
    }

    public OctadPatch build() {
      Map<Modality, ModalityChange> changes = new EnumMap<>(whole);
      fieldEdits.forEach((m, edits) -> changes.put(m, new ModalityChange.SetFields(m, new ArrayList<>(edits.values()))));
      if (!addEdges.isEmpty() || !removeEdges.isEmpty()) {
        changes.put(Modality.GRAPH, new ModalityChange.EditEdges(addEdges, removeEdges));
      }
      return new OctadPatch(changes, temporal, provenance, expectedVersion);
    }
  }
}
