package org.verisimdb.vql.check;

import java.util.List;
import java.util.Set;
import org.verisimdb.vql.ast.Modality;

/**
 * A registered contract as the checker sees it: its kind, declared parameters and the
 * modalities it covers or needs (VQL.md §6.6, §7.2 P2–P3).
 */
public record Contract(String name, Kind kind, List<Param> params, Set<Modality> modalities) {
  public Contract {
    params = List.copyOf(params);
    modalities = Set.copyOf(modalities);
  }

  public enum Kind {
    PREDICATE,
    INTEGRITY,
    ZKP
  }

  /** A declared parameter; {@code required} means it has no default and must be given. */
  public record Param(String name, VqlType type, boolean required) {}
}
