package org.verisimdb.testkit.sample;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.value.Value;

/**
 * What a kind's writer decides about one octad; {@link SampleGenerator} adds what every kind
 * shares (the embedding of the text, the version label, provenance) and builds the input. A
 * short-lived value passed from writer to generator on one thread; the facets it becomes copy
 * its collections.
 *
 * @param document document fields, {@code title} and {@code body} included, as plain Java values
 * @param edges outgoing edges, at least one
 * @param types schema.org type IRIs
 * @param properties semantic properties
 * @param validFrom the business time from which the data holds, whole seconds
 */
record Draft(Map<String, Object> document, List<Edge> edges, List<String> types, Map<String, Value> properties,
    TensorFacet tensor, SpatialFacet spatial, Instant validFrom) {

  static final String XSD_DATE = "http://www.w3.org/2001/XMLSchema#date";
  static final String XSD_GYEAR = "http://www.w3.org/2001/XMLSchema#gYear";

  String text() {
    return document.get("title") + "\n" + document.get("body");
  }
}
