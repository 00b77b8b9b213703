package org.verisimdb.engine.write;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.StoredChange;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.model.write.ModalityChange;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.model.write.ProvenanceEvent;
import org.verisimdb.model.write.TemporalInput;

/**
 * Plans writes: turns a create, update or delete into the {@link StoredChange} that commits it.
 * Every check happens here, before anything is written, so a rejected write changes nothing.
 *
 * <p>Each write makes exactly one new version. Its provenance records are the database's own
 * ({@code created}, {@code modified} or {@code deleted}, actor = the writing principal)
 * followed by the caller's events. A version's label and message describe that version only;
 * its valid-from time carries over from the previous version unless the write gives one.
 *
 * <p>Stateless and thread-safe; the database calls it under its write lock.
 */
public final class OctadWriter {
  private final int vectorDimension;
  private final AutoEmbedding embedding;

  public OctadWriter(int vectorDimension) {
    this(vectorDimension, AutoEmbedding.off());
  }

  public OctadWriter(int vectorDimension, AutoEmbedding embedding) {
    this.vectorDimension = vectorDimension;
    this.embedding = embedding;
  }

  public AutoEmbedding embedding() {
    return embedding;
  }

  /** Creates {@code id}; {@code previous} is the header of a deleted octad of that id, or null. */
  public StoredChange create(OctadId id, OctadInput input, OctadHeader previous, String principal, Instant now) {
    if (previous != null && previous.live()) {
      throw VeriSimException.invalid(ErrorCode.OCTAD_ALREADY_EXISTS, "id",
          "octad '" + id + "' already exists (version " + previous.version() + "); update it, or create with another id");
    }
    Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
    facets.putAll(input.facets());
    embedding.apply(Map.of(), facets, input.facets().containsKey(Modality.VECTOR));
    check(facets);
    String description = facets.isEmpty() ? "created" : "created with " + names(facets.keySet());
    return commit(id, previous, facets, EnumSet.noneOf(Modality.class), "created", description, input.temporal(), input.provenance(), principal,
        now, false);
  }

  /**
   * Applies {@code patch} to the live octad {@code id} whose user facets are {@code current} and
   * whose current version record is {@code currentVersion}: the modality hashes of facets the
   * patch leaves unchanged are taken from it rather than recomputed.
   */
  public StoredChange update(OctadId id, OctadHeader header, Map<Modality, Facet> current, VersionRecord currentVersion, OctadPatch patch,
      String principal, Instant now) {
    if (patch.expectedVersion() != null && patch.expectedVersion() != header.version()) {
      throw new VeriSimException(ErrorCode.VERSION_CONFLICT, "octad '" + id + "' is at version " + header.version()
          + ", not the expected " + patch.expectedVersion() + "; read it again and reapply your change");
    }
    Map<Modality, Facet> after = new EnumMap<>(Modality.class);
    after.putAll(current);
    Set<Modality> dropped = EnumSet.noneOf(Modality.class);
    List<String> changes = new ArrayList<>();
    for (Map.Entry<Modality, ModalityChange> entry : patch.changes().entrySet()) {
      Modality m = entry.getKey();
      Facet next = entry.getValue().apply(current.get(m));
      if (next == null) {
        if (after.remove(m) != null) {
          dropped.add(m);
        }
      } else {
        after.put(m, next);
      }
      changes.add(m.wireName() + " (" + describe(entry.getValue()) + ")");
    }
    embedding.apply(current, after, patch.changes().containsKey(Modality.VECTOR));
    check(after);
    String description = changes.isEmpty() ? "modified" : "modified " + String.join(", ", changes);
    Map<Modality, Facet> written = new EnumMap<>(Modality.class);
    after.forEach((m, f) -> {
      if (!f.equals(current.get(m))) {
        written.put(m, f);
      }
    });
    Map<Modality, String> known = new EnumMap<>(Modality.class);
    currentVersion.modalityHashes().forEach((m, hash) -> {
      if (m.userWritable() && after.containsKey(m) && !written.containsKey(m)) {
        known.put(m, hash);
      }
    });
    return commit(id, header, after, dropped, "modified", description, patch.temporal(), patch.provenance(), principal, now, false, written,
        known);
  }

  /** Deletes the live octad {@code id}; its history and provenance chain remain. */
  public StoredChange delete(OctadId id, OctadHeader header, String principal, Instant now) {
    Set<Modality> dropped = EnumSet.noneOf(Modality.class);
    for (Modality m : header.modalities()) {
      if (m.userWritable()) {
        dropped.add(m);
      }
    }
    return commit(id, header, Map.of(), dropped, "deleted", "deleted", null, List.of(), principal, now, true);
  }

