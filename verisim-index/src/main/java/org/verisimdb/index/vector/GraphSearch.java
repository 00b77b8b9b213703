package org.verisimdb.index.vector;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Approximate search through the HNSW graph: Lucene proposes the candidates its float scores rank
 * best (searching each segment's graph with that many candidates, within the filter), and each
 * candidate is then re-scored exactly from its stored vector. Stateless.
 */
final class GraphSearch {
  private GraphSearch() {}

  /**
   * Offers the exactly scored candidates to {@code into}; returns how many were scored.
   *
   * @param candidates how many candidates the graph search keeps (its ef, Lucene's k)
   * @param filter the documents allowed, or null for all
   * @param skipDoc a top-level doc id never to offer, or -1
   */
  static long offer(IndexSearcher searcher, float[] anchor, VectorMetric metric, int candidates, Query filter, int skipDoc, TopHits into)
      throws IOException {
    TopDocs top = searcher.search(new KnnFloatVectorQuery(VectorFields.VECTOR, anchor, candidates, filter), candidates);
    int[] docs = new int[top.scoreDocs.length];
    for (int i = 0; i < docs.length; i++) {
      ScoreDoc hit = top.scoreDocs[i];
      docs[i] = hit.doc;
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
}
