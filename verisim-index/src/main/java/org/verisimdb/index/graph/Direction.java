package org.verisimdb.index.graph;

/** Which way a traversal follows edges: forward (source to target), backward, or either way. */
public enum Direction {
  /** From an edge's source to its target, as VQL's {@code -[…]->}. */
  OUT,
  /** From an edge's target to its source, as VQL's {@code <-[…]-}. */
  IN,
  /** Either way, as VQL's {@code -[…]-}. */
  BOTH;

  /** The direction that walks the same edges the other way. */
  public Direction reverse() {
    return switch (this) {
      case OUT -> IN;
      case IN -> OUT;
      case BOTH -> BOTH;
    };
  }
}
