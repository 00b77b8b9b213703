package org.verisimdb.engine.store;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.verisimdb.model.Modality;

/**
 * What the store keeps about an octad besides its modality data: the current version and its
 * metadata, whether the octad is deleted (the header outlives a deletion so that version numbers
 * continue and the history stays readable), which modalities are stored, and the heads of the
 * version chain and the provenance chain.
 *
 * @param modalities the stored modalities: the user-written ones plus PROVENANCE when the chain
 *     has records; never TEMPORAL, which every live octad has
 */
public record OctadHeader(
    long version,
    boolean deleted,
    Instant createdAt,
    Instant modifiedAt,
    Instant validFrom,
    String label,
    String message,
    long versionCount,
    SortedSet<String> modifiedBy,
    Set<Modality> modalities,
    String versionHash,
    long provenanceCount,
    String provenanceHead) {

  public OctadHeader {
    modifiedBy = Collections.unmodifiableSortedSet(new TreeSet<>(modifiedBy));
    EnumSet<Modality> stored = EnumSet.noneOf(Modality.class);
    stored.addAll(modalities);
    if (stored.contains(Modality.TEMPORAL)) {
      throw new IllegalArgumentException("TEMPORAL is not a stored modality");
    }
    modalities = Collections.unmodifiableSet(stored);
  }

  /** The temporal modality this header describes, with {@code versions} (newest first; may be empty). */
  public org.verisimdb.model.facet.TemporalFacet temporal(java.util.List<org.verisimdb.model.facet.VersionRecord> versions) {
    return new org.verisimdb.model.facet.TemporalFacet(version, createdAt, modifiedAt, validFrom, label, message, versionCount, modifiedBy,
        versions);
  }

  /** True when the octad exists now (it may have existed before and been deleted). */
  public boolean live() {
    return !deleted;
  }
}
