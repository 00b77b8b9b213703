package org.verisimdb.index.vector;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Approximate search through the HNSW graph: Lucene proposes the candidates its float scores rank
 * best (searching each segment's graph with that many candidates, within the filter), and the
 * candidates that can be among the best are re-scored exactly from their stored vectors.
 *
 * <p>Which can be among the best: when Lucene scores the raw floats under cosine or Euclidean
 * distance, its score is an increasing function of VQL's similarity, off by float rounding (a
 * relative error near 1e-6 at 4096 dimensions). A candidate scoring more than {@link #MARGIN}
 * (relative) below the {@code keep}-th best Lucene score cannot reach the top {@code keep}, so
 * only the others are re-scored: about {@code keep} rather than all candidates. Quantized scores
 * (int8 copies) and maximum inner product (whose float error grows with the norms) carry no such
 * bound; then every candidate is re-scored. Stateless.
 */
final class GraphSearch {
  /** Relative score gap beyond which Lucene's order is trusted; far above float rounding, far below real gaps. */
  static final double MARGIN = 1e-3;

  private GraphSearch() {}

  /**
   * Offers the exactly scored candidates to {@code into}; returns how many were scored.
   *
   * @param candidates how many candidates the graph search keeps (its ef, Lucene's k)
   * @param filter the documents allowed, or null for all
   * @param skipDoc a top-level doc id never to offer, or -1
   * @param keep how many hits the caller keeps, the most similar
   * @param faithful true when Lucene's scores follow the metric's order up to rounding (raw floats,
   *     cosine or Euclidean): then only the candidates that can reach the top {@code keep} are scored
   */
  static long offer(IndexSearcher searcher, float[] anchor, VectorMetric metric, int candidates, Query filter, int skipDoc, int keep,
      boolean faithful, TopHits into) throws IOException {
    // rewriting walks the graphs; the rewritten query holds the candidates and their scores
    Query found = searcher.rewrite(new KnnFloatVectorQuery(VectorFields.VECTOR, anchor, candidates, filter));
    ScoreDoc[] ranked; // by Lucene score, best first
    int count;
    if (faithful) {
      // sorting every candidate costs more than the few contenders need; read more only if they run on
      int first = (int) Math.min(candidates, 2L * keep + 2);
      ranked = searcher.search(found, first).scoreDocs;
      count = contenders(ranked, skipDoc, keep);
      if (count == first && first < candidates) {
        ranked = searcher.search(found, candidates).scoreDocs;
        count = contenders(ranked, skipDoc, keep);
      }
    } else {
      ranked = searcher.search(found, candidates).scoreDocs;
      count = ranked.length;
    }
    int[] docs = new int[count];
    for (int i = 0; i < count; i++) {
      docs[i] = ranked[i].doc;
    }
    // segment by segment, in doc order, as the stored vectors are read
    Arrays.sort(docs);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leaf = -1;
    int leafEnd = 0;
    LeafVectors vectors = null;
    long scored = 0;
    for (int doc : docs) {
      if (doc == skipDoc) {
        continue;
      }
      while (doc >= leafEnd) {
        leaf++;
        LeafReaderContext context = leaves.get(leaf);
        leafEnd = context.docBase + context.reader().maxDoc();
        vectors = null;
      }
      LeafReaderContext context = leaves.get(leaf);
      if (vectors == null) {
        vectors = LeafVectors.of(context.reader());
      }
      float[] vector = vectors.vector(doc - context.docBase);
      if (vector == null) {
        throw new IllegalStateException("the graph proposed document " + doc + ", which has no vector");
      }
      scored++;
      into.offer(doc, metric.similarity(anchor, vector));
    }
    return scored;
  }

  /** How many of the best-first candidates can reach the top {@code keep}: those within the margin of the keep-th score. */
  static int contenders(ScoreDoc[] ranked, int skipDoc, int keep) {
    int seen = 0;
    int i = 0;
    for (; i < ranked.length; i++) {
      if (ranked[i].doc != skipDoc && ++seen == keep) {
        break;
      }
    }
    if (i >= ranked.length) {
      return ranked.length;
    }
    double floor = ranked[i].score * (1 - MARGIN);
    int end = i + 1;
    while (end < ranked.length && ranked[end].score >= floor) {
      end++;
    }
    return end;
  }
}
