package org.verisimdb.index.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Edge;

/**
 * Reads adjacency from one {@link IndexView}: a node's outgoing edges from its doc value, its
 * incoming edges from the postings of the target terms, skipping deleted documents.
 *
 * <p>Not thread-safe: it keeps one doc-values iterator per segment and reuses it while lookups
 * move forward. Use one instance per thread; the view itself may be shared.
 */
final class Adjacency {
  private final IndexView view;
  private final List<LeafReaderContext> leaves;
  private final BinaryDocValues[] out;

  Adjacency(IndexView view) {
    this.view = view;
    this.leaves = view.searcher().getIndexReader().leaves();
    this.out = new BinaryDocValues[leaves.size()];
  }

  IndexView view() {
    return view;
  }

  /** The outgoing edges of {@code id}, in {@link Edge} order; empty when it has no octad or no edges. */
  List<Edge> outgoing(OctadId id) {
    int doc = view.docOf(id);
    if (doc < 0) {
      return List.of();
    }
    int leafIndex = ReaderUtil.subIndex(doc, leaves);
    LeafReaderContext leaf = leaves.get(leafIndex);
    int local = doc - leaf.docBase;
    try {
      BinaryDocValues values = out[leafIndex];
      if (values == null || values.docID() > local) {
        values = leaf.reader().getBinaryDocValues(GraphFields.OUT);
        out[leafIndex] = values;
      }
      if (values == null || !values.advanceExact(local)) {
        return List.of();
      }
      return AdjacencyFormatV1.decode(values.binaryValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sources of live edges to {@code target}; with predicates, only edges of those types. Sorted by id. */
  TreeSet<OctadId> sources(OctadId target, Set<String> predicates) {
    TreeSet<OctadId> sources = new TreeSet<>();
    if (predicates.isEmpty()) {
      forEachPosting(GraphFields.TO, target.value(), (source, ignored) -> sources.add(source), null);
    } else {
      for (String p : predicates) {
        forEachPosting(GraphFields.EDGE, GraphFields.edgeTerm(p, target), (source, ignored) -> sources.add(source), p);
      }
    }
    return sources;
  }

  /**
   * Live edges to {@code target}, of the given predicates or any. For any predicate, each
   * segment's distinct predicates are looked up as {@code p\0target}: one seek per predicate per
   * segment, rather than decoding every source's edge list.
   */
  List<InEdge> incoming(OctadId target, Set<String> predicates) {
    List<InEdge> edges = new ArrayList<>();
    if (!predicates.isEmpty()) {
      for (String p : new TreeSet<>(predicates)) {
        forEachPosting(GraphFields.EDGE, GraphFields.edgeTerm(p, target), (source, predicate) -> edges.add(new InEdge(source, predicate)), p);
      }
      return edges;
    }
    TreeSet<String> all = new TreeSet<>();
    try {
      for (LeafReaderContext leaf : leaves) {
        Terms terms = leaf.reader().terms(GraphFields.PREDICATE);
        if (terms == null) {
          continue;
        }
        TermsEnum te = terms.iterator();
        for (BytesRef term = te.next(); term != null; term = te.next()) {
          all.add(term.utf8ToString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.isEmpty() ? edges : incoming(target, all); // no predicate anywhere: no edge at all
  }

  private interface Sink {
    void accept(OctadId source, String predicate);
  }

  /** Calls {@code sink} with the id of each live document holding {@code field:term}. */
  private void forEachPosting(String field, String term, Sink sink, String predicate) {
    BytesRef bytes = new BytesRef(term);
    try {
      for (LeafReaderContext leaf : leaves) {
        LeafReader reader = leaf.reader();
        Terms terms = reader.terms(field);
        if (terms == null) {
          continue;
        }
        TermsEnum te = terms.iterator();
        if (!te.seekExact(bytes)) {
          continue;
        }
        Bits live = reader.getLiveDocs();
        SortedDocValues ids = reader.getSortedDocValues(IndexFields.ID);
        PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
          if (live != null && !live.get(d)) {
            continue;
          }
          if (ids == null || !ids.advanceExact(d)) {
            throw new IllegalStateException("document " + (leaf.docBase + d) + " has no id");
          }
          sink.accept(OctadId.of(ids.lookupOrd(ids.ordValue()).utf8ToString()), predicate);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
