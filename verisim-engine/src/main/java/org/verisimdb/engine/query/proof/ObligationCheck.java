package org.verisimdb.engine.query.proof;

import java.util.Map;
import org.verisimdb.model.Octad;
import org.verisimdb.vql.ast.Value;

/** Checks one obligation of a spec whose parameters it has already read. Thread-safe. */
interface ObligationCheck {
  /**
   * @param octad the subject at the read view (it exists: a missing octad fails before this)
   * @param leafIndex the index of its row in the result tree, or null when it has no row there
   */
  Obligation check(Octad octad, Integer leafIndex);

  /** Evidence members the spec states once, beside {@code octads} (an INTEGRITY contract); none by default. */
  default Map<String, Value> once() {
    return Map.of();
  }
}
