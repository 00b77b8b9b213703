package org.verisimdb.vql.ast;

import org.verisimdb.vql.diag.Span;

/**
 * A word or name as written: an alias, a relation type, a key, a store, peer or contract name,
 * or a word of a closed list (proof type, metric, policy, strategy, isolation level), which the
 * parser stores in upper case.
 */
public record Name(Span span, String text) {
  public Name {
    if (text == null) {
      throw new IllegalArgumentException("null name");
    }
  }
}
