package org.verisimdb.engine.query.drift;

import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;

/**
 * Drift scores of an octad (VQL.md §6.10, DESIGN.md §6): how far two of its modalities disagree,
 * from 0 (they agree) to 1 (they share nothing). Implementations are thread-safe.
 *
 * <p>A pair is measured only where a measure exists; asking for another pair is a
 * {@link org.verisimdb.engine.query.VqlException} with code
 * {@link org.verisimdb.vql.diag.DiagnosticCode#EXEC_004} whose message starts with
 * {@code "drift measure not available for this pair"}, whatever data the octad holds, so that a
 * statement fails the same way on every row rather than only on some.
 */
public interface DriftScores {

  /**
   * The drift between modalities {@code a} and {@code b} of {@code octad}: symmetric, in [0, 1],
   * and 1.0 when either modality is absent (the missing-modality rule of §6.10).
   *
   * @throws IllegalArgumentException when {@code a == b} (the checker rejects {@code DRIFT(m, m)}
   *     as VQL-TYPE-012 before anything runs)
   * @throws org.verisimdb.engine.query.VqlException EXEC_004 when the pair has no measure here, or
   *     the model the measure needs cannot run
   */
  double pair(Octad octad, Modality a, Modality b);

  /**
   * The octad's overall drift score ({@code drift_score}, the default of a CONSISTENCY proof):
   * the drift of every measurable pair the octad holds both sides of, combined by the
   * implementation; 0.0 when it holds no such pair, since nothing measurable can have drifted.
   */
  double overall(Octad octad);

  /**
   * The name and version of the measure of a pair, as a CONSISTENCY proof's evidence records it
   * ({@code "cosine-distance/all-minilm-l6-v2-q/1"}).
   *
   * @throws org.verisimdb.engine.query.VqlException EXEC_004 when the pair has no measure here
   */
  String algorithm(Modality a, Modality b);

  /** The name and version of the measure behind {@link #overall}. */
  default String overallAlgorithm() {
    return "drift-score(" + algorithm(Modality.VECTOR, Modality.DOCUMENT) + ")";
  }
}
