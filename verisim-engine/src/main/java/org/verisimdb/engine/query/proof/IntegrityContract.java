package org.verisimdb.engine.query.proof;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.model.Modality;
import org.verisimdb.vql.ast.Value;

/**
 * An INTEGRITY contract (VQL.md §7.2 P2, §7.3): which modalities an INTEGRITY proof recomputes.
 * The built-in {@link #DEFAULT} (what {@code INTEGRITY(*)} uses) covers every present modality
 * except TEMPORAL; a registered contract names its modalities, each of which must then be present.
 *
 * @param name the name the contract is referred to by
 * @param version the contract's version, stated in the evidence
 * @param modalities the covered modalities; empty means every present one (never TEMPORAL)
 */
public record IntegrityContract(String name, long version, Set<Modality> modalities) {
  /** The name of the built-in contract. */
  public static final String DEFAULT_NAME = "default";
  /** The built-in contract of {@code INTEGRITY(*)}: every present modality except TEMPORAL. */
  public static final IntegrityContract DEFAULT = new IntegrityContract(DEFAULT_NAME, 1, Set.of());

  public IntegrityContract {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an INTEGRITY contract needs a name");
    }
    if (version < 1) {
      throw new IllegalArgumentException("contract versions start at 1, got " + version);
    }
    if (modalities.contains(Modality.TEMPORAL)) {
      throw new IllegalArgumentException("TEMPORAL has no modality hash: contract '" + name + "' cannot cover it");
    }
    modalities = modalities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modalities));
  }

  /** True when the contract covers whatever modalities an octad has. */
  public boolean coversPresent() {
    return modalities.isEmpty();
  }

  /**
   * {@code {name, version, modalities}} as the entry's evidence states it once: modalities in
   * lower case, in modality order; for {@link #DEFAULT} every modality but TEMPORAL, of which
   * each octad's evidence recomputes those present.
   */
  Value.Obj toJson() {
    List<Value> names = new ArrayList<>();
    Set<Modality> covered = coversPresent() ? EnumSet.complementOf(EnumSet.of(Modality.TEMPORAL)) : EnumSet.copyOf(modalities);
    covered.forEach(m -> names.add(new Value.Str(m.wireName())));
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("name", new Value.Str(name));
    m.put("version", new Value.Int(version));
    m.put("modalities", new Value.Arr(names));
    return new Value.Obj(m);
  }
}
