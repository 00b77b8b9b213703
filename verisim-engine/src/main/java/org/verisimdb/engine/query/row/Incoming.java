package org.verisimdb.engine.query.row;

import java.util.List;
import org.verisimdb.index.graph.InEdge;
import org.verisimdb.model.OctadId;

/**
 * Where a row finds the incoming edges of its octad, which no octad stores (VQL.md §4.3
 * {@code GRAPH.edge_from} and {@code in_degree}): typically the graph index of the read view,
 * {@code target -> graphSearch.incoming(target, Set.of())}. Implementations answer for dangling
 * ids too, and must be safe to call from the thread evaluating the row.
 */
@FunctionalInterface
public interface Incoming {
  /** No incoming edges for any octad. */
  Incoming NONE = target -> List.of();

  /** The edges whose target is {@code target}, in any order. */
  List<InEdge> of(OctadId target);
}
