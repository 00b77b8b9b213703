package org.verisimdb.engine.history;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.verisimdb.model.Modality;

/**
 * One committed version of an octad as its history lists it: who committed it, when, with which
 * label, message and valid-from time, the modalities the octad had then, which of them the
 * version changed, and whether its content can still be reconstructed.
 *
 * @param actor the principal that committed the version
 * @param deletion true for the version that recorded a deletion (it has no modalities)
 * @param modalities the modalities present at this version, TEMPORAL included; none for a deletion
 * @param changed the modalities added, removed or changed relative to the previous version (all
 *     present ones for a first version or one after a deletion); never TEMPORAL, which every
 *     version changes. PROVENANCE is always among them: every version appends a record.
 * @param retained true while the database still stores this version's content (for a deletion,
 *     its header), so that it can be reconstructed; false once the retention policy removed it
 * @param versionHash the hash of the version record, linking the version chain (VQL §7.6)
 */
public record VersionInfo(
    long version,
    Instant committedAt,
    String actor,
    String label,
    String message,
    Instant validFrom,
    boolean deletion,
    Set<Modality> modalities,
    Set<Modality> changed,
    boolean retained,
    String versionHash) {

  public VersionInfo {
    modalities = Collections.unmodifiableSet(copy(modalities));
    changed = Collections.unmodifiableSet(copy(changed));
  }

  private static EnumSet<Modality> copy(Set<Modality> modalities) {
    EnumSet<Modality> copy = EnumSet.noneOf(Modality.class);
    copy.addAll(modalities);
    return copy;
  }
}
