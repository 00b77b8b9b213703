package org.verisimdb.engine.query.differential;

/** Kleene's three-valued logic of VQL.md §4.6, for the reference evaluator. */
enum T3 {
  FALSE, UNKNOWN, TRUE;

  static T3 of(boolean b) {
    return b ? TRUE : FALSE;
  }

  T3 and(T3 o) {
    return this.ordinal() <= o.ordinal() ? this : o;
  }

  T3 or(T3 o) {
    return this.ordinal() >= o.ordinal() ? this : o;
  }

  T3 not() {
    return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
  }
}
