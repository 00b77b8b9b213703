package org.verisimdb.engine.query.proof;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.verisimdb.engine.query.drift.DriftScores;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.facet.VersionRecord;

/**
 * What verifying a statement's proofs may consult besides its subjects: the read view, the
 * result page, the instant the certificate is issued at, the configured defaults and the drift
 * measure. Implementations are safe for concurrent use by the obligations of one statement.
 */
public interface ProofContext {
  /** {@code proof.freshness_max_age} when not configured (VQL.md §1.5). */
  Duration DEFAULT_FRESHNESS = Duration.ofHours(24);

  /**
   * The octad at the statement's read view (the historical view under AS OF, the transaction's
   * view including the write for a mutation), empty when it does not exist there. Octads should
   * carry at least their current version record, so evidence can name its hash.
   */
  Optional<Octad> read(OctadId id);

  /** The Merkle tree over the page's rows, each leaf the UTF-8 canonical JSON of one row. */
  Merkle.Tree result();

  /**
   * The certificate's {@code issued_at}: fixed once for the statement, so that FRESHNESS
   * measures every age at the same instant the certificate states and a reader can recompute
   * each {@code age_ms} from the certificate alone.
   */
  Instant issuedAt();

  /** The {@code max_age} of FRESHNESS when the spec gives none. */
  Duration defaultFreshness();

  /** The drift measure of CONSISTENCY. */
  DriftScores drift();

  /**
   * Every version record of the octad up to its version in the read view, oldest first (INTEGRITY
   * with {@code chain = 'full'}). By default the records its TEMPORAL lists, which may be only the
   * newest few; a context over a database reads the whole history.
   */
  default List<VersionRecord> versions(Octad octad) {
    return octad.temporal().versions().reversed();
  }

  /** A context over fixed values; {@code issuedAt} is truncated to microseconds. */
  static ProofContext of(Function<OctadId, Optional<Octad>> reader, List<byte[]> rows, Instant issuedAt, Duration defaultFreshness,
      DriftScores drift) {
    return of(reader, null, rows, issuedAt, defaultFreshness, drift);
  }

  /**
   * A context over fixed values whose version histories come from {@code versions} (oldest
   * first; null: what each octad's TEMPORAL lists); {@code issuedAt} is truncated to microseconds.
   */
  static ProofContext of(Function<OctadId, Optional<Octad>> reader, Function<Octad, List<VersionRecord>> versions, List<byte[]> rows,
      Instant issuedAt, Duration defaultFreshness, DriftScores drift) {
    return new FixedContext(reader, versions, Merkle.Tree.of(rows), Timestamps.truncate(issuedAt), defaultFreshness, drift);
  }
}
