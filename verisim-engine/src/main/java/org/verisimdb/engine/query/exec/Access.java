package org.verisimdb.engine.query.exec;

import java.util.List;
import org.apache.lucene.search.Query;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.GraphEdge;

/** How a plan forms its candidate ids (VQL.md §5.1 step 3): the access path the planner chose. */
sealed interface Access {

  /** One id ({@code FROM OCTAD}, or a pinned id). */
  record Lookup(OctadId id) implements Access {}

  /** Every octad of the view, in id order. */
  record Scan() implements Access {}

  /** The octads holding one modality ({@code FROM STORE}). */
  record StoreScan(Modality modality) implements Access {}

  /** The octads an index query over the pushed conjuncts returns, plus those the index may hold differently. */
  record Indexed(Query query, List<Cond> pushed) implements Access {}

  /**
   * The octads reached from {@code start} along {@code edges} (each followed against its
   * direction when {@code reversed}): a pattern whose non-candidate node is pinned by {@code x.id = 'id'}.
   */
  record Traverse(OctadId start, List<GraphEdge> edges, boolean reversed) implements Access {}

  /**
   * The best-ranked octads by an index (vector similarity, text relevance, distance), asked for
   * more until {@code needed} of them pass the rest of WHERE or the index has no more.
   *
   * @param by the ranking predicate (VectorNearest, VectorSimilar, FullText or SpatialNearest)
   * @param filter the other pushed conjuncts as an index filter, or null
   */
  record Ranked(Cond by, int needed, Query filter) implements Access {}
}
