package org.verisimdb.model.facet;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.Sha256;

/**
 * An octad's provenance: its hash chain of events, oldest first. The database appends a record
 * for every create, update, delete and repair, and callers may append their own; records are
 * never changed or removed. A facet read from storage is returned as stored, so a damaged chain
 * is visible: {@link #verify()} finds the first broken link.
 */
public record ProvenanceFacet(List<ProvenanceRecord> records) implements Facet {
  public ProvenanceFacet {
    if (records == null || records.isEmpty()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_PROVENANCE, "provenance.records", "a provenance chain has at least one record");
    }
    records = List.copyOf(records);
  }

  /** The outcome of checking a chain: valid, or the index of the first broken record and why. */
  public record Verification(boolean valid, int firstBroken, String reason) {
    public static final Verification VALID = new Verification(true, -1, null);
  }

  @Override
  public Modality modality() {
    return Modality.PROVENANCE;
  }

  public ProvenanceRecord head() {
    return records.getLast();
  }

  /** Hash of the newest record: the value the next record links to. */
  public String headHash() {
    return head().contentHash();
  }

  /** A chain with {@code next} appended; {@code next} must link to the current head. */
  public ProvenanceFacet append(ProvenanceRecord next) {
    if (!next.parentHash().equals(headHash())) {
      throw new IllegalArgumentException("record links to " + next.parentHash() + ", not to the head " + headHash());
    }
    List<ProvenanceRecord> all = new ArrayList<>(records.size() + 1);
    all.addAll(records);
    all.add(next);
    return new ProvenanceFacet(all);
  }

  /** Checks every link and every content hash, oldest first, and reports the first failure. */
  public Verification verify() {
    String expectedParent = Sha256.GENESIS;
    for (int i = 0; i < records.size(); i++) {
      ProvenanceRecord record = records.get(i);
      if (!record.parentHash().equals(expectedParent)) {
        return new Verification(false, i, "record " + i + " links to " + record.parentHash() + " but the previous hash is " + expectedParent);
      }
      String recomputed = record.recomputeHash();
      if (!recomputed.equals(record.contentHash())) {
        return new Verification(false, i, "record " + i + " hashes to " + recomputed + " but stores " + record.contentHash());
      }
      expectedParent = record.contentHash();
    }
    return Verification.VALID;
  }
}
