package org.verisimdb.engine.query.row;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.index.graph.InEdge;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Value;

/**
 * One octad of the read view as VQL sees it: its id, which modalities it has, every field of
 * VQL.md §4.3 and every whole modality of §9.3 as run-time {@link Value}s, and its hashes (§7.6).
 *
 * <p>The octad may be null: a dangling id, a graph node that no octad backs (§6.3). Such a row
 * has no modalities at all, not even TEMPORAL, yet its GRAPH fields are defined like every
 * row's (§4.6): no outgoing edges, and the incoming edges {@link Incoming} reports.
 *
 * <p>Field names arrive canonical, as the parser leaves them ({@code lat}, not
 * {@code latitude}). An unknown field, a field of an absent modality and a field without a value
 * are NULL, except that GRAPH fields are always defined and the array fields of an absent
 * PROVENANCE are empty arrays (§4.6).
 *
 * <p>Values are computed on first use and kept, so evaluating a condition, sorting and writing
 * the row compute each field once. Not thread-safe: a row belongs to the thread evaluating it.
 */
public final class OctadRow {
  /** The default of {@code temporal.history_limit} (VQL.md §1.5). */
  public static final int DEFAULT_HISTORY_LIMIT = 100;

  private static final Comparator<InEdge> INCOMING_ORDER = Comparator.comparing(InEdge::predicate).thenComparing(InEdge::source);

  private final OctadId id;
  private final Octad octad;
  private final Incoming incoming;
  private final int historyLimit;

  private final Map<FieldKey, Value> values = new HashMap<>();
  private final Map<Modality, Value> modalities = new EnumMap<>(Modality.class);
  private final Map<Modality, ModalityFields> sources = new EnumMap<>(Modality.class);
  private List<InEdge> incomingEdges;
  private Map<org.verisimdb.model.Modality, String> modalityHashes;
  private String contentHash;

  private record FieldKey(Modality modality, String name) {}

  /**
   * A row with the default history limit.
   *
   * @param id the octad id
   * @param octad the octad stored under {@code id}, or null for a dangling id
   * @param incoming where the incoming edges of {@code id} are found
   */
  public OctadRow(OctadId id, Octad octad, Incoming incoming) {
    this(id, octad, incoming, DEFAULT_HISTORY_LIMIT);
  }

  /**
   * A row whose TEMPORAL object lists at most {@code historyLimit} version records.
   *
   * @param id the octad id
   * @param octad the octad stored under {@code id}, or null for a dangling id
   * @param incoming where the incoming edges of {@code id} are found
   * @param historyLimit {@code temporal.history_limit}, 0 or more
   */
  public OctadRow(OctadId id, Octad octad, Incoming incoming, int historyLimit) {
    if (id == null || incoming == null) {
      throw new IllegalArgumentException("a row needs an id and an incoming-edge source, got " + id + " and " + incoming);
    }
    if (octad != null && !octad.id().equals(id)) {
      throw new IllegalArgumentException("octad " + octad.id() + " given for row " + id);
    }
    if (historyLimit < 0) {
      throw new IllegalArgumentException("history limit " + historyLimit + " is negative");
    }
    this.id = id;
    this.octad = octad;
    this.incoming = incoming;
    this.historyLimit = historyLimit;
  }

  public OctadId id() {
    return id;
  }

  /** The stored octad, or null for a dangling id. */
  public Octad octad() {
    return octad;
  }

  /**
   * Whether the row has modality {@code m} (VQL.md §4.3): TEMPORAL for every stored octad, each
   * other modality when its facet is stored. The model keeps no empty facets, so this is GRAPH
   * iff an outgoing edge exists, DOCUMENT iff a field does, SEMANTIC iff a type, property, proof
   * or seal does, and PROVENANCE iff a record does. A dangling row has none.
   */
  public boolean has(Modality m) {
    return octad != null && octad.has(modelModality(m));
  }

