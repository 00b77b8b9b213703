package org.verisimdb.engine.write;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.engine.store.StoredChange;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;

/**
 * One write of a transaction, kept as the caller asked for it so that it can be planned again at
 * commit against the newest committed state (READ COMMITTED applies writes there; the other
 * levels plan again on the state they validated as unchanged).
 */
public sealed interface WriteOp {
  OctadId id();

  /** The modalities whose content the write changes: what a lock on (id, modality) protects. */
  Set<Modality> touches();

  /** Plans the write against {@code view}, as {@code principal} at {@code now}. */
  StoredChange plan(OctadWriter writer, OctadStore view, String principal, Instant now);

  /** What the write is, for messages: {@code create of octad 'x'}. */
  String describe();

  record Create(OctadId id, OctadInput input) implements WriteOp {
    @Override
    public Set<Modality> touches() {
      return EnumSet.allOf(Modality.class);
    }

    @Override
    public StoredChange plan(OctadWriter writer, OctadStore view, String principal, Instant now) {
      return writer.create(id, input, view.header(id), principal, now);
    }

    @Override
    public String describe() {
      return "create of octad '" + id + "'";
    }
  }

  record Update(OctadId id, OctadPatch patch) implements WriteOp {
    @Override
    public Set<Modality> touches() {
      Set<Modality> touched = EnumSet.noneOf(Modality.class);
      touched.addAll(patch.changes().keySet());
      if (patch.temporal() != null) {
        touched.add(Modality.TEMPORAL);
      }
      if (!patch.provenance().isEmpty()) {
        touched.add(Modality.PROVENANCE);
      }
      return touched;
    }

    @Override
    public StoredChange plan(OctadWriter writer, OctadStore view, String principal, Instant now) {
      OctadHeader header = requireLive(id, view.header(id));
      VersionRecord current = view.versions(id, header.version(), header.version()).getFirst();
      return writer.update(id, header, view.facets(id, header), current, patch, principal, now);
    }

    @Override
    public String describe() {
      return "update of octad '" + id + "'";
    }
  }

  record Delete(OctadId id) implements WriteOp {
    @Override
    public Set<Modality> touches() {
      return EnumSet.allOf(Modality.class);
    }

    @Override
    public StoredChange plan(OctadWriter writer, OctadStore view, String principal, Instant now) {
      return writer.delete(id, requireLive(id, view.header(id)), principal, now);
    }

    @Override
    public String describe() {
      return "delete of octad '" + id + "'";
    }
  }

  private static OctadHeader requireLive(OctadId id, OctadHeader header) {
    if (header == null || !header.live()) {
      throw VeriSimException.invalid(ErrorCode.OCTAD_NOT_FOUND, "id", "octad '" + id + "' does not exist"
          + (header == null ? "" : " (it was deleted at version " + header.version() + ")"));
    }
    return header;
  }
}
