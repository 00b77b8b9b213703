package org.verisimdb.engine.store;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.verisimdb.model.Modality;

/**
 * How many live octads exist, and how many have each modality (TEMPORAL: every live octad).
 * Immutable; {@link #apply} returns the counts after a change.
 */
public record Counts(long octads, Map<Modality, Long> perModality) {
  public static final Counts ZERO = new Counts(0, Map.of());

  public Counts {
    EnumMap<Modality, Long> copy = new EnumMap<>(Modality.class);
    for (Modality m : Modality.values()) {
      copy.put(m, perModality.getOrDefault(m, 0L));
    }
    copy.put(Modality.TEMPORAL, octads);
    perModality = Collections.unmodifiableMap(copy);
  }

  /** The counts after an octad goes from {@code before} to {@code after} (null: not live). */
  public Counts apply(Set<Modality> before, Set<Modality> after) {
    EnumMap<Modality, Long> next = new EnumMap<>(perModality);
    long octadDelta = (after != null ? 1 : 0) - (before != null ? 1 : 0);
    if (before != null) {
      before.forEach(m -> next.merge(m, -1L, Long::sum));
    }
    if (after != null) {
      after.forEach(m -> next.merge(m, 1L, Long::sum));
    }
    return new Counts(octads + octadDelta, next);
  }

  public long count(Modality modality) {
    return perModality.get(modality);
  }
}
