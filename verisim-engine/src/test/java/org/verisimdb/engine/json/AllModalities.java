package org.verisimdb.engine.json;

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
import org.verisimdb.model.facet.ProofType;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.facet.Seal;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.StoredProof;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.model.value.Value;

/**
 * One fixed octad with all eight modalities and every kind of value, built from constants only:
 * the subject of the golden file and the starting point of the rejection tests. Its hashes are
 * real (version records, provenance chain, the content hash its proof and seal cover).
 */
final class AllModalities {
  static final OctadId ID = OctadId.of("station-0042");
  static final Instant CREATED = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant IMPORTED = Instant.parse("2026-03-01T12:00:00.25Z");
  static final Instant MODIFIED = Instant.parse("2026-03-02T08:30:15.123456Z");
  static final Instant VALID_FROM = Instant.parse("2019-05-14T00:00:00Z");

  private AllModalities() {}

  static Octad octad() {
    DocumentFacet document = new DocumentFacet(new TreeMap<>(Map.of(
        "title", Value.of("Tide gauge 42"),
        "body", Value.of("Measures the tide at the harbour mouth.\n\"Installed\" 2019 — see survey."),
        "kind", Value.of("station"),
        "installed", Value.of("2019-05-14T00:00:00Z"),
        "elevation_m", Value.of(12.5),
        "sensors", Value.of(3),
        "active", Value.of(true))));
    GraphFacet graph = GraphFacet.of(
        Edge.to("PART_OF", "network-7"),
        Edge.to("CALIBRATED_BY", "lab-3"),
        Edge.literal("serial", Value.of(420017)),
        Edge.literal("named", new Value.LangStr("Tidevannsmåler 42", "nb")));
    VectorFacet vector = new VectorFacet(new float[] {0.5f, -0.25f, 0.1f, 1.0f}, "all-MiniLM-L6-v2");
    TensorFacet tensor = TensorFacet.ofInts(new int[] {2, 3}, new int[] {1, 2, 3, 4, 5, 6});
    SemanticFacet semantic = SemanticFacet.of(List.of("Sensor", "https://schema.org/Place"), Map.of(
        "owner", Value.of("coastal-agency"),
        "name", new Value.LangStr("Tidevannsmåler 42", "nb"),
        "commissioned", new Value.Typed("2019-05-14", "http://www.w3.org/2001/XMLSchema#date"),
        "operator", new Value.Ref(OctadId.of("org-12")),
        "tags", new Value.Seq(List.of(Value.of("tide"), Value.of(7), new Value.Seq(List.of(Value.of(false))))),
        "depth_m", Value.of(3.25),
        "accuracy", Value.of(1.0e-7)));
    SpatialFacet spatial = new SpatialFacet(63.4305, 10.3951, 12.5, SpatialFacet.WGS84, null,
        new TreeMap<>(Map.of("station_class", Value.of("A"))));

    ProvenanceRecord created = ProvenanceRecord.create(Sha256.GENESIS, "created", "field-team-2", null, "created with document", CREATED);
    ProvenanceRecord imported = ProvenanceRecord.create(created.contentHash(), "imported", "ingest-bot", "survey-2019.csv",
        "tidal survey batch 7", IMPORTED);
    ProvenanceRecord modified = ProvenanceRecord.create(imported.contentHash(), "modified", "lab-3-bot", null,
        "modified graph, vector, tensor, semantic, spatial", MODIFIED);
    ProvenanceFacet provenance = new ProvenanceFacet(List.of(created, imported, modified));

    Map<Modality, Facet> first = new EnumMap<>(Modality.class);
    first.put(Modality.DOCUMENT, document);
    first.put(Modality.PROVENANCE, new ProvenanceFacet(List.of(created, imported)));
    Map<Modality, String> firstHashes = ContentHash.modalityHashes(first);
    VersionRecord v1 = VersionRecord.create(1, CREATED, "field-team-2", "commissioned", null, VALID_FROM, firstHashes,
        ContentHash.ofOctad(ID, firstHashes), Sha256.GENESIS);

    Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
    facets.put(Modality.GRAPH, graph);
    facets.put(Modality.VECTOR, vector);
    facets.put(Modality.TENSOR, tensor);
    facets.put(Modality.SEMANTIC, semantic);
    facets.put(Modality.DOCUMENT, document);
    facets.put(Modality.PROVENANCE, provenance);
    facets.put(Modality.SPATIAL, spatial);
    Map<Modality, String> hashes = ContentHash.modalityHashes(facets);
    String contentHash = ContentHash.ofOctad(ID, hashes);
    VersionRecord v2 = VersionRecord.create(2, MODIFIED, "lab-3-bot", "calibrated", "recalibrated after the storm\nof 1 March", VALID_FROM,
        hashes, contentHash, v1.versionHash());

    // Proofs and seals are outside the semantic modality hash, so they can cover the content hash.
    StoredProof proof = new StoredProof(ProofType.INTEGRITY, "content unchanged since the survey", "notary-1", "k-2026-01",
        MODIFIED.plusSeconds(60), contentHash, new byte[] {(byte) 0xa1, 0x61, 0x76, 0x01});
    byte[] signature = new byte[48];
    for (int i = 0; i < signature.length; i++) {
      signature[i] = (byte) (i * 37 + 250);
    }
    Seal seal = new Seal("harbour-authority", null, Seal.Level.STANDARD, contentHash, MODIFIED.plusSeconds(120), signature);
    facets.put(Modality.SEMANTIC, new SemanticFacet(semantic.types(), semantic.properties(), List.of(proof), List.of(seal)));

    facets.put(Modality.TEMPORAL, new TemporalFacet(2, CREATED, MODIFIED, VALID_FROM, "calibrated", "recalibrated after the storm\nof 1 March",
        2, new TreeSet<>(List.of("lab-3-bot", "field-team-2")), List.of(v2, v1)));
    return new Octad(ID, facets);
  }
}
