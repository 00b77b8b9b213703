/**
 * The VeriSimDB modality indexes: one Lucene index per database holding the fields of every
 * modality (full text, HNSW vectors, geo, graph adjacency, semantic types, tensor shapes,
 * temporal and provenance fields), the searches over it, and the in-process embedding model.
 */
module org.verisimdb.index {
  requires transitive org.verisimdb.model;
  requires transitive org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.queryparser;
  requires org.apache.lucene.highlighter;
  requires org.locationtech.jts;
  requires langchain4j.core;
  requires langchain4j.embeddings;
  requires langchain4j.embeddings.all.minilm.l6.v2.q;

  exports org.verisimdb.index;
  exports org.verisimdb.index.embed;
  exports org.verisimdb.index.geo;
  exports org.verisimdb.index.graph;
  exports org.verisimdb.index.lucene;
  exports org.verisimdb.index.provenance;
  exports org.verisimdb.index.semantic;
  exports org.verisimdb.index.temporal;
  exports org.verisimdb.index.tensor;
  exports org.verisimdb.index.text;
  exports org.verisimdb.index.vector;
}
