/**
 * The VeriSimDB data model: octads, their eight modalities, ids, values, the hashing rules of
 * provenance chains and version records, write inputs, and the error vocabulary. No dependencies.
 */
module org.verisimdb.model {
  exports org.verisimdb.model;
  exports org.verisimdb.model.error;
  exports org.verisimdb.model.facet;
  exports org.verisimdb.model.geo;
  exports org.verisimdb.model.hash;
  exports org.verisimdb.model.value;
  exports org.verisimdb.model.write;
}
