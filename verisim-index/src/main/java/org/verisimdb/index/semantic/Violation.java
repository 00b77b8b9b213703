package org.verisimdb.index.semantic;

/**
 * One way an octad breaks a constraint of one of its types.
 *
 * @param path the offending input, e.g. {@code semantic.properties.age} or {@code semantic} for a contract
 * @param constraint the constraint broken
 * @param declaredBy the type that declares the constraint (the octad's type or one of its supertypes)
 * @param message what is wrong, with the offending value, and what to do
 */
public record Violation(String path, Constraint constraint, String declaredBy, String message) {
  public Violation {
    if (path == null || constraint == null || declaredBy == null || message == null) {
      throw new IllegalArgumentException("incomplete violation of " + constraint + " at " + path);
    }
  }
}
