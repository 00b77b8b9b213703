package org.verisimdb.model.facet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Limits;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.value.Value;

class FacetValidationTest {

  static void rejects(ThrowingCallable call, ErrorCode code, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).as(e.toString()).isEqualTo(code);
      if (field != null) {
        assertThat(e.field()).as(e.toString()).isEqualTo(field);
      }
    });
  }

  // ---- vector

  @Test
  void vectorsMustBeNonEmptyAndFinite() {
    rejects(() -> new VectorFacet(new float[0], null), ErrorCode.INVALID_VECTOR, "vector.embedding");
    rejects(() -> new VectorFacet(new float[] {1f, Float.NaN}, null), ErrorCode.INVALID_VECTOR, "vector.embedding[1]");
    rejects(() -> new VectorFacet(new float[] {Float.POSITIVE_INFINITY}, null), ErrorCode.INVALID_VECTOR, "vector.embedding[0]");
    rejects(() -> VectorFacet.of(new double[] {1e39}, null), ErrorCode.INVALID_VECTOR, "vector.embedding[0]");
    rejects(() -> new VectorFacet(new float[Limits.MAX_VECTOR_DIMENSION + 1], null), ErrorCode.LIMIT_EXCEEDED, "vector.embedding");
    rejects(() -> new VectorFacet(new float[] {1f}, "two\nlines"), ErrorCode.INVALID_VECTOR, "vector.model");
  }

  @Test
  void vectorsAreCopiedInAndOutAndCompareByValue() {
    float[] data = {0.5f, -1f};
    VectorFacet v = new VectorFacet(data, "m");
    data[0] = 9f;
    assertThat(v.get(0)).isEqualTo(0.5f);
    v.embedding()[1] = 7f;
    assertThat(v.get(1)).isEqualTo(-1f);
    assertThat(v).isEqualTo(new VectorFacet(new float[] {0.5f, -1f}, "m")).hasSameHashCodeAs(new VectorFacet(new float[] {0.5f, -1f}, "m"));
    assertThat(v).isNotEqualTo(new VectorFacet(new float[] {0.5f, -1f}, null));
    assertThat(v.norm()).isCloseTo(Math.sqrt(1.25), org.assertj.core.data.Offset.offset(1e-12));
  }

  // ---- tensor

  @Test
  void tensorShapeMustMatchTheData() {
    rejects(() -> TensorFacet.ofInts(new int[] {2, 2}, new int[] {1, 2, 3}), ErrorCode.INVALID_TENSOR, "tensor.data");
    rejects(() -> TensorFacet.ofInts(new int[] {-1}, new int[] {}), ErrorCode.INVALID_TENSOR, "tensor.shape[0]");
    rejects(() -> TensorFacet.ofDoubles(new int[] {2}, new double[] {1, Double.NaN}), ErrorCode.INVALID_TENSOR, "tensor.data[1]");
    rejects(() -> new TensorFacet(DType.BOOL, new int[] {1}, new byte[] {2}), ErrorCode.INVALID_TENSOR, "tensor.data[0]");
    rejects(() -> new TensorFacet(DType.INT32, new int[33], new byte[0]), ErrorCode.LIMIT_EXCEEDED, "tensor.shape");
    rejects(() -> new TensorFacet(DType.INT32, new int[] {1 << 16, 1 << 16}, new byte[0]), ErrorCode.LIMIT_EXCEEDED, "tensor.shape");
    rejects(() -> DType.parse("complex64"), ErrorCode.INVALID_TENSOR, "tensor.dtype");
  }

  @Test
  void tensorsHoldEveryDtypeExactly() {
    assertThat(TensorFacet.ofLongs(new int[] {2}, new long[] {Long.MAX_VALUE, -3}).longAt(0)).isEqualTo(Long.MAX_VALUE);
    assertThat(TensorFacet.ofFloats(new int[] {1, 2}, new float[] {1.5f, -2f}).doubleAt(1)).isEqualTo(-2.0);
    assertThat(TensorFacet.ofBooleans(new int[] {3}, new boolean[] {true, false, true}).toDoubles()).containsExactly(1, 0, 1);
    TensorFacet scalar = TensorFacet.ofDoubles(new int[0], new double[] {4.25});
    assertThat(scalar.rank()).isZero();
    assertThat(scalar.size()).isEqualTo(1);
    TensorFacet empty = TensorFacet.ofInts(new int[] {0, 3}, new int[0]);
    assertThat(empty.size()).isZero();
    assertThat(DType.parse("F32")).isEqualTo(DType.FLOAT32);
    assertThat(TensorFacet.ofInts(new int[] {2}, new int[] {1, 2})).isEqualTo(TensorFacet.ofInts(new int[] {2}, new int[] {1, 2}))
        .isNotEqualTo(TensorFacet.ofInts(new int[] {1, 2}, new int[] {1, 2}));
  }

  // ---- document

  @Test
  void documentsNeedFieldsWithValidNamesAndStringTitles() {
    rejects(() -> new DocumentFacet(new TreeMap<>()), ErrorCode.INVALID_DOCUMENT, "document");
    rejects(() -> DocumentFacet.of(Map.of("title", 5)), ErrorCode.INVALID_DOCUMENT, "document.title");
    rejects(() -> DocumentFacet.of(Map.of("1st", "x")), ErrorCode.INVALID_DOCUMENT, "document");
    rejects(() -> DocumentFacet.of(Map.of("tags", List.of("a", "b"))), ErrorCode.INVALID_DOCUMENT, "document.tags");
    rejects(() -> DocumentFacet.of(Map.of("body", "bell\u0007")), ErrorCode.INVALID_VALUE, "document.body");
    rejects(() -> DocumentFacet.of(Map.of("x", Double.NaN)), ErrorCode.INVALID_VALUE, "document.x");
    rejects(() -> DocumentFacet.of(Map.of("x", "y".repeat(Limits.MAX_STRING_LENGTH + 1))), ErrorCode.LIMIT_EXCEEDED, "document.x");
    rejects(() -> DocumentFacet.of(Map.of("x", "\ud800")), ErrorCode.INVALID_VALUE, "document.x");
  }

  @Test
  void documentsKeepTypedFieldsAndMultiLineBodies() {
    DocumentFacet d = DocumentFacet.of(Map.of("title", "T", "body", "line 1\nline 2\ttab", "year", 2021, "ok", true, "venue.city", "Oslo"));
    assertThat(d.title()).isEqualTo("T");
    assertThat(d.body()).contains("\n");
    assertThat(d.field("year")).isEqualTo(Value.of(2021L));
    assertThat(d.fields().keySet()).containsExactly("body", "ok", "title", "venue.city", "year");
  }

  // ---- semantic

  @Test
  void semanticDataIsValidated() {
    rejects(() -> SemanticFacet.of(List.of(), Map.of()), ErrorCode.INVALID_SEMANTIC, "semantic");
    rejects(() -> SemanticFacet.of(List.of("has space"), null), ErrorCode.INVALID_SEMANTIC, "semantic.types[0]");
    rejects(() -> SemanticFacet.of(List.of("<bad>"), null), ErrorCode.INVALID_SEMANTIC, "semantic.types[0]");
    rejects(() -> SemanticFacet.of(null, Map.of("bad key", Value.of(1))), ErrorCode.INVALID_SEMANTIC, "semantic.properties");
    rejects(() -> new Value.LangStr("x", "not a tag"), ErrorCode.INVALID_VALUE, null);
    rejects(() -> new Value.Typed("1", "has space"), ErrorCode.INVALID_VALUE, null);
  }

  @Test
  void semanticTypesKeepOrderAndDropDuplicates() {
    SemanticFacet s = SemanticFacet.of(List.of("https://schema.org/Place", "City", "https://schema.org/Place"),
        Map.of("name", new Value.LangStr("Oslo", "nb"), "founded", new Value.Typed("1048", "xsd:gYear"), "mayor", new Value.Ref(OctadId.of("p-1")),
            "tags", Value.from(List.of("capital", 1))));
    assertThat(s.types()).containsExactly("https://schema.org/Place", "City");
    assertThat(s.properties()).hasSize(4);
  }

  @Test
  void storedProofsMustBeWellFormedCbor() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    byte[] cborMap = {(byte) 0xa1, 0x61, 0x61, 0x01}; // {"a": 1}
    StoredProof ok = new StoredProof(ProofType.PROVEN, "claim", "issuer-1", "k1", t, "a".repeat(64), cborMap);
    assertThat(SemanticFacet.of(List.of("T"), null).withProofs(List.of(ok)).proofs()).containsExactly(ok);
    rejects(() -> new StoredProof(ProofType.PROVEN, null, "i", null, t, null, new byte[] {(byte) 0xa1, 0x61}), ErrorCode.INVALID_SEMANTIC, "data");
    rejects(() -> new StoredProof(ProofType.PROVEN, null, "i", null, t, null, new byte[] {0x01, 0x02}), ErrorCode.INVALID_SEMANTIC, "data");
    rejects(() -> new StoredProof(ProofType.PROVEN, null, "i", null, t, "xyz", cborMap), ErrorCode.INVALID_SEMANTIC, "subject_hash");
    rejects(() -> ProofType.parse("NOTARIZED", "type"), ErrorCode.INVALID_SEMANTIC, "type");
    rejects(() -> new Seal("s", null, Seal.Level.HIGH, "a".repeat(64), t, new byte[0]), ErrorCode.INVALID_SEMANTIC, "signature");
  }

  // ---- graph

  @Test
  void edgesAreSortedDeduplicatedAndValidated() {
    GraphFacet g = GraphFacet.of(Edge.to("cites", "p-2"), Edge.literal("keyword", Value.of("tides")), Edge.to("authored_by", "x"),
        Edge.to("cites", "p-1"), Edge.to("cites", "p-2"));
    assertThat(g.edges()).containsExactly(Edge.to("authored_by", "x"), Edge.to("cites", "p-1"), Edge.to("cites", "p-2"),
        Edge.literal("keyword", Value.of("tides")));
    assertThat(g.targets().map(OctadId::value)).containsExactly("x", "p-1", "p-2");
    assertThat(g.predicates()).containsExactly("authored_by", "cites", "keyword");
    rejects(() -> new GraphFacet(List.of()), ErrorCode.INVALID_GRAPH, "graph.edges");
    rejects(() -> Edge.to("has space", "x"), ErrorCode.INVALID_GRAPH, "predicate");
    rejects(() -> Edge.to("1st", "x"), ErrorCode.INVALID_GRAPH, "predicate");
    rejects(() -> Edge.to("ok", "bad id"), ErrorCode.INVALID_ID, "id");
    rejects(() -> Edge.literal("k", new Value.Seq(List.of())), ErrorCode.INVALID_GRAPH, "literal");
  }

  // ---- spatial

  @Test
  void spatialRangesAreChecked() {
    rejects(() -> SpatialFacet.point(91, 0), ErrorCode.INVALID_COORDINATE, "spatial.lat");
    rejects(() -> SpatialFacet.point(0, -180.5), ErrorCode.INVALID_COORDINATE, "spatial.lon");
    rejects(() -> SpatialFacet.point(Double.NaN, 0), ErrorCode.INVALID_COORDINATE, "spatial.lat");
    rejects(() -> SpatialFacet.point(10, 20, Double.POSITIVE_INFINITY), ErrorCode.INVALID_COORDINATE, "spatial.alt");
    assertThatThrownBy(() -> SpatialFacet.point(120, 10)).hasMessageContaining("swapped");
    rejects(() -> new SpatialFacet(1, 2, null, 0, null, null), ErrorCode.INVALID_GEOMETRY, "spatial.srid");
  }

  @Test
  void aPointGeometryMustAgreeWithLatLon() {
    SpatialFacet p = SpatialFacet.ofWkt("POINT (10.3951 63.4305)");
    assertThat(p.lat()).isEqualTo(63.4305);
    assertThat(p.lon()).isEqualTo(10.3951);
    assertThat(p.wkt()).isEqualTo("POINT (10.3951 63.4305)");
    assertThat(SpatialFacet.point(63.4305, 10.3951)).isEqualTo(p);
    rejects(() -> new SpatialFacet(1, 2, null, 4326, p.geometry(), null), ErrorCode.INVALID_COORDINATE, "spatial.lat");
  }
}
