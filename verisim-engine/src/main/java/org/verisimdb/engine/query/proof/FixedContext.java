package org.verisimdb.engine.query.proof;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.verisimdb.engine.query.drift.DriftScores;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;

/** A {@link ProofContext} whose parts are given up front. */
record FixedContext(Function<OctadId, Optional<Octad>> reader, Merkle.Tree result, Instant issuedAt, Duration defaultFreshness,
    DriftScores drift) implements ProofContext {
  FixedContext {
    if (reader == null || result == null || issuedAt == null || defaultFreshness == null || drift == null) {
      throw new IllegalArgumentException("a proof context needs a reader, the result tree, issued_at, a default max_age and a drift measure");
    }
  }

  @Override
  public Optional<Octad> read(OctadId id) {
    return reader.apply(id);
  }
}
