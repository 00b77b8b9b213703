package org.verisimdb.model.facet;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.Hints;
import org.verisimdb.model.error.VeriSimException;

/** The eleven proof types of VQL-DT (VQL §7.3); stored proofs carry one of them. */
public enum ProofType {
  EXISTENCE, INTEGRITY, CONSISTENCY, PROVENANCE, FRESHNESS, ACCESS, CITATION, CUSTOM, ZKP, PROVEN, SANCTIFY;

  private static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

  public static ProofType parse(String name, String field) {
    for (ProofType t : values()) {
      if (t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, field,
        "unknown proof type '" + name + "'" + Hints.didYouMean(String.valueOf(name).toUpperCase(Locale.ROOT), NAMES)
            + " (types: " + String.join(", ", NAMES) + ")");
  }
}
