package org.verisimdb.model;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;

/**
 * An entity as the database stores it: an id and its modalities. TEMPORAL is always present;
 * the other seven are present when the octad has data for them. Immutable; the facets iterate
 * in {@link Modality} order.
 */
public record Octad(OctadId id, Map<Modality, Facet> facets) {
  public Octad {
    if (id == null) {
      throw new IllegalArgumentException("an octad needs an id");
    }
    EnumMap<Modality, Facet> copy = new EnumMap<>(Modality.class);
    facets.forEach((modality, facet) -> {
      if (facet == null || facet.modality() != modality) {
        throw new IllegalArgumentException("facet " + facet + " filed under " + modality);
      }
      copy.put(modality, facet);
    });
    if (!copy.containsKey(Modality.TEMPORAL)) {
      throw new VeriSimException(ErrorCode.INTERNAL, "octad " + id + " has no temporal modality");
    }
    facets = Collections.unmodifiableMap(copy);
  }

  /** The modalities present, TEMPORAL included. */
  public Set<Modality> modalities() {
    return facets.keySet();
  }

  public boolean has(Modality modality) {
    return facets.containsKey(modality);
  }

  public Optional<Facet> facet(Modality modality) {
    return Optional.ofNullable(facets.get(modality));
  }

  public Optional<GraphFacet> graph() {
    return Optional.ofNullable((GraphFacet) facets.get(Modality.GRAPH));
  }

  public Optional<VectorFacet> vector() {
    return Optional.ofNullable((VectorFacet) facets.get(Modality.VECTOR));
  }

  public Optional<TensorFacet> tensor() {
    return Optional.ofNullable((TensorFacet) facets.get(Modality.TENSOR));
  }

  public Optional<SemanticFacet> semantic() {
    return Optional.ofNullable((SemanticFacet) facets.get(Modality.SEMANTIC));
  }

  public Optional<DocumentFacet> document() {
    return Optional.ofNullable((DocumentFacet) facets.get(Modality.DOCUMENT));
  }

  public TemporalFacet temporal() {
    return (TemporalFacet) facets.get(Modality.TEMPORAL);
  }

  public Optional<ProvenanceFacet> provenance() {
    return Optional.ofNullable((ProvenanceFacet) facets.get(Modality.PROVENANCE));
  }

  public Optional<SpatialFacet> spatial() {
    return Optional.ofNullable((SpatialFacet) facets.get(Modality.SPATIAL));
  }

  /** The current version, starting at 1. */
  public long version() {
    return temporal().version();
  }

  public Instant createdAt() {
    return temporal().createdAt();
  }

  public Instant modifiedAt() {
    return temporal().modifiedAt();
  }
}
