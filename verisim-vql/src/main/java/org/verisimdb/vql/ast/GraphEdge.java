package org.verisimdb.vql.ast;

import java.util.List;
import org.verisimdb.vql.diag.Span;

/**
 * An edge of a graph pattern with its relation types (any type when empty) and hop range
 * {@code min..max}; {@code max} is {@link #UNBOUNDED} for "up to graph.max_hops".
 */
public record GraphEdge(Span span, Direction direction, List<Name> types, int min, int max) {
  public static final int UNBOUNDED = -1;

  public GraphEdge {
    types = List.copyOf(types);
  }

  public enum Direction {
    /** {@code -[…]->} */
    OUT,
    /** {@code <-[…]-} */
    IN,
    /** {@code -[…]-} */
    BOTH
  }
}
