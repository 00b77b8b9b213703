package org.verisimdb.engine.query.value;

import org.verisimdb.vql.ast.Value;

/**
 * One GROUP BY key value, usable as a hash map key (VQL.md §5.6): keys are equal by
 * {@link Values#equal}, except that null is a key of its own, equal to itself. A group of
 * several keys is a {@code List<GroupKey>}. Immutable.
 */
public record GroupKey(Value value) {
  public GroupKey {
    if (value == null) {
      throw new IllegalArgumentException("a group key holds a value; use Value.NULL for null");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GroupKey(Value v) && Values.deepEqual(value, v);
  }

  @Override
  public int hashCode() {
    return Values.hash(value);
  }
}
