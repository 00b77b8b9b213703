package org.verisimdb.engine.query.exec;

import java.time.Instant;
import java.util.List;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.model.write.TemporalInput;
import org.verisimdb.vql.ast.Clauses.SetItem;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * {@code UPDATE OCTAD id SET MOD.field = value, …} (VQL.md §5.10) as a patch of field edits: a
 * value sets the field, NULL removes a DOCUMENT field or a property, or clears a nullable field.
 * The writable TEMPORAL fields describe the new version instead. The checker has rejected fields
 * that are not writable (VQL-TYPE-009); the database rejects values its modalities do not hold.
 */
final class SetItemPatch {
  private SetItemPatch() {}

  static OctadPatch of(List<SetItem> items, Params params) {
    OctadPatch.Builder b = OctadPatch.builder();
    Instant validFrom = null;
    String label = null;
    String message = null;
    for (SetItem item : items) {
      Modality m = Modality.valueOf(item.field().modality().name());
      String field = item.field().name();
      Value v = params.value(item.value());
      try {
        if (m == Modality.TEMPORAL) {
          switch (field) {
            case "valid_from" -> {
              if (v instanceof Value.Null) {
                throw VqlException.at(DiagnosticCode.EXEC_004, item.span(), "clearing TEMPORAL.valid_from is not available on this node: a new"
                    + " version keeps the previous version's valid_from unless it is given a new one")
                    .withHint("set TEMPORAL.valid_from to the time from which the new version is valid");
              }
              validFrom = params.time(item.value()).instant();
            }
            case "label" -> label = v instanceof Value.Null ? null : params.string(item.value());
            case "message" -> message = v instanceof Value.Null ? null : params.string(item.value());
            default -> throw VqlException.at(DiagnosticCode.TYPE_009, item.field().span(), "TEMPORAL." + field + " is not writable");
          }
          continue;
        }
        org.verisimdb.model.value.Value stored = ModDataInput.stored(v, item.value().span());
        if (stored == null) {
          b.unset(m, field);
        } else {
          b.set(m, field, stored);
        }
      } catch (VeriSimException e) {
        throw Errors.at(e, item.span());
      }
    }
    try {
      if (validFrom != null || label != null || message != null) {
        b.temporal(new TemporalInput(validFrom, label, message));
      }
      return b.build();
    } catch (VeriSimException e) {
      throw Errors.of(e);
    }
  }
}
