package org.verisimdb.model.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.Facet;

/**
 * A new octad to create: an optional id (a random UUID when null), the user-written modalities
 * (graph, vector, tensor, semantic, document, spatial), what to say about the first version, and
 * provenance events to record after the database's own {@code created} record.
 */
public record OctadInput(OctadId id, Map<Modality, Facet> facets, TemporalInput temporal, List<ProvenanceEvent> provenance) {
  public OctadInput {
    facets = checkFacets(facets);
    provenance = provenance == null ? List.of() : List.copyOf(provenance);
  }

  static Map<Modality, Facet> checkFacets(Map<Modality, Facet> facets) {
    EnumMap<Modality, Facet> copy = new EnumMap<>(Modality.class);
    if (facets != null) {
      facets.forEach((modality, facet) -> {
        if (!modality.userWritable()) {
          throw VeriSimException.invalid(ErrorCode.FIELD_NOT_WRITABLE, modality.wireName(),
              modality + " is kept by the database; label the version with temporal(...) and record events with provenance(...)");
        }
        if (facet == null || facet.modality() != modality) {
          throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, modality.wireName(),
              "the " + modality + " entry holds " + (facet == null ? "nothing" : "a " + facet.modality() + " facet"));
        }
        copy.put(modality, facet);
      });
    }
    return Collections.unmodifiableMap(copy);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the parts of an input; the same modality given twice is an error. */
  public static final class Builder {
    private OctadId id;
    private final EnumMap<Modality, Facet> facets = new EnumMap<>(Modality.class);
    private TemporalInput temporal;
    private final List<ProvenanceEvent> provenance = new ArrayList<>();

    private Builder() {}

    public Builder id(OctadId id) {
      this.id = id;
      return this;
    }

    public Builder id(String id) {
      return id(OctadId.of(id));
    }

    /** Adds one modality; giving the same modality twice is INVALID_ARGUMENT. */
    public Builder with(Facet facet) {
      if (facet == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, null, "a facet must not be null");
      }
      if (facets.putIfAbsent(facet.modality(), facet) != null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, facet.modality().wireName(),
            facet.modality() + " is given twice; give each modality once");
      }
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

    public OctadInput build() {
      return new OctadInput(id, facets, temporal, provenance);
    }
  }
}
