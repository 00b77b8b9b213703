package org.verisimdb.engine.query.plan;

/** The plan operators of VQL.md §8, each with its wire name and the cost constant its own work is charged by. */
public enum Operator {
  OCTAD_LOOKUP("OctadLookup", "lookup"),
  FULL_SCAN("FullScan", "scan"),
  STORE_SCAN("StoreScan", "scan"),
  FIELD_INDEX_SCAN("FieldIndexScan", "index.field"),
  TEXT_SEARCH("TextSearch", "index.text"),
  VECTOR_SEARCH("VectorSearch", "index.vector"),
  GRAPH_TRAVERSE("GraphTraverse", "graph"),
  SPATIAL_SEARCH("SpatialSearch", "index.spatial"),
  TEMPORAL_FILTER("TemporalFilter", "index.temporal"),
  AS_OF_VIEW("AsOfView", "history"),
  FEDERATION_FANOUT("FederationFanout", "federation"),
  PEER_QUERY("PeerQuery", "federation"),
  RECONCILE("Reconcile", "federation"),
  INTERSECT("Intersect", "index.intersect"),
  UNION("Union", "index.intersect"),
  FETCH("Fetch", "fetch"),
  FILTER("Filter", "filter"),
  CROSS_MODAL_FILTER("CrossModalFilter", "cross_modal"),
  NEAREST_K("NearestK", "heap"),
  AGGREGATE("Aggregate", "aggregate"),
  SORT("Sort", "sort"),
  OFFSET("Offset", "page"),
  LIMIT("Limit", "page"),
  PROJECT("Project", "project"),
  INSERT("Insert", "write"),
  UPDATE("Update", "write"),
  DELETE("Delete", "write");

  private final String wireName;
  private final String costKey;

  Operator(String wireName, String costKey) {
    this.wireName = wireName;
    this.costKey = costKey;
  }

  /** The name EXPLAIN shows. */
  public String wireName() {
    return wireName;
  }

  /** The cost constant (and tuner factor) the operator's own work is charged by. */
  public String costKey() {
    return costKey;
  }
}
