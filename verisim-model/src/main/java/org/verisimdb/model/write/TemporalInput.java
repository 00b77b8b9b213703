package org.verisimdb.model.write;

import java.time.Instant;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.facet.TemporalFacet;

/**
 * What a writer says about the version its write creates: the business time from which the
 * data is valid, a label ({@code "reviewed"}) and a message. Each may be null.
 */
public record TemporalInput(Instant validFrom, String label, String message) {
  public TemporalInput {
    if (validFrom != null) {
      validFrom = Timestamps.require(validFrom, ErrorCode.INVALID_TEMPORAL, "temporal.valid_from", "valid-from time");
    }
    TemporalFacet.checkLabelAndMessage(label, message);
  }

  public static TemporalInput label(String label) {
    return new TemporalInput(null, label, null);
  }

  public static TemporalInput message(String message) {
    return new TemporalInput(null, null, message);
  }
}
