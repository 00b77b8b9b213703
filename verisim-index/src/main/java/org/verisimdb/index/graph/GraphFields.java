package org.verisimdb.index.graph;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Edge.EdgeTarget;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.hash.CanonicalJson;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.model.value.Value;

/**
 * The fields of the octad document that hold its graph modality: keywords for what its outgoing
 * edges point at, the edges themselves as a doc value, and the out-degree.
 *
 * <p>Only outgoing edges are stored with an octad. The incoming edges of X are the live documents
 * in the postings of {@code graph.to:X} (or {@code graph.edge:p\0X} for one predicate), so
 * replacing or deleting a source octad updates its target's incoming edges without touching the
 * target's document.
 *
 * <p>Thread-safe: stateless.
 */
public final class GraphFields {
  /** Keyword: the target id of each edge to an octad. */
  public static final String TO = "graph.to";
  /** Keyword: each distinct predicate of the outgoing edges, node and literal edges alike. */
  public static final String PREDICATE = "graph.predicate";
  /** Keyword: {@code predicate \0 target id} of each edge to an octad. */
  public static final String EDGE = "graph.edge";
  /** Keyword: {@code predicate \0 literal} of each literal edge (see {@link #literalTerm}). */
  public static final String LITERAL = "graph.literal";
  /** Binary doc value: every outgoing edge, in {@link AdjacencyFormatV1}. */
  public static final String OUT = "graph.out";
  /** Point and doc value: the number of outgoing edges, node and literal edges alike. */
  public static final String OUT_DEGREE = "graph.out_degree";

  /** Literal terms longer than this many UTF-8 bytes are replaced by a hash, far below Lucene's 32 KiB term limit. */
  static final int MAX_LITERAL_TERM_BYTES = 512;
  static final char SEPARATOR = '\u0000';

  private GraphFields() {}

  public static void add(Document doc, GraphFacet facet) {
    Set<String> predicates = new HashSet<>();
    Set<String> targets = new HashSet<>();
    for (Edge edge : facet.edges()) {
      if (predicates.add(edge.predicate())) {
        doc.add(new StringField(PREDICATE, edge.predicate(), Field.Store.NO));
      }
      switch (edge.target()) {
        case EdgeTarget.Node(OctadId id) -> {
          if (targets.add(id.value())) {
            doc.add(new StringField(TO, id.value(), Field.Store.NO));
          }
          doc.add(new StringField(EDGE, edgeTerm(edge.predicate(), id), Field.Store.NO));
        }
        case EdgeTarget.Literal(Value value) -> doc.add(new StringField(LITERAL, literalTerm(edge.predicate(), value), Field.Store.NO));
      }
    }
    doc.add(new BinaryDocValuesField(OUT, AdjacencyFormatV1.encode(facet.edges())));
    doc.add(new LongField(OUT_DEGREE, facet.edges().size(), Field.Store.NO));
  }

  /** The {@link #EDGE} term of an edge {@code predicate} to {@code target}. */
  static String edgeTerm(String predicate, OctadId target) {
    return predicate + SEPARATOR + target.value();
  }

  /**
   * The {@link #LITERAL} term of a literal edge: {@code predicate \0} and the literal's canonical
   * JSON, or when that is longer than {@value #MAX_LITERAL_TERM_BYTES} bytes, {@code #} and the
   * SHA-256 of the canonical JSON (no canonical JSON starts with {@code #}).
   */
  static String literalTerm(String predicate, Value literal) {
    String json = CanonicalJson.write(literal);
    if (json.length() * 3 > MAX_LITERAL_TERM_BYTES && json.getBytes(StandardCharsets.UTF_8).length > MAX_LITERAL_TERM_BYTES) {
      json = "#" + Sha256.hex(json);
    }
    return predicate + SEPARATOR + json;
  }
}
