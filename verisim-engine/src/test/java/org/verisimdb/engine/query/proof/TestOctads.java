package org.verisimdb.engine.query.proof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.hash.Sha256;

/**
 * Octads as the database would store them, built in memory: the given facets, a provenance chain
 * of the given actors, and a first-version temporal facet with its version record and hashes.
 */
final class TestOctads {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private TestOctads() {}

  /** An octad with a title, modified at {@code modifiedAt}, whose chain has one record per actor. */
  static Octad octad(String id, Instant modifiedAt, String... actors) {
    return octad(id, modifiedAt, chain(modifiedAt, actors), DocumentFacet.of("paper " + id, null));
  }

  /** An octad with these facets and provenance chain (null: none). */
  static Octad octad(String id, Instant modifiedAt, ProvenanceFacet provenance, Facet... facets) {
    Map<Modality, Facet> all = new EnumMap<>(Modality.class);
    for (Facet f : facets) {
      all.put(f.modality(), f);
    }
    if (provenance != null) {
      all.put(Modality.PROVENANCE, provenance);
    }
    OctadId octadId = OctadId.of(id);
    Map<Modality, String> hashes = ContentHash.modalityHashes(all);
    VersionRecord record = VersionRecord.create(1, modifiedAt, "tester", null, null, null, hashes, ContentHash.ofOctad(octadId, hashes),
        Sha256.GENESIS);
    all.put(Modality.TEMPORAL, new TemporalFacet(1, modifiedAt, modifiedAt, null, null, null, 1, null, List.of(record)));
    return new Octad(octadId, all);
  }

  /** A chain with one record per actor, the i-th from source {@code src-i}; null without actors. */
  static ProvenanceFacet chain(Instant at, String... actors) {
    if (actors.length == 0) {
      return null;
    }
    List<ProvenanceRecord> records = new ArrayList<>();
    String parent = Sha256.GENESIS;
    for (int i = 0; i < actors.length; i++) {
      ProvenanceRecord r = ProvenanceRecord.create(parent, i == 0 ? "created" : "imported", actors[i], "src-" + i, null, at.plusMillis(i));
      records.add(r);
      parent = r.contentHash();
    }
    return new ProvenanceFacet(records);
  }

  /** The chain with record {@code index}'s actor changed but its stored hash kept: a tampered chain. */
  static ProvenanceFacet tampered(ProvenanceFacet chain, int index) {
    List<ProvenanceRecord> records = new ArrayList<>(chain.records());
    ProvenanceRecord r = records.get(index);
    records.set(index, new ProvenanceRecord(r.eventType(), "mallory", r.source(), r.description(), r.timestamp(), r.parentHash(),
        r.contentHash()));
    return new ProvenanceFacet(records);
  }
}
