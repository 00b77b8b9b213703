package org.verisimdb.index.graph;

import org.verisimdb.model.OctadId;

/**
 * A node a traversal reached, with the number of edges of the shortest qualifying path to it.
 *
 * @param id the node's octad id; the octad need not exist (a dangling target)
 * @param hops the smallest k within the traversal's hop range such that a path of k edges reaches it
 */
public record Reached(OctadId id, int hops) {
  public Reached {
    if (id == null || hops < 0) {
      throw new IllegalArgumentException("reached " + id + " in " + hops + " hops");
    }
  }
}
