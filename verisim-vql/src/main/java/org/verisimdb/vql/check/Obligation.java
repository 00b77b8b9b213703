package org.verisimdb.vql.check;

import java.util.Set;
import org.verisimdb.vql.ast.Modality;

/**
 * What one proof spec obliges the engine to verify (VQL.md §7.4), as EXPLAIN lists it:
 * type, argument ("*" or the id or contract as written), the modalities it needs, and a
 * deterministic estimate of subjects and cost.
 */
public record Obligation(String type, String argument, Set<Modality> requiredModalities, long estimatedSubjects, double estimatedCostMs) {
  public Obligation {
    requiredModalities = Set.copyOf(requiredModalities);
  }
}
