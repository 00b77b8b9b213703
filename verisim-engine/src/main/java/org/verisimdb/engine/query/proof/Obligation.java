package org.verisimdb.engine.query.proof;

import org.verisimdb.vql.ast.Value;

/**
 * The outcome of one obligation: one subject octad checked against one spec.
 *
 * @param reason null when verified, else {@code "<code>: <text>"}
 * @param evidence the object of {@code evidence.octads}: {@code id}, {@code verified},
 *     {@code reason} and the evidence of VQL.md §7.3
 */
record Obligation(boolean verified, String reason, Value.Obj evidence) {
  Obligation {
    if (verified != (reason == null)) {
      throw new IllegalArgumentException("reason must be null exactly when verified: " + reason);
    }
  }
}
