package org.verisimdb.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.verisimdb.engine.history.HistoryFixtures.assertCode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.history.VersionDiff.Change;
import org.verisimdb.engine.history.VersionDiff.Detail;
import org.verisimdb.engine.history.VersionDiff.FieldChange;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.geo.Position;
import org.verisimdb.model.value.Value;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.model.write.ProvenanceEvent;
import org.verisimdb.model.write.TemporalInput;

/** Diffs between versions, modality by modality, on one octad whose three versions change each in a known way. */
class VersionDiffTest {
  static final OctadId ID = OctadId.of("gauge-7");
  static final Instant VALID = Instant.parse("2026-01-01T00:00:00Z");

  Database db;
  Octad v1;
  Octad v2;
  Octad v3;

  @BeforeEach
  void write() {
    db = VeriSimDB.openInMemory(DatabaseConfig.defaults().withVectorDimension(3));
    v1 = db.create(OctadInput.builder().id(ID)
        .with(DocumentFacet.of(Map.of("title", "Harbour gauge", "year", 2020, "draft", true)))
        .with(GraphFacet.of(Edge.to("CITES", "p1"), Edge.to("CITES", "p2")))
        .with(new VectorFacet(new float[] {1, 1, 0}, "m1"))
        .with(TensorFacet.ofFloats(new int[] {2, 2}, new float[] {1, 2, 3, 4}))
        .with(SemanticFacet.of(List.of("Sensor"), Map.of("rank", Value.of(1), "unit", Value.of("m"))))
        .temporal(new TemporalInput(null, "draft", "first reading")).build());
    v2 = db.update(ID, OctadPatch.builder()
        .set(Modality.DOCUMENT, "year", 2021).unset(Modality.DOCUMENT, "draft").set(Modality.DOCUMENT, "venue", "Bergen")
        .addEdge(Edge.to("CITES", "p3")).removeEdge(Edge.to("CITES", "p1"))
        .replace(new VectorFacet(new float[] {1, 0, 0}, "m2"))
        .replace(TensorFacet.ofInts(new int[] {3}, new int[] {7, 8, 9}))
        .set(Modality.SEMANTIC, "properties.rank", 2).set(Modality.SEMANTIC, "types", List.of("Sensor", "TideGauge"))
        .replace(SpatialFacet.point(59.9139, 10.7522))
        .temporal(new TemporalInput(VALID, "reviewed", "checked"))
        .provenance(ProvenanceEvent.of("reviewed", "field-survey", "matches the survey")).build());
    v3 = db.update(ID, OctadPatch.builder()
        .set(Modality.SPATIAL, "lat", 60.39299).set(Modality.SPATIAL, "lon", 5.32415)
        .remove(Modality.TENSOR).build());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void documentFieldsAddedRemovedAndChanged() {
    VersionDiff diff = db.history().diff(ID, 1, 2);
    assertThat(diff.of(Modality.DOCUMENT).change()).isEqualTo(Change.CHANGED);
    assertThat(diff.of(Modality.DOCUMENT).detail()).isEqualTo(new Detail.Document(List.of(
        new FieldChange("draft", Value.Bool.TRUE, null),
        new FieldChange("venue", null, Value.of("Bergen")),
        new FieldChange("year", Value.of(2020), Value.of(2021)))));
    assertThat(((Detail.Document) diff.of(Modality.DOCUMENT).detail()).fields()).extracting(FieldChange::change)
        .containsExactly(Change.REMOVED, Change.ADDED, Change.CHANGED);
  }

  @Test
  void graphEdgesAddedAndRemoved() {
    assertThat(db.history().diff(ID, 1, 2).of(Modality.GRAPH).detail())
        .isEqualTo(new Detail.Graph(List.of(Edge.to("CITES", "p3")), List.of(Edge.to("CITES", "p1"))));
  }

  @Test
  void vectorChangeCarriesTheCosineSimilarity() {
    Detail.Vector vector = (Detail.Vector) db.history().diff(ID, 1, 2).of(Modality.VECTOR).detail();
    assertThat(vector.cosineSimilarity()).isCloseTo(1 / Math.sqrt(2), within(1e-9));
    assertThat(vector.modelBefore()).isEqualTo("m1");
    assertThat(vector.modelAfter()).isEqualTo("m2");
  }

  @Test
  void tensorShapeTypeAndSizeChangesAndRemoval() {
    assertThat(db.history().diff(ID, 1, 2).of(Modality.TENSOR).detail())
        .isEqualTo(new Detail.Tensor(List.of(2, 2), List.of(3), DType.FLOAT32, DType.INT32, 4, 3));
    VersionDiff.ModalityDiff removed = db.history().diff(ID, 2, 3).of(Modality.TENSOR);
    assertThat(removed.change()).isEqualTo(Change.REMOVED);
    assertThat(removed.detail()).isEqualTo(new Detail.Tensor(List.of(3), null, DType.INT32, null, 3, 0));
  }

  @Test
  void semanticTypesAndProperties() {
    assertThat(db.history().diff(ID, 1, 2).of(Modality.SEMANTIC).detail()).isEqualTo(new Detail.Semantic(List.of("TideGauge"), List.of(),
        List.of(new FieldChange("rank", Value.of(1), Value.of(2))), 0, 0, 0, 0));
  }

  @Test
  void spatialAddedThenMovedWithTheDistance() {
    VersionDiff.ModalityDiff added = db.history().diff(ID, 1, 2).of(Modality.SPATIAL);
    assertThat(added.change()).isEqualTo(Change.ADDED);
    Detail.Spatial first = (Detail.Spatial) added.detail();
    assertThat(first.before()).isNull();
    assertThat(first.after()).isEqualTo(new Position(10.7522, 59.9139));
    assertThat(first.distanceKm()).isNull();

    VersionDiff.ModalityDiff moved = db.history().diff(ID, 2, 3).of(Modality.SPATIAL);
    assertThat(moved.change()).isEqualTo(Change.CHANGED);
    Detail.Spatial spatial = (Detail.Spatial) moved.detail();
    assertThat(spatial.before()).isEqualTo(new Position(10.7522, 59.9139));
    assertThat(spatial.after()).isEqualTo(new Position(5.32415, 60.39299));
    assertThat(spatial.distanceKm()).as("Oslo to Bergen").isCloseTo(305.0, within(3.0));
    assertThat(spatial.wktAfter()).isEqualTo(v3.spatial().orElseThrow().wkt());
  }

  @Test
  void provenanceRecordsAppendedBetweenTheVersions() {
    Detail.Provenance p = (Detail.Provenance) db.history().diff(ID, 1, 3).of(Modality.PROVENANCE).detail();
    List<org.verisimdb.model.facet.ProvenanceRecord> chain = v3.provenance().orElseThrow().records();
    assertThat(p.appended()).isEqualTo(chain.subList(1, chain.size()));
    assertThat(p.appended()).extracting(org.verisimdb.model.facet.ProvenanceRecord::eventType).containsExactly("modified", "reviewed", "modified");
  }

  @Test
  void temporalLabelMessageAndValidFrom() {
    assertThat(db.history().diff(ID, 1, 2).of(Modality.TEMPORAL).detail())
        .isEqualTo(new Detail.Temporal(1, 2, "draft", "reviewed", "first reading", "checked", null, VALID));
    assertThat(db.history().diff(ID, 2, 3).of(Modality.TEMPORAL).detail())
        .isEqualTo(new Detail.Temporal(2, 3, "reviewed", null, "checked", null, VALID, VALID)); // valid-from carries over
  }

  @Test
  void unchangedModalitiesHaveNoDetailAndAbsentOnesAreLeftOut() {
    VersionDiff diff = db.history().diff(ID, 2, 3);
    assertThat(diff.changed()).containsExactlyInAnyOrder(Modality.TENSOR, Modality.SPATIAL, Modality.TEMPORAL, Modality.PROVENANCE);
    for (Modality m : List.of(Modality.DOCUMENT, Modality.GRAPH, Modality.VECTOR, Modality.SEMANTIC)) {
      assertThat(diff.of(m).change()).as(m.name()).isEqualTo(Change.UNCHANGED);
      assertThat(diff.of(m).detail()).as(m.name()).isNull();
    }
    VersionDiff first = db.history().diff(ID, 1, 2);
    assertThat(first.modalities().keySet()).containsExactly(Modality.values()); // SPATIAL is in v2
    assertThat(db.history().diff(ID, 3, 3).modalities().keySet()).doesNotContain(Modality.TENSOR);
  }

  @Test
  void aVersionWithItselfChangesNothing() {
    VersionDiff diff = db.history().diff(ID, 2, 2);
    assertThat(diff.changed()).isEmpty();
    assertThat(diff.from()).isEqualTo(2);
    assertThat(diff.to()).isEqualTo(2);
    assertThat(diff.id()).isEqualTo(ID);
  }

  @Test
  void deletionsMissingVersionsAndReversedRangesAreRefused() {
    long deleted = db.delete(ID);
    assertCode(() -> db.history().diff(ID, 3, deleted), ErrorCode.VERSION_NOT_FOUND, "deletion", "read version 3");
    assertCode(() -> db.history().diff(ID, 1, 9), ErrorCode.VERSION_NOT_FOUND, "versions are 1 to 4");
    assertCode(() -> db.history().diff(ID, 3, 1), ErrorCode.INVALID_ARGUMENT, "older version first");
    assertCode(() -> db.history().diff(ID, 0, 1), ErrorCode.INVALID_ARGUMENT, "versions start at 1");
    assertCode(() -> db.history().diff("nobody", 1, 2), ErrorCode.OCTAD_NOT_FOUND, "nobody");
  }

  @Test
  void cosineAndDistanceHelpers() {
    assertThat(Diffs.cosine(new VectorFacet(new float[] {0, 0}, null), new VectorFacet(new float[] {1, 0}, null))).isNull();
    assertThat(Diffs.cosine(new VectorFacet(new float[] {2, 0}, null), new VectorFacet(new float[] {-1, 0}, null))).isEqualTo(-1.0);
    assertThat(Diffs.distanceKm(new Position(0, 0), new Position(0, 0))).isZero();
    assertThat(Diffs.distanceKm(new Position(0, 0), new Position(180, 0))).isCloseTo(Math.PI * Diffs.EARTH_RADIUS_KM, within(1e-6));
  }
}
