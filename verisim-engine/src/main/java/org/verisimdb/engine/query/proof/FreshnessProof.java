package org.verisimdb.engine.query.proof;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.verisimdb.model.Octad;
import org.verisimdb.model.Timestamps;

/**
 * FRESHNESS (VQL.md §7.3): {@code issued_at − modified_at ≤ max_age}, compared exactly (to the
 * microsecond). Evidence: {@code id}, {@code version}, {@code version_hash}, {@code modified_at},
 * {@code age_ms} (the age in whole milliseconds, rounded down) and {@code max_age} (ISO 8601, as
 * {@link Duration#toString()} writes it: {@code PT24H}). A reader recomputes the age from the
 * certificate's {@code issued_at} and {@code modified_at}.
 */
final class FreshnessProof implements ObligationCheck {
  private final Duration maxAge;
  private final Instant issuedAt;

  FreshnessProof(ProofSpecs.Spec spec, ProofContext ctx) {
    ProofSpecs.allowOnly(spec, List.of("max_age"));
    this.maxAge = ProofSpecs.duration(spec, "max_age", ctx.defaultFreshness());
    this.issuedAt = ctx.issuedAt();
  }

  @Override
  public Obligation check(Octad octad, Integer leafIndex) {
    Instant modified = octad.modifiedAt();
    Duration age = Duration.between(modified, issuedAt);
    Evidence e = Evidence.about(octad.id())
        .put("version", octad.version())
        .put("version_hash", Evidence.versionHash(octad))
        .put("modified_at", modified)
        .put("age_ms", age.toMillis())
        .put("max_age", maxAge.toString());
    if (age.compareTo(maxAge) > 0) {
      return e.fail("stale", "octad " + octad.id() + " was last modified at " + Timestamps.format(modified) + ", " + age.toMillis()
          + " ms before issued_at; max_age is " + maxAge);
    }
    return e.pass();
  }
}
