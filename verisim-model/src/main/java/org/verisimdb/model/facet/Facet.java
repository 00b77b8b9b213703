package org.verisimdb.model.facet;

import org.verisimdb.model.Modality;

/**
 * One modality's data of an octad. Each record validates itself on construction, so a facet that
 * exists is valid; the checks that need the database (vector dimension, semantic constraints)
 * happen on write.
 */
public sealed interface Facet
    permits GraphFacet, VectorFacet, TensorFacet, SemanticFacet, DocumentFacet, TemporalFacet, ProvenanceFacet, SpatialFacet {

  Modality modality();
}
