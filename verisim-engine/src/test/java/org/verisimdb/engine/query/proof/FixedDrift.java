package org.verisimdb.engine.query.proof;

import java.util.Map;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.drift.DriftScores;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.vql.diag.DiagnosticCode;

/** Drift scores a test sets per octad id: {@code overall} and DRIFT(VECTOR, DOCUMENT) are both the set score; other pairs are not available. */
record FixedDrift(Map<String, Double> scores) implements DriftScores {
  @Override
  public double pair(Octad octad, Modality a, Modality b) {
    algorithm(a, b);
    return scores.getOrDefault(octad.id().value(), 1.0);
  }

  @Override
  public double overall(Octad octad) {
    return scores.getOrDefault(octad.id().value(), 0.0);
  }

  @Override
  public String algorithm(Modality a, Modality b) {
    if (!(a == Modality.VECTOR && b == Modality.DOCUMENT || a == Modality.DOCUMENT && b == Modality.VECTOR)) {
      throw new VqlException(DiagnosticCode.EXEC_004, "drift measure not available for this pair: DRIFT(" + a + ", " + b + ")");
    }
    return "fixed/1";
  }
}
