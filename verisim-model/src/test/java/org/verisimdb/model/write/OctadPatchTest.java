package org.verisimdb.model.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.value.Value;

class OctadPatchTest {

  static Facet apply(OctadPatch patch, Modality m, Facet current) {
    return patch.changes().get(m).apply(current);
  }

  static void rejects(Runnable call, ErrorCode code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).as(e.toString()).isEqualTo(code));
  }

  @Test
  void documentFieldEditsKeepOtherFields() {
    DocumentFacet doc = DocumentFacet.of(Map.of("title", "Old", "year", 2020, "draft", true));
    OctadPatch patch = OctadPatch.builder().set(Modality.DOCUMENT, "title", "New").unset(Modality.DOCUMENT, "draft")
        .set(Modality.DOCUMENT, "pages", 12).build();
    assertThat(apply(patch, Modality.DOCUMENT, doc)).isEqualTo(DocumentFacet.of(Map.of("title", "New", "year", 2020, "pages", 12)));
  }

  @Test
  void removingTheLastDocumentFieldRemovesTheDocument() {
    OctadPatch patch = OctadPatch.builder().unset(Modality.DOCUMENT, "title").build();
    assertThat(apply(patch, Modality.DOCUMENT, DocumentFacet.of("T", null))).isNull();
  }

  @Test
  void settingAFieldOfAnAbsentDocumentCreatesIt() {
    OctadPatch patch = OctadPatch.builder().set(Modality.DOCUMENT, "title", "T").build();
    assertThat(apply(patch, Modality.DOCUMENT, null)).isEqualTo(DocumentFacet.of("T", null));
  }

  @Test
  void documentEditsAreValidatedAsAWhole() {
    OctadPatch patch = OctadPatch.builder().set(Modality.DOCUMENT, "title", 42).build();
    rejects(() -> apply(patch, Modality.DOCUMENT, null), ErrorCode.INVALID_DOCUMENT);
  }

  @Test
  void semanticTypesAndProperties() {
    SemanticFacet s = SemanticFacet.of(List.of("A"), Map.of("k", Value.of(1L), "gone", Value.of("x")));
    OctadPatch patch = OctadPatch.builder().set(Modality.SEMANTIC, "types", List.of("B", "C")).set(Modality.SEMANTIC, "properties.n", "v")
        .unset(Modality.SEMANTIC, "properties.gone").build();
    assertThat(apply(patch, Modality.SEMANTIC, s)).isEqualTo(SemanticFacet.of(List.of("B", "C"), Map.of("k", Value.of(1L), "n", Value.of("v"))));
    rejects(() -> OctadPatch.builder().set(Modality.SEMANTIC, "typos", "A").build(), ErrorCode.FIELD_NOT_WRITABLE);
  }

  @Test
  void vectorEmbeddingAndModel() {
    VectorFacet v = new VectorFacet(new float[] {1, 2}, "m1");
    OctadPatch rename = OctadPatch.builder().set(Modality.VECTOR, "model", "m2").build();
    assertThat(apply(rename, Modality.VECTOR, v)).isEqualTo(new VectorFacet(new float[] {1, 2}, "m2"));
    OctadPatch embed = OctadPatch.builder().set(Modality.VECTOR, "embedding", List.of(0.5, 1)).build();
    assertThat(apply(embed, Modality.VECTOR, null)).isEqualTo(new VectorFacet(new float[] {0.5f, 1f}, null));
    OctadPatch drop = OctadPatch.builder().unset(Modality.VECTOR, "embedding").build();
    assertThat(apply(drop, Modality.VECTOR, v)).isNull();
    rejects(() -> apply(rename, Modality.VECTOR, null), ErrorCode.INVALID_VECTOR);
    rejects(() -> apply(OctadPatch.builder().set(Modality.VECTOR, "embedding", "x").build(), Modality.VECTOR, v), ErrorCode.INVALID_VECTOR);
  }

  @Test
  void spatialPointsMoveAndGeometriesKeepTheirShape() {
    SpatialFacet p = SpatialFacet.point(10, 20);
    Facet moved = apply(OctadPatch.builder().set(Modality.SPATIAL, "lat", 11).build(), Modality.SPATIAL, p);
    assertThat(moved).isEqualTo(SpatialFacet.point(11, 20));

    Facet square = apply(OctadPatch.builder().set(Modality.SPATIAL, "wkt", "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))").build(), Modality.SPATIAL, p);
    assertThat(((SpatialFacet) square).lat()).isEqualTo(2.0);
    Facet repointed = apply(OctadPatch.builder().set(Modality.SPATIAL, "lon", 1).build(), Modality.SPATIAL, square);
    assertThat(((SpatialFacet) repointed).geometry()).isEqualTo(((SpatialFacet) square).geometry());
    assertThat(((SpatialFacet) repointed).lon()).isEqualTo(1.0);

    Facet pointAgain = apply(OctadPatch.builder().unset(Modality.SPATIAL, "wkt").build(), Modality.SPATIAL, square);
    assertThat(pointAgain).isEqualTo(SpatialFacet.point(2, 2));

    Facet altitude = apply(OctadPatch.builder().set(Modality.SPATIAL, "alt", 120.5).set(Modality.SPATIAL, "properties.name", "summit").build(),
        Modality.SPATIAL, p);
    assertThat(((SpatialFacet) altitude).alt()).isEqualTo(120.5);
    assertThat(((SpatialFacet) altitude).properties()).containsEntry("name", Value.of("summit"));
  }

  @Test
  void anAbsentLocationNeedsBothCoordinates() {
    rejects(() -> apply(OctadPatch.builder().set(Modality.SPATIAL, "lat", 1).build(), Modality.SPATIAL, null), ErrorCode.INVALID_COORDINATE);
    rejects(() -> apply(OctadPatch.builder().unset(Modality.SPATIAL, "lat").build(), Modality.SPATIAL, SpatialFacet.point(1, 1)),
        ErrorCode.INVALID_COORDINATE);
    rejects(() -> apply(OctadPatch.builder().set(Modality.SPATIAL, "lat", 100).build(), Modality.SPATIAL, SpatialFacet.point(1, 1)),
        ErrorCode.INVALID_COORDINATE);
  }

  @Test
  void edgesAreAddedAndRemoved() {
    GraphFacet g = GraphFacet.of(Edge.to("cites", "a"), Edge.to("cites", "b"));
    OctadPatch patch = OctadPatch.builder().removeEdge(Edge.to("cites", "a")).addEdge(Edge.to("uses", "d")).build();
    assertThat(apply(patch, Modality.GRAPH, g)).isEqualTo(GraphFacet.of(Edge.to("cites", "b"), Edge.to("uses", "d")));
    OctadPatch removeAll = OctadPatch.builder().removeEdge(Edge.to("cites", "a")).removeEdge(Edge.to("cites", "b")).build();
    assertThat(apply(removeAll, Modality.GRAPH, g)).isNull();
  }

  @Test
  void computedAndWholeOnlyFieldsAreNotWritable() {
    rejects(() -> OctadPatch.builder().set(Modality.TENSOR, "shape", List.of(1)).build(), ErrorCode.FIELD_NOT_WRITABLE);
    rejects(() -> OctadPatch.builder().set(Modality.GRAPH, "edges", List.of()).build(), ErrorCode.FIELD_NOT_WRITABLE);
    rejects(() -> OctadPatch.builder().set(Modality.PROVENANCE, "actor", "x").build(), ErrorCode.FIELD_NOT_WRITABLE);
    rejects(() -> OctadPatch.builder().remove(Modality.TEMPORAL).build(), ErrorCode.FIELD_NOT_WRITABLE);
    rejects(() -> OctadPatch.builder().set(Modality.VECTOR, "norm", 1).build(), ErrorCode.FIELD_NOT_WRITABLE);
  }

  @Test
  void oneChangePerModalityAndOneEditPerField() {
    TensorFacet t = TensorFacet.ofInts(new int[] {1}, new int[] {1});
    rejects(() -> OctadPatch.builder().replace(t).remove(Modality.TENSOR).build(), ErrorCode.INVALID_ARGUMENT);
    rejects(() -> OctadPatch.builder().set(Modality.DOCUMENT, "a", 1).set(Modality.DOCUMENT, "a", 2).build(), ErrorCode.INVALID_ARGUMENT);
    rejects(() -> OctadPatch.builder().remove(Modality.GRAPH).addEdge(Edge.to("x", "y")).build(), ErrorCode.INVALID_ARGUMENT);
    rejects(() -> OctadPatch.builder().set(Modality.DOCUMENT, "a", 1).replace(DocumentFacet.of("t", null)).build(), ErrorCode.INVALID_ARGUMENT);
    rejects(() -> OctadPatch.builder().expectVersion(0).build(), ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void inputsRefuseModalitiesTheDatabaseKeeps() {
    rejects(() -> new OctadInput(null, Map.of(Modality.DOCUMENT, new VectorFacet(new float[] {1}, null)), null, null), ErrorCode.INVALID_ARGUMENT);
    rejects(() -> OctadInput.builder().with(DocumentFacet.of("a", null)).with(DocumentFacet.of("b", null)), ErrorCode.INVALID_ARGUMENT);
  }
}
