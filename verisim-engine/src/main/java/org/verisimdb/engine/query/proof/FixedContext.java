package org.verisimdb.engine.query.proof;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.verisimdb.engine.query.drift.DriftScores;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.VersionRecord;

/** A {@link ProofContext} whose parts are given up front; {@code history} may be null (versions from TEMPORAL). */
record FixedContext(Function<OctadId, Optional<Octad>> reader, Function<Octad, List<VersionRecord>> history, Merkle.Tree result,
    Instant issuedAt, Duration defaultFreshness, DriftScores drift) implements ProofContext {
  FixedContext {
    if (reader == null || result == null || issuedAt == null || defaultFreshness == null || drift == null) {
      throw new IllegalArgumentException("a proof context needs a reader, the result tree, issued_at, a default max_age and a drift measure");
    }
  }

  @Override
  public Optional<Octad> read(OctadId id) {
    return reader.apply(id);
  }

  @Override
  public List<VersionRecord> versions(Octad octad) {
    return history == null ? ProofContext.super.versions(octad) : history.apply(octad);
  }
}
