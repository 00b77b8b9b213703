package org.verisimdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.model.write.ProvenanceEvent;
import org.verisimdb.model.write.TemporalInput;

class EmbeddedDatabaseTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  final Database db = VeriSimDB.openInMemory(DatabaseConfig.defaults().withVectorDimension(3), Clock.fixed(T0, ZoneOffset.UTC));

  @AfterEach
  void close() {
    db.close();
  }

  static OctadInput station(String id) {
    return OctadInput.builder().id(id).with(DocumentFacet.of("Tide gauge 42", "Measures the tide in Trondheim."))
        .with(SpatialFacet.point(63.4305, 10.3951)).with(GraphFacet.of(Edge.to("PART_OF", "network-7")))
        .with(new VectorFacet(new float[] {0.1f, 0.2f, 0.3f}, "test-model")).temporal(TemporalInput.label("commissioned"))
        .provenance(ProvenanceEvent.of("imported", "survey-2019.csv", null)).build();
  }

  static void rejects(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).as(e.toString()).isEqualTo(code));
  }

  @Test
  void createdOctadsReadBackWithVersionOneAndAProvenanceChain() {
    Octad created = db.create(station("station-0042"));
    Octad read = db.get("station-0042").orElseThrow();
    assertThat(read).isEqualTo(created);
    assertThat(read.modalities()).containsExactly(Modality.GRAPH, Modality.VECTOR, Modality.DOCUMENT, Modality.TEMPORAL, Modality.PROVENANCE,
        Modality.SPATIAL);
    TemporalFacet t = read.temporal();
    assertThat(t.version()).isEqualTo(1);
    assertThat(t.createdAt()).isEqualTo(T0);
    assertThat(t.label()).isEqualTo("commissioned");
    assertThat(t.modifiedBy()).containsExactly("local");
    ProvenanceFacet p = read.provenance().orElseThrow();
    assertThat(p.records()).extracting(ProvenanceRecord::eventType).containsExactly("created", "imported");
    assertThat(p.records().getFirst().actor()).isEqualTo("local");
    assertThat(p.records().getFirst().parentHash()).isEqualTo(Sha256.GENESIS);
    assertThat(p.verify().valid()).isTrue();
  }

  @Test
  void theVersionRecordHashesTheStoredContent() {
    Octad octad = db.create(station("s1"));
    VersionRecord v = octad.temporal().current();
    assertThat(v.recomputeHash()).isEqualTo(v.versionHash());
    assertThat(v.parentHash()).isEqualTo(Sha256.GENESIS);
    Map<Modality, String> hashes = ContentHash.modalityHashes(octad.facets());
    assertThat(v.modalityHashes()).isEqualTo(hashes);
    assertThat(v.contentHash()).isEqualTo(ContentHash.ofOctad(octad.id(), hashes));
  }

  @Test
  void afterUpdatesTheVersionRecordStillHashesExactlyTheStoredContent() {
    db.create(station("s1"));
    Octad after = db.update(OctadId.of("s1"), OctadPatch.builder().set(Modality.DOCUMENT, "title", "renamed").remove(Modality.GRAPH)
        .set(Modality.SPATIAL, "alt", 12).build());
    after = db.update(OctadId.of("s1"), OctadPatch.builder().set(Modality.VECTOR, "model", "m2").build());
    VersionRecord v = after.temporal().current();
    Map<Modality, String> recomputed = ContentHash.modalityHashes(after.facets());
    assertThat(v.modalityHashes()).isEqualTo(recomputed);
    assertThat(v.contentHash()).isEqualTo(ContentHash.ofOctad(after.id(), recomputed));
  }

  @Test
  void updatesMakeOneNewVersionLinkedToTheLast() {
    Octad v1 = db.create(station("s1"));
    Octad v2 = db.session("curator-5").update(OctadId.of("s1"), OctadPatch.builder().set(Modality.DOCUMENT, "title", "Tide gauge 42b")
        .unset(Modality.SPATIAL, "alt").temporal(new TemporalInput(null, "renamed", "typo")).build());
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.document().orElseThrow().title()).isEqualTo("Tide gauge 42b");
    assertThat(v2.document().orElseThrow().body()).isEqualTo(v1.document().orElseThrow().body());
    assertThat(v2.temporal().versions()).hasSize(2);
    assertThat(v2.temporal().versions().getFirst().parentHash()).isEqualTo(v1.temporal().current().versionHash());
    assertThat(v2.temporal().modifiedBy()).containsExactly("curator-5", "local");
    assertThat(v2.temporal().createdAt()).isEqualTo(T0);
    assertThat(v2.temporal().modifiedAt()).isAfter(T0);
    List<ProvenanceRecord> chain = v2.provenance().orElseThrow().records();
    assertThat(chain).extracting(ProvenanceRecord::eventType).containsExactly("created", "imported", "modified");
    assertThat(chain.getLast().actor()).isEqualTo("curator-5");
    assertThat(chain.getLast().description()).contains("document (set title)");
    assertThat(v2.provenance().orElseThrow().verify().valid()).isTrue();
  }

  @Test
  void anEmptyPatchStillCommitsAVersion() {
    db.create(station("s1"));
    assertThat(db.update(OctadId.of("s1"), OctadPatch.builder().build()).version()).isEqualTo(2);
  }

  @Test
  void removingAModalityDropsItAndItsCount() {
    db.create(station("s1"));
    Octad after = db.update(OctadId.of("s1"), OctadPatch.builder().remove(Modality.VECTOR).build());
    assertThat(after.vector()).isEmpty();
    assertThat(db.get("s1").orElseThrow().vector()).isEmpty();
    assertThat(db.stats().count(Modality.VECTOR)).isZero();
    assertThat(db.stats().count(Modality.DOCUMENT)).isEqualTo(1);
  }

  @Test
  void deleteKeepsHistorySoARecreatedIdContinuesItsVersions() {
    db.create(station("s1"));
    assertThat(db.delete(OctadId.of("s1"))).isEqualTo(2);
    assertThat(db.get("s1")).isEmpty();
    assertThat(db.exists(OctadId.of("s1"))).isFalse();
    assertThat(db.stats().octads()).isZero();
    Octad again = db.create(OctadInput.builder().id("s1").with(DocumentFacet.of("Second life", null)).build());
    assertThat(again.version()).isEqualTo(3);
    assertThat(again.temporal().versions()).extracting(VersionRecord::isDeletion).containsExactly(false, true, false);
    assertThat(again.provenance().orElseThrow().records()).extracting(ProvenanceRecord::eventType)
        .containsExactly("created", "imported", "deleted", "created");
    assertThat(again.provenance().orElseThrow().verify().valid()).isTrue();
    assertThat(again.vector()).isEmpty();
  }

  @Test
  void generatedIdsAreUuids() {
    Octad octad = db.create(OctadInput.builder().with(DocumentFacet.of("x", null)).build());
    assertThat(octad.id().isUuid()).isTrue();
  }

  @Test
  void anOctadMayHaveNoUserModalities() {
    Octad bare = db.create(OctadInput.builder().id("bare").build());
    assertThat(bare.modalities()).containsExactly(Modality.TEMPORAL, Modality.PROVENANCE);
  }

  @Test
  void listingPagesThroughLiveOctadsInIdOrder() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String id = "o-%02d".formatted(i);
      ids.add(id);
      db.create(OctadInput.builder().id(id).with(DocumentFacet.of("t" + i, null)).build());
    }
    db.delete(OctadId.of("o-03"));
    ids.remove("o-03");
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<Octad> page = db.list(cursor, 7);
      page.items().forEach(o -> seen.add(o.id().value()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null);
    assertThat(seen).isEqualTo(ids);
    assertThat(pages).isEqualTo(4);
    assertThat(db.list(null, 24).nextCursor()).isNull();
  }

  @Test
  void statsCountEveryModality() {
    db.create(station("a"));
    db.create(OctadInput.builder().id("b").with(DocumentFacet.of("only text", null)).build());
    DatabaseStats stats = db.stats();
    assertThat(stats.octads()).isEqualTo(2);
    assertThat(stats.count(Modality.DOCUMENT)).isEqualTo(2);
    assertThat(stats.count(Modality.SPATIAL)).isEqualTo(1);
    assertThat(stats.count(Modality.TEMPORAL)).isEqualTo(2);
    assertThat(stats.count(Modality.PROVENANCE)).isEqualTo(2);
    assertThat(stats.count(Modality.TENSOR)).isZero();
  }

  @Test
  void errorsCarryTheirCodes() {
    db.create(station("s1"));
    rejects(() -> db.create(station("s1")), ErrorCode.OCTAD_ALREADY_EXISTS);
    rejects(() -> db.update(OctadId.of("ghost"), OctadPatch.builder().build()), ErrorCode.OCTAD_NOT_FOUND);
    rejects(() -> db.delete(OctadId.of("ghost")), ErrorCode.OCTAD_NOT_FOUND);
    rejects(() -> db.update(OctadId.of("s1"), OctadPatch.builder().expectVersion(7).build()), ErrorCode.VERSION_CONFLICT);
    rejects(() -> db.create(OctadInput.builder().with(new VectorFacet(new float[] {1, 2}, null)).build()), ErrorCode.VECTOR_DIMENSION_MISMATCH);
    rejects(() -> db.list("not-a-cursor", 10), ErrorCode.INVALID_CURSOR);
    rejects(() -> db.list(null, 0), ErrorCode.INVALID_ARGUMENT);
    rejects(() -> db.list(null, 10_001), ErrorCode.INVALID_ARGUMENT);
    rejects(() -> db.session("two\nlines"), ErrorCode.INVALID_ARGUMENT);
    assertThat(db.get("s1").orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void theExpectedVersionGuardsAgainstLostUpdates() {
    db.create(station("s1"));
    Octad v2 = db.update(OctadId.of("s1"), OctadPatch.builder().expectVersion(1).set(Modality.DOCUMENT, "n", 1).build());
    assertThat(v2.version()).isEqualTo(2);
    rejects(() -> db.update(OctadId.of("s1"), OctadPatch.builder().expectVersion(1).set(Modality.DOCUMENT, "n", 2).build()),
        ErrorCode.VERSION_CONFLICT);
  }

  @Test
  void aClosedDatabaseRefusesWork() {
    db.close();
    rejects(() -> db.get("x"), ErrorCode.DATABASE_CLOSED);
    rejects(() -> db.create(station("x")), ErrorCode.DATABASE_CLOSED);
    rejects(db::stats, ErrorCode.DATABASE_CLOSED);
    db.close(); // idempotent
  }

  @Test
  void commitTimesStrictlyIncreaseEvenWhenTheClockStalls() {
    Octad a = db.create(station("a"));
    Octad b = db.update(a.id(), OctadPatch.builder().build());
    assertThat(b.modifiedAt()).isAfter(a.modifiedAt());
  }
}
