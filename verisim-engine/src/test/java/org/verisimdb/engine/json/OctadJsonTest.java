package org.verisimdb.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.model.value.Value;

/** What the JSON form keeps, what it recomputes, and the two distinctions it cannot carry. */
class OctadJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void onlyIdAndPresentModalitiesAreWritten() {
    Octad octad = octad(Map.of());
    assertThat(OctadJson.toJson(octad)).isEqualTo("{\"id\":\"bare-1\",\"temporal\":{\"created_at\":\"2026-03-01T12:00:00Z\","
        + "\"label\":null,\"message\":null,\"modified_at\":\"2026-03-01T12:00:00Z\",\"modified_by\":[\"local\"],\"valid_from\":null,"
        + "\"version\":1,\"version_count\":1,\"versions\":[]}}");
    assertThat(OctadJson.read(OctadJson.toJson(octad))).isEqualTo(octad);
  }

  @Test
  void integralRealsReadBackAsIntegersAndHashAlike() {
    DocumentFacet document = new DocumentFacet(new TreeMap<>(Map.of(
        "two", Value.of(2.0), "minus_zero", Value.of(-0.0), "half", Value.of(0.5), "two_63", Value.of(0x1p63), "e20", Value.of(1e20))));
    String json = OctadJson.toJson(octad(Map.of(Modality.DOCUMENT, document)));
    assertThat(json).contains("\"document\":{\"e20\":100000000000000000000,\"half\":0.5,\"minus_zero\":0,"
        + "\"two\":2,\"two_63\":9223372036854776000}");
    DocumentFacet read = OctadJson.read(json).document().orElseThrow();
    assertThat(read.field("two")).isEqualTo(Value.of(2));
    assertThat(read.field("minus_zero")).isEqualTo(Value.of(0));
    assertThat(read.field("half")).isEqualTo(Value.of(0.5));
    // Beyond the long range canonical JSON still writes digits; those digits read back as the double.
    assertThat(read.field("two_63")).isEqualTo(Value.of(0x1p63));
    assertThat(read.field("e20")).isEqualTo(Value.of(1e20));
    assertThat(ContentHash.of(read)).isEqualTo(ContentHash.of(document));
  }

  @Test
  void float32ElementsAreExactAndNegativeZeroBecomesZero() {
    float[] floats = {0.1f, -0.37f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-20f, 16_777_217f, 3f};
    VectorFacet vector = new VectorFacet(floats, null);
    String json = OctadJson.toJson(octad(Map.of(Modality.VECTOR, vector)));
    assertThat(json).contains("\"embedding\":[0.10000000149011612,-0.3700000047683716,1.401298464324817e-45,");
    assertThat(OctadJson.read(json).vector()).contains(vector);

    VectorFacet negativeZero = new VectorFacet(new float[] {-0.0f, 1f}, null);
    VectorFacet read = OctadJson.read(OctadJson.toJson(octad(Map.of(Modality.VECTOR, negativeZero)))).vector().orElseThrow();
    assertThat(read.get(0)).isEqualTo(0.0f);
    assertThat(Float.floatToRawIntBits(read.get(0))).isZero();
    assertThat(ContentHash.of(read)).isEqualTo(ContentHash.of(negativeZero));
  }

  @Test
  void tensorsOfEveryDtypeRoundTrip() {
    List<TensorFacet> tensors = List.of(
        TensorFacet.ofLongs(new int[] {3}, new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 1}),
        TensorFacet.ofInts(new int[] {2, 1}, new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}),
        TensorFacet.ofBooleans(new int[] {2, 2}, new boolean[] {true, false, false, true}),
        TensorFacet.ofDoubles(new int[] {}, new double[] {Math.PI}),
        TensorFacet.ofFloats(new int[] {0, 3}, new float[] {}),
        TensorFacet.ofDoubles(new int[] {3}, new double[] {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MIN_VALUE}));
    for (TensorFacet tensor : tensors) {
      Octad octad = octad(Map.of(Modality.TENSOR, tensor));
      assertThat(OctadJson.read(OctadJson.toJson(octad))).as(tensor.toString()).isEqualTo(octad);
    }
    assertThat(tensorJson(tensors.get(0))).contains("\"data\":[-9223372036854775808,9223372036854775807,1],\"dtype\":\"int64\"");
    assertThat(tensorJson(tensors.get(2))).contains("\"data\":[true,false,false,true],\"dtype\":\"bool\",\"max\":1,\"mean\":0.5,\"min\":0,"
        + "\"rank\":2,\"shape\":[2,2],\"size\":4,\"std\":0.5}");
    assertThat(tensorJson(tensors.get(3))).contains("\"rank\":0,\"shape\":[],\"size\":1");
    assertThat(tensorJson(tensors.get(4))).contains("\"data\":[],\"dtype\":\"float32\",\"max\":null,\"mean\":null,\"min\":null,"
        + "\"rank\":2,\"shape\":[0,3],\"size\":0,\"std\":null}");
    // Huge elements must not overflow the statistics into a value JSON cannot hold.
    assertThat(tensorJson(tensors.get(5))).contains("\"mean\":1.1984620899082105e+308");
  }

  @Test
  void largeTensorsAreStreamedAndRoundTrip() {
    Random random = new Random(42);
    double[] values = new double[1 << 20];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian();
    }
    Octad octad = octad(Map.of(Modality.TENSOR, TensorFacet.ofDoubles(new int[] {1024, 1024}, values)));
    assertThat(OctadJson.read(OctadJson.toJson(octad))).isEqualTo(octad);
  }

  @Test
  void nonPointGeometriesRoundTrip() {
    SpatialFacet polygon = SpatialFacet.ofWkt("POLYGON ((10 60, 11 60, 11 61, 10 61, 10 60), (10.2 60.2, 10.4 60.2, 10.4 60.4, 10.2 60.2))")
        .withAlt(-3.5);
    Octad octad = octad(Map.of(Modality.SPATIAL, polygon));
    String json = OctadJson.toJson(octad);
    assertThat(json).contains("\"geometry_type\":\"Polygon\"");
    assertThat(OctadJson.read(json)).isEqualTo(octad);
  }

  @Test
  void derivedMembersAreRecomputedNotTrusted() throws Exception {
    ObjectNode json = OctadJsonRejectionTest.valid();
    String[][] lies = {
        {"/graph/out_degree", "0"}, {"/graph/in_degree", "5"}, {"/vector/dimension", "99"}, {"/vector/norm", "-1"},
        {"/tensor/rank", "7"}, {"/tensor/size", "0"}, {"/tensor/mean", "null"}, {"/tensor/std", "1e300"}, {"/tensor/min", "-5"},
        {"/tensor/max", "null"}, {"/provenance/chain_length", "1"}, {"/provenance/chain_valid", "false"},
        {"/provenance/head_hash", "\"not a hash\""}, {"/provenance/origin", "null"}, {"/spatial/geometry_type", "\"Polygon\""}};
    for (String[] lie : lies) {
      OctadJsonRejectionTest.replace(json, lie[0], MAPPER.readTree(lie[1]));
    }
    Octad read = OctadJson.read(json);
    assertThat(read).isEqualTo(AllModalities.octad());
    assertThat(OctadJson.toJson(read)).isEqualTo(OctadJson.toJson(AllModalities.octad()));
  }

  @Test
  void aNullModalityIsAnAbsentOne() throws Exception {
    ObjectNode json = OctadJsonRejectionTest.valid();
    json.putNull("graph");
    json.putNull("vector");
    Octad read = OctadJson.read(json);
    assertThat(read.has(Modality.GRAPH)).isFalse();
    assertThat(read.has(Modality.VECTOR)).isFalse();
    assertThat(read.has(Modality.TENSOR)).isTrue();
  }

  @Test
  void aTamperedProvenanceRecordKeepsItsStoredHash() throws Exception {
    ObjectNode json = OctadJsonRejectionTest.valid();
    String storedHash = json.at("/provenance/records/1/content_hash").textValue();
    OctadJsonRejectionTest.replace(json, "/provenance/records/1/description", MAPPER.readTree("\"batch 8, not 7\""));
    Octad read = OctadJson.read(json);
    ProvenanceFacet chain = read.provenance().orElseThrow();
    assertThat(chain.records().get(1).description()).isEqualTo("batch 8, not 7");
    assertThat(chain.records().get(1).contentHash()).isEqualTo(storedHash);
    ProvenanceFacet.Verification verification = chain.verify();
    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBroken()).isEqualTo(1);
    assertThat(OctadJson.toJson(read)).contains("\"chain_valid\":false");
  }

  @Test
  void aTamperedVersionRecordKeepsItsStoredHash() throws Exception {
    ObjectNode json = OctadJsonRejectionTest.valid();
    OctadJsonRejectionTest.replace(json, "/temporal/versions/1/actor", MAPPER.readTree("\"mallory\""));
    VersionRecord v1 = OctadJson.read(json).temporal().versions().get(1);
    assertThat(v1.actor()).isEqualTo("mallory");
    assertThat(v1.versionHash()).isEqualTo(AllModalities.octad().temporal().versions().get(1).versionHash());
    assertThat(v1.recomputeHash()).isNotEqualTo(v1.versionHash());
  }

  @Test
  void timestampsInOtherIsoFormsAreReadAndWrittenCanonically() throws Exception {
    ObjectNode json = OctadJsonRejectionTest.valid();
    OctadJsonRejectionTest.replace(json, "/temporal/created_at", MAPPER.readTree("\"2026-03-01T13:00:00.000+01:00\""));
    assertThat(OctadJson.read(json).createdAt()).isEqualTo(AllModalities.CREATED);
  }

  @Test
  void aFailingWriterIsStorageIo() {
    Writer broken = new Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    VeriSimException e = catchThrowableOfType(VeriSimException.class, () -> OctadJson.write(AllModalities.octad(), broken));
    assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_IO);
    assertThat(e.getMessage()).contains("station-0042").contains("disk full");
  }

  private static String tensorJson(TensorFacet tensor) {
    return OctadJson.toJson(octad(Map.of(Modality.TENSOR, tensor)));
  }

  /** An octad of one version with these facets and a one-record chain. */
  private static Octad octad(Map<Modality, Facet> given) {
    Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
    facets.putAll(given);
    facets.put(Modality.TEMPORAL, new TemporalFacet(1, T, T, null, null, null, 1, new java.util.TreeSet<>(List.of("local")), List.of()));
    if (!given.isEmpty()) {
      facets.put(Modality.PROVENANCE, new ProvenanceFacet(List.of(
          org.verisimdb.model.facet.ProvenanceRecord.create(Sha256.GENESIS, "created", "local", null, null, T))));
    }
    return new Octad(OctadId.of("bare-1"), facets);
  }
}