  private StoredChange commit(OctadId id, OctadHeader previous, Map<Modality, Facet> facets, Set<Modality> dropped, String event,
      String description, TemporalInput temporal, List<ProvenanceEvent> events, String principal, Instant now, boolean deletion) {
    return commit(id, previous, facets, dropped, event, description, temporal, events, principal, now, deletion, facets, Map.of());
  }

  private StoredChange commit(OctadId id, OctadHeader previous, Map<Modality, Facet> facets, Set<Modality> dropped, String event,
      String description, TemporalInput temporal, List<ProvenanceEvent> events, String principal, Instant now, boolean deletion,
      Map<Modality, Facet> written, Map<Modality, String> knownHashes) {
    String provenanceParent = previous == null || previous.provenanceHead() == null ? Sha256.GENESIS : previous.provenanceHead();
    List<ProvenanceRecord> records = new ArrayList<>(1 + events.size());
    ProvenanceRecord last = ProvenanceRecord.create(provenanceParent, event, principal, null, truncate(description), now);
    records.add(last);
    for (ProvenanceEvent e : events) {
      last = ProvenanceRecord.create(last.contentHash(), e.eventType(), e.actor() == null ? principal : e.actor(), e.source(), e.description(), now);
      records.add(last);
    }

    Map<Modality, String> hashes = new EnumMap<>(Modality.class);
    String contentHash = null;
    if (!deletion) {
      facets.forEach((m, facet) -> hashes.put(m, knownHashes.containsKey(m) ? knownHashes.get(m) : ContentHash.of(facet)));
      hashes.put(Modality.PROVENANCE, ContentHash.of(new ProvenanceFacet(List.of(last))));
      contentHash = ContentHash.ofOctad(id, hashes);
    }
    long version = previous == null ? 1 : previous.version() + 1;
    Instant validFrom = temporal != null && temporal.validFrom() != null ? temporal.validFrom()
        : previous == null || deletion ? null : previous.validFrom();
    String label = temporal == null ? null : temporal.label();
    String message = temporal == null ? null : temporal.message();
    VersionRecord record = VersionRecord.create(version, now, principal, label, message, validFrom, hashes, contentHash,
        previous == null ? Sha256.GENESIS : previous.versionHash());

    boolean reborn = previous == null || previous.deleted();
    TreeSet<String> modifiedBy = new TreeSet<>(previous == null ? Set.of() : previous.modifiedBy());
    modifiedBy.add(principal);
    Set<Modality> stored = EnumSet.noneOf(Modality.class);
    stored.addAll(facets.keySet());
    stored.add(Modality.PROVENANCE);
    OctadHeader header = new OctadHeader(version, deletion, reborn ? now : previous.createdAt(), now, validFrom, label, message,
        (previous == null ? 0 : previous.versionCount()) + 1, modifiedBy, stored, record.versionHash(),
        (previous == null ? 0 : previous.provenanceCount()) + records.size(), last.contentHash());
    return new StoredChange(id, header, facets, written, dropped, record, records, previous == null ? 0 : previous.provenanceCount());
  }

  private void check(Map<Modality, Facet> facets) {
    if (facets.get(Modality.VECTOR) instanceof VectorFacet v && v.dimension() != vectorDimension) {
      throw VeriSimException.invalid(ErrorCode.VECTOR_DIMENSION_MISMATCH, "vector.embedding",
          "the embedding has " + v.dimension() + " elements but this database stores " + vectorDimension
              + "-dimensional vectors (vector.dimension); re-embed it or open a database configured for " + v.dimension());
    }
  }

  private static String describe(ModalityChange change) {
    return switch (change) {
      case ModalityChange.Replace r -> "replaced";
      case ModalityChange.Remove r -> "removed";
      case ModalityChange.SetFields s -> {
        List<String> parts = new ArrayList<>();
        s.edits().forEach(e -> parts.add((e.isRemoval() ? "unset " : "set ") + e.field()));
        yield String.join(", ", parts);
      }
      case ModalityChange.EditEdges e -> "+" + e.add().size() + " -" + e.remove().size() + " edges";
    };
  }

  private static String names(Set<Modality> modalities) {
    List<String> names = new ArrayList<>();
    modalities.forEach(m -> names.add(m.wireName()));
    return String.join(", ", names);
  }

  private static String truncate(String description) {
    return description.length() <= 1000 ? description : description.substring(0, 999) + "…";
  }
}
