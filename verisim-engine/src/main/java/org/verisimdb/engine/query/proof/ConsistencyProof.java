package org.verisimdb.engine.query.proof;

import java.util.List;
import java.util.Locale;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.drift.DriftScores;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * CONSISTENCY (VQL.md §7.3): {@code drift_score ≤ max_drift} (default 0.3), or
 * {@code DRIFT(M1, M2) ≤ max_drift} with {@code pair = 'M1,M2'}. Evidence: {@code id},
 * {@code content_hash}, {@code score}, {@code pair} (normalised to upper case, null when not
 * given), {@code max_drift}, {@code algorithm}. A pair the drift measure cannot score, or a model
 * that cannot run, fails the obligation with {@code not_available}.
 */
final class ConsistencyProof implements ObligationCheck {
  private final DriftScores drift;
  private final double maxDrift;
  private final Modality first;
  private final Modality second;

  ConsistencyProof(ProofSpecs.Spec spec, ProofContext ctx) {
    ProofSpecs.allowOnly(spec, List.of("max_drift", "pair"));
    this.drift = ctx.drift();
    this.maxDrift = ProofSpecs.number(spec, "max_drift", 0.3, 0, 1);
    String pair = ProofSpecs.text(spec, "pair");
    if (pair == null) {
      first = null;
      second = null;
      return;
    }
    String[] parts = pair.split(",", -1);
    first = parts.length == 2 ? modality(parts[0]) : null;
    second = parts.length == 2 ? modality(parts[1]) : null;
    if (first == null || second == null) {
      throw new VqlException(DiagnosticCode.VALUE_006, "pair of CONSISTENCY must name two modalities as 'M1,M2'; found '" + pair + "'");
    }
    if (first == second) {
      throw new VqlException(DiagnosticCode.TYPE_012, "pair of CONSISTENCY names " + first + " twice; DRIFT needs two different modalities");
    }
  }

  @Override
  public Obligation check(Octad octad, Integer leafIndex) {
    String pair = first == null ? null : first + "," + second;
    Evidence e = Evidence.about(octad.id())
        .put("content_hash", Evidence.contentHash(octad))
        .put("pair", pair)
        .put("max_drift", maxDrift);
    double score;
    String algorithm;
    try {
      score = first == null ? drift.overall(octad) : drift.pair(octad, first, second);
      algorithm = first == null ? drift.overallAlgorithm() : drift.algorithm(first, second);
    } catch (VqlException unavailable) {
      return e.fail("not_available", unavailable.getMessage());
    }
    e.put("score", score).put("algorithm", algorithm);
    if (score > maxDrift) {
      return e.fail("drift_exceeded", "octad " + octad.id() + " has " + (pair == null ? "drift_score " : "DRIFT(" + first + ", " + second + ") ")
          + score + "; max_drift is " + maxDrift);
    }
    return e.pass();
  }

  private static Modality modality(String name) {
    String n = name.strip().toUpperCase(Locale.ROOT);
    for (Modality m : Modality.values()) {
      if (m.name().equals(n)) {
        return m;
      }
    }
    return null;
  }
}
