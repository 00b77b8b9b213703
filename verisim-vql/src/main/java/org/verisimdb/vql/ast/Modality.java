package org.verisimdb.vql.ast;

import java.util.Locale;

/** The eight modalities of an octad, in the order {@code SELECT *} returns them. */
public enum Modality {
  GRAPH,
  VECTOR,
  TENSOR,
  SEMANTIC,
  DOCUMENT,
  TEMPORAL,
  PROVENANCE,
  SPATIAL;

  private static final Modality[] ALL = values();

  /** The lower-case name used for row members and store names. */
  public String lower() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The modality named {@code word} in any case, or null. */
  public static Modality byName(String word) {
    for (Modality m : ALL) {
      if (m.name().equalsIgnoreCase(word)) {
        return m;
      }
    }
    return null;
  }
}
