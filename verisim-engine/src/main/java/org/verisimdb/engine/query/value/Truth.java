package org.verisimdb.engine.query.value;

/** The three truth values of VQL conditions (VQL.md §4.6). */
public enum Truth {
  TRUE,
  FALSE,
  UNKNOWN;

  public static Truth of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public Truth not() {
    return switch (this) {
      case TRUE -> FALSE;
      case FALSE -> TRUE;
      case UNKNOWN -> UNKNOWN;
    };
  }

  /** FALSE if either is FALSE, else UNKNOWN if either is UNKNOWN, else TRUE. */
  public Truth and(Truth other) {
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
  }

  /** TRUE if either is TRUE, else UNKNOWN if either is UNKNOWN, else FALSE. */
  public Truth or(Truth other) {
    if (this == TRUE || other == TRUE) {
      return TRUE;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
  }

  public boolean isTrue() {
    return this == TRUE;
  }
}
