package org.verisimdb.engine.store;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.facet.VersionRecord;

/**
 * Everything one committed write does to one octad in the store: its new header, its user-written
 * facets afterwards ({@code facets}), the ones among them to write ({@code put}) and the modalities
 * to drop, the new version record, and the provenance records appended (numbered from
 * {@code firstProvenanceSeq}).
 */
public record StoredChange(
    OctadId id,
    OctadHeader header,
    Map<Modality, Facet> facets,
    Map<Modality, Facet> put,
    Set<Modality> drop,
    VersionRecord version,
    List<ProvenanceRecord> provenance,
    long firstProvenanceSeq) {

  public StoredChange {
    facets = Collections.unmodifiableMap(facets.isEmpty() ? new EnumMap<>(Modality.class) : new EnumMap<>(facets));
    put = Collections.unmodifiableMap(put.isEmpty() ? new EnumMap<>(Modality.class) : new EnumMap<>(put));
    drop = Collections.unmodifiableSet(drop.isEmpty() ? EnumSet.noneOf(Modality.class) : EnumSet.copyOf(drop));
    provenance = List.copyOf(provenance);
  }
}
