package org.verisimdb.vql.diag;

/** Whether a diagnostic fails the statement. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case name used in JSON and text renderings. */
  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
