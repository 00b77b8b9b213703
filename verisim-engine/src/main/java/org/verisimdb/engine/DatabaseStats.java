package org.verisimdb.engine;

import java.util.Map;
import org.verisimdb.model.Modality;

/**
 * How many live octads a database holds and how many have each modality (every live octad has
 * TEMPORAL; PROVENANCE counts octads whose chain has records).
 */
public record DatabaseStats(long octads, Map<Modality, Long> perModality) {
  public DatabaseStats {
    perModality = Map.copyOf(perModality);
  }

  public long count(Modality modality) {
    return perModality.getOrDefault(modality, 0L);
  }
}
