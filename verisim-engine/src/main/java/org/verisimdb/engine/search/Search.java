package org.verisimdb.engine.search;

import java.io.Writer;
import java.util.List;
import java.util.Set;
import org.verisimdb.index.graph.Direction;
import org.verisimdb.index.provenance.ProvenanceSearch;
import org.verisimdb.model.OctadId;

/**
 * Searches over the modality indexes. Each search sees every commit that returned before it
 * started, runs on one index view, and returns the octads it found as they stood at that view's
 * LSN ({@link Hits#lsn()}). Results are bounded by the limit the caller gives (1 to
 * {@code vql.max_limit}). Searches run outside transactions: a transaction's own uncommitted
 * writes are not in the indexes.
 */
public interface Search {

  /**
   * Octads whose document matches {@code query} (terms, "phrases", prefix*, fuzzy~, AND / OR /
   * NOT, field:term; bare terms must all occur), best BM25 score first, then id; each with up to
   * three highlighted passages ({@code <b>…</b>}).
   */
  Hits text(String query, int limit);

  /**
   * The {@code k} octads whose vectors are most similar to {@code anchor} under the index's
   * metric (score = similarity, exact, in double precision), most similar first, then id.
   */
  Hits nearest(float[] anchor, int k);

  /** {@link #nearest(float[], int)} with the anchor the embedding model makes of {@code text}. */
  Hits nearest(String text, int k);

  /** {@link #nearest(float[], int)} anchored at octad {@code id}'s vector; the octad itself is never a match. */
  Hits similarTo(OctadId id, int k);

  /** Octads whose vector's similarity to {@code anchor} is at least {@code threshold}, most similar first. */
  Hits similarWithin(float[] anchor, double threshold, int limit);

  /** Octads whose representative point lies within {@code km} of (lat, lon), nearest first; score = distance in km. */
  Hits withinRadius(double lat, double lon, double km, int limit);

  /** Octads inside a box (minLon greater than maxLon crosses the antimeridian), in id order. */
  Hits withinBounds(double minLat, double minLon, double maxLat, double maxLon, int limit);

  /** Octads inside a WKT POLYGON or MULTIPOLYGON (lon lat order; holes excluded, boundary included), in id order. */
  Hits withinPolygon(String wkt, int limit);

  /** The {@code k} octads nearest to (lat, lon); score = distance in km. */
  Hits nearestPlaces(double lat, double lon, int k);

  /**
   * Nodes reachable from {@code start} by a path of {@code minHops} to {@code maxHops} edges
   * (VQL §6.3: edges of the given types, any if empty, followed in {@code direction}), each once
   * with its smallest hop count as the score, nearest first, then by id. Dangling targets (ids
   * with no octad) are reachable but have no octad: they are left out of the hits.
   */
  Hits traverse(OctadId start, Direction direction, Set<String> predicates, int minHops, int maxHops, int limit);

  /** One shortest path from {@code from} to {@code to}, as node ids including both ends; empty when there is none within maxHops. */
  List<OctadId> shortestPath(OctadId from, OctadId to, Direction direction, Set<String> predicates, int maxHops);

  /** Octads whose tensor has exactly this shape ({@code []} for scalars), in id order (score 1). */
  Hits tensorsOfShape(int[] shape, int limit);

  /** Octads whose tensor's rank compares to {@code rank} as {@code op} says, in id order (score 1). */
  Hits tensorsOfRank(org.verisimdb.index.tensor.TensorSearch.Comparison op, int rank, int limit);

  /** Octads of {@code type} or any of its subtypes, in id order (score 1). */
  Hits ofType(String type, int limit);

  /** Writes the RDF view of every live octad as N-Triples, streaming; returns the number of triples. */
  long exportRdf(Writer out);

  /** Octads with a provenance record matching every given part of {@code query}, in id order; score = matching records. */
  Hits provenance(ProvenanceSearch query, int limit);
}
