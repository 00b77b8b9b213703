package org.verisimdb.engine.query.row;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.model.value.Value;

/**
 * The octad of the {@code SELECT *} example in VQL.md §9.3, with all eight modalities, and ways
 * to build variants of it: one modality replaced or removed, or a bare octad with TEMPORAL only.
 */
final class Station {
  static final OctadId ID = OctadId.of("station-0042");
  static final Instant CREATED = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant IMPORTED = Instant.parse("2026-03-01T12:00:00.25Z");

  private Station() {}

  static Map<Modality, Facet> facets() {
    Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
    facets.put(Modality.GRAPH, GraphFacet.of(Edge.to("PART_OF", "network-7"), Edge.to("CALIBRATED_BY", "lab-3")));
    facets.put(Modality.VECTOR, new VectorFacet(new float[] {0.02f, 0.11f, -0.37f, 0.9f}, null));
    facets.put(Modality.TENSOR, TensorFacet.ofInts(new int[] {2, 3}, new int[] {1, 2, 3, 4, 5, 6}));
    facets.put(Modality.SEMANTIC, SemanticFacet.of(List.of("Sensor", "TideGauge"), Map.of("owner", Value.of("coastal-agency"))));
    facets.put(Modality.DOCUMENT, DocumentFacet.of(Map.of("title", "Tide gauge 42", "kind", "station", "installed", "2019-05-14T00:00:00Z")));
    facets.put(Modality.PROVENANCE, new ProvenanceFacet(chain()));
    facets.put(Modality.SPATIAL, SpatialFacet.point(63.4305, 10.3951));
    return facets;
  }

  static List<ProvenanceRecord> chain() {
    ProvenanceRecord created = ProvenanceRecord.create(Sha256.GENESIS, "created", "field-team-2", null, null, CREATED);
    ProvenanceRecord imported = ProvenanceRecord.create(created.contentHash(), "imported", "ingest-bot", "survey-2019.csv",
        "tidal survey batch 7", IMPORTED);
    return List.of(created, imported);
  }

  /** The full example octad. */
  static Octad octad() {
    return octad(facets());
  }

  /** An octad with these facets (TEMPORAL is added: version 1, one version record over them). */
  static Octad octad(Map<Modality, Facet> facets) {
    Map<Modality, Facet> all = new EnumMap<>(Modality.class);
    all.putAll(facets);
    all.remove(Modality.TEMPORAL);
    Map<Modality, String> hashes = ContentHash.modalityHashes(all);
    VersionRecord v1 = VersionRecord.create(1, CREATED, "field-team-2", "commissioned", null, null, hashes,
        ContentHash.ofOctad(ID, hashes), Sha256.GENESIS);
    all.put(Modality.TEMPORAL, new TemporalFacet(1, CREATED, CREATED, null, "commissioned", null, 1,
        new TreeSet<>(List.of("field-team-2")), List.of(v1)));
    return new Octad(ID, all);
  }

  /** The example octad with {@code facet} in place of its own. */
  static Octad with(Facet facet) {
    Map<Modality, Facet> facets = facets();
    facets.put(facet.modality(), facet);
    return octad(facets);
  }

  /** The example octad without {@code modality}. */
  static Octad without(Modality modality) {
    Map<Modality, Facet> facets = facets();
    facets.remove(modality);
    return octad(facets);
  }

  /** An octad with TEMPORAL only. */
  static Octad bare() {
    return octad(Map.of());
  }

  static OctadRow row(Octad octad) {
    return new OctadRow(octad.id(), octad, Incoming.NONE);
  }

  /** A document of these fields. */
  static DocumentFacet document(Map<String, Value> fields) {
    return new DocumentFacet(new TreeMap<>(fields));
  }
}
