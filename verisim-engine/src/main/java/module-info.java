/**
 * The VeriSimDB engine: the embedded database API over a storage backend.
 */
module org.verisimdb.engine {
  requires transitive org.verisimdb.model;
  requires transitive org.verisimdb.storage;
  requires transitive org.verisimdb.index;
  requires transitive org.verisimdb.vql;
  requires transitive com.fasterxml.jackson.databind;

  exports org.verisimdb.engine;
  exports org.verisimdb.engine.backup;
  exports org.verisimdb.engine.history;
  exports org.verisimdb.engine.index;
  exports org.verisimdb.engine.schema;
  exports org.verisimdb.engine.search;
  exports org.verisimdb.engine.json;
  exports org.verisimdb.engine.transfer;
  exports org.verisimdb.engine.verify;
  exports org.verisimdb.engine.query;
  exports org.verisimdb.engine.query.value;
  exports org.verisimdb.engine.query.drift;
  exports org.verisimdb.engine.query.proof;
}
