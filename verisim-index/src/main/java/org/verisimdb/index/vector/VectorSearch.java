package org.verisimdb.index.vector;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Vector search on one {@link IndexView}: the k nearest octads to an anchor (VQL
 * {@code VECTOR NEAREST k}) and the octads within a similarity threshold
 * ({@code VECTOR SIMILAR TO a WITHIN t}), each optionally restricted by a filter query.
 *
 * <p>Similarities are always VQL's, computed exactly in double precision from the stored
 * vectors; the HNSW graph only proposes candidates. A search is exact (every vector that passes
 * the filter is scored) when the filter lets through few octads, the index is small, the anchor
 * cannot be scored by Lucene, or the metric is not the one the index was built for. Otherwise the
 * graph proposes {@link #candidates()} candidates, which are re-ranked exactly; if it proposes
 * fewer than the filter lets through and k asks for, the search falls back to exact, so a filtered
 * search returns exactly min(k, octads with a vector that pass) hits.
 *
 * <p>Thread-safe: it holds only the view and a candidate count.
 */
public final class VectorSearch {
  /**
   * Candidates the graph proposes by default. VectorRecallTest pins it: at default settings on
   * 10,000 vectors of 384 dimensions in one segment, recall@10 is about 0.97 on independent
   * Gaussian vectors (the hardest case; 0.94 with 400 candidates, 0.61 with 100) and 0.99 on
   * clustered ones (0.95 with 200). Each segment's graph is searched with all the candidates, so
   * more segments find more: the index writes large batches on one thread per core, and on two
   * cores the same test measures 0.99 on Gaussian vectors. Recall falls as the index grows: on
   * 100,000 Gaussian vectors (4 to 6 segments) 500 candidates find about 0.7 and 2,000 about
   * 0.94, while 100,000 clustered ones reach 0.98 with 20 (VectorVsLucene in verisim-bench).
   * Embeddings of real text are clustered: a caller that knows its data may ask for fewer.
   */
  public static final int DEFAULT_CANDIDATES = 500;
  /** The largest candidate count accepted. */
  public static final int MAX_CANDIDATES = 100_000;

  // Exact search when the octads that pass number at most this many per candidate, or this fraction
  // of all vectors: scoring them all then costs about as much as a filtered graph walk.
  static final int EXACT_PER_CANDIDATE = 4;
  static final double EXACT_FRACTION = 0.01;

  private static final Term HAS_VECTOR = new Term(IndexFields.MODALITIES, Modality.VECTOR.wireName());

  private final IndexView view;
  private final int candidates;

  private VectorSearch(IndexView view, int candidates) {
    this.view = view;
    this.candidates = candidates;
  }

  /** Vector search on {@code view} with {@link #DEFAULT_CANDIDATES}. */
  public static VectorSearch on(IndexView view) {
    return new VectorSearch(view, DEFAULT_CANDIDATES);
  }

  /** The same search with another candidate count: more finds more of the true neighbours and costs more. */
  public VectorSearch withCandidates(int count) {
    if (count < 1 || count > MAX_CANDIDATES) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "candidates",
          "the vector candidate count is " + count + "; use 1 to " + MAX_CANDIDATES + " (default " + DEFAULT_CANDIDATES + ")");
    }
    return new VectorSearch(view, count);
  }

  /** How many candidates the HNSW graph proposes (at least k). */
  public int candidates() {
    return candidates;
  }

  /**
   * The {@code k} octads most similar to {@code anchor}, best first, ties by smaller id.
   *
   * @param metric the similarity, or null for the index's metric
   * @param filter the octads allowed (a query over the octad documents), or null for all
   * @param exclude an octad never returned (the anchor octad of {@code OCTAD 'id'}), or null
   */
  public VectorResult nearest(float[] anchor, int k, VectorMetric metric, Query filter, OctadId exclude) {
    checkAnchor(anchor);
    if (k < 1) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "k", "NEAREST k is " + k + "; ask for at least 1 neighbour");
    }
    return search(anchor, k, Double.NEGATIVE_INFINITY, metric, filter, exclude);
  }

  /** {@link #within(float[], double, VectorMetric, Query, OctadId, int)} with no octad excluded. */
  public VectorResult within(float[] anchor, double threshold, VectorMetric metric, Query filter, int limit) {
    return within(anchor, threshold, metric, filter, null, limit);
  }

  /**
   * The octads whose similarity to {@code anchor} is at least {@code threshold}, best first, ties
   * by smaller id, at most {@code limit} of them (the most similar). When the search walks the
   * graph, as {@link #nearest} with k = limit, an octad above the threshold that the graph's
   * candidates miss is missed here too; an exact search misses none.
   *
   * @param metric the similarity, or null for the index's metric
   * @param filter the octads allowed, or null for all
   * @param exclude an octad never returned, or null
   */
  public VectorResult within(float[] anchor, double threshold, VectorMetric metric, Query filter, OctadId exclude, int limit) {
    checkAnchor(anchor);
    if (!Double.isFinite(threshold)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "threshold",
          "the similarity threshold is " + threshold + "; give a finite number (cosine similarities lie in -1 to 1)");
    }
    if (limit < 1) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "limit", "the limit is " + limit + "; ask for at least 1 octad");
    }
    return search(anchor, limit, threshold, metric, filter, exclude);
  }

  private void checkAnchor(float[] anchor) {
    if (anchor == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "anchor", "a vector search needs an anchor vector; give one");
    }
    int dimension = view.settings().dimension();
    if (anchor.length != dimension) {
      throw VeriSimException.invalid(ErrorCode.VECTOR_DIMENSION_MISMATCH, "anchor",
          "the anchor vector has " + anchor.length + " elements but this database's vectors have " + dimension
              + " (vector.dimension); embed the anchor with the database's model or give " + dimension + " elements");
    }
    for (int i = 0; i < anchor.length; i++) {
      if (!Float.isFinite(anchor[i])) {
        throw VeriSimException.invalid(ErrorCode.INVALID_VECTOR, "anchor[" + i + "]",
            "anchor element " + i + " is " + anchor[i] + "; every element must be a finite number");
      }
    }
  }

  private VectorResult search(float[] anchor, int k, double threshold, VectorMetric metric, Query filter, OctadId exclude) {
    VectorMetric m = metric == null ? view.settings().metric() : metric;
    float[] query = anchor.clone();
    try {
      IndexSearcher searcher = view.searcher();
      long vectors = searcher.getIndexReader().docFreq(HAS_VECTOR); // deleted octads included: an upper bound
      if (vectors == 0) {
        return new VectorResult(List.of(), VectorResult.Strategy.EXACT, 0);
      }
      int limit = (int) Math.min(k, vectors);
      int skipDoc = exclude == null ? -1 : view.docOf(exclude);
      Query matches = matches(filter, exclude);
      int want = Math.max(candidates, limit);
      long exactBelow = Math.max((long) EXACT_PER_CANDIDATE * want, (long) (vectors * EXACT_FRACTION));
      boolean exact = m != view.settings().metric() || !VectorFields.graphable(query, m) || vectors <= exactBelow;
      // without a filter every vector passes (but one): about as many as the index holds
      long passing = filter == null || exact ? -1 : countUpTo(searcher, matches, exactBelow);
      exact |= passing >= 0 && passing <= exactBelow;
      if (exact) {
        return exact(searcher, query, m, limit, threshold, matches, skipDoc, VectorResult.Strategy.EXACT);
      }
      TopHits hits = new TopHits(limit, Double.NEGATIVE_INFINITY, searcher.getIndexReader());
      boolean faithful = !view.settings().quantized() && m != VectorMetric.DOT_PRODUCT;
      long scored = GraphSearch.offer(searcher, query, m, want + (skipDoc >= 0 ? 1 : 0), filter, skipDoc, limit, faithful, hits);
      scored += offerBesideGraph(searcher, query, m, matches, skipDoc, hits);
      if (hits.size() < limit) {
        long needed = Math.min(limit, searcher.count(matches));
        if (hits.size() < needed) {
          return exact(searcher, query, m, limit, threshold, matches, skipDoc, VectorResult.Strategy.HNSW_THEN_EXACT);
        }
      }
      List<VectorHit> ranked = hits.ranked();
      if (threshold != Double.NEGATIVE_INFINITY) {
        ranked = ranked.stream().filter(h -> h.similarity() >= threshold).toList();
      }
      return new VectorResult(ranked, VectorResult.Strategy.HNSW, scored);
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.INDEX_UNAVAILABLE, "the vector search failed to read the index: " + e.getMessage()
          + "; the stored data is unaffected: reopen the database, or rebuild the index", e);
    }
  }

  private VectorResult exact(IndexSearcher searcher, float[] anchor, VectorMetric metric, int limit, double threshold, Query matches,
      int skipDoc, VectorResult.Strategy strategy) throws IOException {
    ExactScan.Outcome outcome = ExactScan.run(searcher, matches, new ExactScan(anchor, metric, limit, threshold, skipDoc, searcher.getIndexReader()));
    return new VectorResult(outcome.hits().ranked(), strategy, outcome.scored());
  }

  /** Scores the vectors kept beside the graph ({@link VectorFields#RAW}) that pass; returns how many. */
  private long offerBesideGraph(IndexSearcher searcher, float[] anchor, VectorMetric metric, Query matches, int skipDoc, TopHits into)
      throws IOException {
    if (!hasField(searcher.getIndexReader(), VectorFields.RAW)) {
      return 0;
    }
    Query beside = new BooleanQuery.Builder()
        .add(new FieldExistsQuery(VectorFields.RAW), Occur.FILTER)
        .add(matches, Occur.FILTER)
        .build();
    ExactScan.Outcome outcome = ExactScan.run(searcher, beside,
        new ExactScan(anchor, metric, Math.max(1, into.capacity()), Double.NEGATIVE_INFINITY, skipDoc, searcher.getIndexReader()));
    into.addAll(outcome.hits());
    return outcome.scored();
  }

  /**
   * The number of live documents {@code query} matches when it is at most {@code max}; otherwise
   * some number above {@code max} (counting stops soon after passing it): deciding between exact
   * and graph search must not cost a full count.
   */
  static long countUpTo(IndexSearcher searcher, Query query, long max) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
    long total = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      int cheap = weight.count(leaf);
      if (cheap >= 0) {
        total += cheap;
      } else {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        DocIdSetIterator docs = scorer.iterator();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && total <= max; doc = docs.nextDoc()) {
          if (live == null || live.get(doc)) {
            total++;
          }
        }
      }
      if (total > max) {
        return total;
      }
    }
    return total;
  }

  private static boolean hasField(IndexReader reader, String field) {
    for (LeafReaderContext leaf : reader.leaves()) {
      if (leaf.reader().getFieldInfos().fieldInfo(field) != null) {
        return true;
      }
    }
    return false;
  }

  /** The octads with a vector that pass the filter, the excluded octad left out. */
  private static Query matches(Query filter, OctadId exclude) {
    if (filter == null && exclude == null) {
      return new TermQuery(HAS_VECTOR);
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder().add(new TermQuery(HAS_VECTOR), Occur.FILTER);
    if (filter != null) {
      q.add(filter, Occur.FILTER);
    }
    if (exclude != null) {
      q.add(new TermQuery(new Term(IndexFields.ID, exclude.value())), Occur.MUST_NOT);
    }
    return q.build();
  }
}
