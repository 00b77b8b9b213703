package org.verisimdb.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.Hints;
import org.verisimdb.model.error.VeriSimException;

/**
 * The eight views of an octad. The tag is the modality's stable number in stored formats (never
 * the ordinal, which may change if the enum is reordered).
 */
public enum Modality {
  GRAPH(1),
  VECTOR(2),
  TENSOR(3),
  SEMANTIC(4),
  DOCUMENT(5),
  TEMPORAL(6),
  PROVENANCE(7),
  SPATIAL(8);

  private static final List<String> NAMES = Arrays.stream(values()).map(Modality::name).toList();

  private final int tag;

  Modality(int tag) {
    this.tag = tag;
  }

  /** The stable number of this modality in stored formats. */
  public int tag() {
    return tag;
  }

  /** The lower-case name used in JSON and hashing ({@code "document"}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the modalities a caller writes directly; TEMPORAL and PROVENANCE are kept by the database. */
  public boolean userWritable() {
    return this != TEMPORAL && this != PROVENANCE;
  }

  /** The modality with this name, case-insensitively, or INVALID_ARGUMENT with a hint. */
  public static Modality parse(String name) {
    for (Modality m : values()) {
      if (m.name().equalsIgnoreCase(name)) {
        return m;
      }
    }
    throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "modality",
        "unknown modality '" + name + "'" + Hints.didYouMean(name, NAMES)
            + " (modalities: " + String.join(", ", NAMES) + ")");
  }

  /** The modality with this stored tag; an unknown tag means damaged data. */
  public static Modality ofTag(int tag) {
    for (Modality m : values()) {
      if (m.tag == tag) {
        return m;
      }
    }
    throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "unknown modality tag " + tag + " in stored data");
  }
}