  /**
   * Field {@code path} of modality {@code m}: its dotted parts as written, already canonical
   * ({@code ["properties", "owner"]}, {@code ["venue", "city"]}).
   */
  public Value field(Modality m, List<String> path) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("empty field path for " + m);
    }
    FieldKey key = new FieldKey(m, String.join(".", path));
    Value value = values.get(key);
    if (value == null) {
      ModalityFields source = source(m);
      value = source == null ? Value.NULL : source.field(key.name());
      values.put(key, value);
    }
    return value;
  }

  /** Modality {@code m} as one object (VQL.md §9.3), or NULL when the row does not have it. */
  public Value modality(Modality m) {
    if (!has(m)) {
      return Value.NULL;
    }
    Value value = modalities.get(m);
    if (value == null) {
      value = ModalityJson.of(this, m, historyLimit);
      modalities.put(m, value);
    }
    return value;
  }

  /**
   * The content hash of the octad (VQL.md §7.6) as recomputed from its modalities now, which is
   * what a stored proof's {@code subject_hash} or a seal's {@code content_hash} covers (§7.5);
   * null for a dangling row.
   */
  public String contentHash() {
    if (contentHash == null && octad != null) {
      contentHash = ContentHash.ofOctad(id, modalityHashes());
    }
    return contentHash;
  }

  /**
   * The modality hash of every present modality except TEMPORAL (VQL.md §7.6), keyed by the
   * model's modality as version records key theirs; empty for a dangling row.
   */
  public Map<org.verisimdb.model.Modality, String> modalityHashes() {
    if (modalityHashes == null) {
      modalityHashes = octad == null ? Map.of() : Collections.unmodifiableMap(ContentHash.modalityHashes(octad.facets()));
    }
    return modalityHashes;
  }

  private ModalityFields source(Modality m) {
    if (sources.containsKey(m)) {
      return sources.get(m);
    }
    ModalityFields source = switch (m) {
      case GRAPH -> new GraphFields(facet(m, GraphFacet.class), this::incomingEdges);
      case PROVENANCE -> new ProvenanceFields(facet(m, ProvenanceFacet.class));
      case VECTOR -> facet(m, VectorFacet.class) instanceof VectorFacet v ? new VectorFields(v) : null;
      case TENSOR -> facet(m, TensorFacet.class) instanceof TensorFacet t ? new TensorFields(t) : null;
      case SEMANTIC -> facet(m, SemanticFacet.class) instanceof SemanticFacet s ? new SemanticFields(s) : null;
      case DOCUMENT -> facet(m, DocumentFacet.class) instanceof DocumentFacet d ? new DocumentFields(d) : null;
      case TEMPORAL -> facet(m, TemporalFacet.class) instanceof TemporalFacet t ? new TemporalFields(t) : null;
      case SPATIAL -> facet(m, SpatialFacet.class) instanceof SpatialFacet s ? new SpatialFields(s) : null;
    };
    sources.put(m, source);
    return source;
  }

  private <F extends Facet> F facet(Modality m, Class<F> type) {
    return octad == null ? null : type.cast(octad.facets().get(modelModality(m)));
  }

  private List<InEdge> incomingEdges() {
    if (incomingEdges == null) {
      List<InEdge> edges = new ArrayList<>(incoming.of(id));
      edges.sort(INCOMING_ORDER);
      incomingEdges = List.copyOf(edges);
    }
    return incomingEdges;
  }

  private static org.verisimdb.model.Modality modelModality(Modality m) {
    return switch (m) {
      case GRAPH -> org.verisimdb.model.Modality.GRAPH;
      case VECTOR -> org.verisimdb.model.Modality.VECTOR;
      case TENSOR -> org.verisimdb.model.Modality.TENSOR;
      case SEMANTIC -> org.verisimdb.model.Modality.SEMANTIC;
      case DOCUMENT -> org.verisimdb.model.Modality.DOCUMENT;
      case TEMPORAL -> org.verisimdb.model.Modality.TEMPORAL;
      case PROVENANCE -> org.verisimdb.model.Modality.PROVENANCE;
      case SPATIAL -> org.verisimdb.model.Modality.SPATIAL;
    };
  }
}
