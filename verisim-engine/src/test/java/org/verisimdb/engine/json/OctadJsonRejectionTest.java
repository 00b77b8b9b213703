package org.verisimdb.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.verisimdb.model.error.ErrorCode.INVALID_COORDINATE;
import static org.verisimdb.model.error.ErrorCode.INVALID_DOCUMENT;
import static org.verisimdb.model.error.ErrorCode.INVALID_GEOMETRY;
import static org.verisimdb.model.error.ErrorCode.INVALID_GRAPH;
import static org.verisimdb.model.error.ErrorCode.INVALID_ID;
import static org.verisimdb.model.error.ErrorCode.INVALID_PROVENANCE;
import static org.verisimdb.model.error.ErrorCode.INVALID_SEMANTIC;
import static org.verisimdb.model.error.ErrorCode.INVALID_TEMPORAL;
import static org.verisimdb.model.error.ErrorCode.INVALID_TENSOR;
import static org.verisimdb.model.error.ErrorCode.INVALID_VALUE;
import static org.verisimdb.model.error.ErrorCode.INVALID_VECTOR;
import static org.verisimdb.model.error.ErrorCode.LIMIT_EXCEEDED;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Bad octad JSON fails with a VeriSimException carrying the most specific code and the JSON
 * path of the culprit. Each case starts from the valid JSON of {@link AllModalities} and breaks
 * one thing.
 */
class OctadJsonRejectionTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<Arguments> breakages() {
    return Stream.of(
        // JSON pointer of the member to replace (or add), its new JSON, the expected code and path
        arguments("/id", "42", INVALID_VALUE, "id"),
        arguments("/id", "\"sensor 7\"", INVALID_ID, "id"),
        arguments("/graph/edges", "[]", INVALID_GRAPH, "graph.edges"),
        arguments("/graph/edges/0/predicate", "\"part of\"", INVALID_GRAPH, "graph.edges[0].predicate"),
        arguments("/graph/edges/0/target", "\"lab 3\"", INVALID_ID, "graph.edges[0].target"),
        arguments("/graph/edges/0", "{\"predicate\": \"P\"}", INVALID_VALUE, "graph.edges[0].target"),
        arguments("/graph/edges/0", "{\"predicate\": \"P\", \"target\": \"a\", \"literal\": 1}", INVALID_VALUE, "graph.edges[0].literal"),
        arguments("/graph/edges/0", "{\"predicate\": \"P\", \"literal\": {\"@id\": \"a\"}}", INVALID_GRAPH, "graph.edges[0].literal"),
        arguments("/graph/edges/0", "\"CITES lab-3\"", INVALID_VALUE, "graph.edges[0]"),
        arguments("/graph/out_degree", "\"4\"", INVALID_VALUE, "graph.out_degree"),
        arguments("/vector/model", "5", INVALID_VALUE, "vector.model"),
        arguments("/vector/model", "\"two\\nlines\"", INVALID_VECTOR, "vector.model"),
        arguments("/vector/embedding/3", "\"0.9\"", INVALID_VALUE, "vector.embedding[3]"),
        arguments("/vector/embedding/1", "1e39", INVALID_VECTOR, "vector.embedding[1]"),
        arguments("/vector/embedding", "[]", INVALID_VECTOR, "vector.embedding"),
        arguments("/vector/norm", "null", INVALID_VALUE, "vector.norm"),
        arguments("/vector/dimension", "4.5", INVALID_VALUE, "vector.dimension"),
        arguments("/tensor/shape", "[2, 2]", INVALID_TENSOR, "tensor.data"),
        arguments("/tensor/shape/0", "-1", INVALID_TENSOR, "tensor.shape[0]"),
        arguments("/tensor/shape", "[4096, 4096]", LIMIT_EXCEEDED, "tensor.shape"),
        arguments("/tensor/dtype", "\"float16\"", INVALID_TENSOR, "tensor.dtype"),
        arguments("/tensor/data/2", "2.5", INVALID_VALUE, "tensor.data[2]"),
        arguments("/tensor/data/2", "3000000000", INVALID_TENSOR, "tensor.data[2]"),
        arguments("/tensor/data/5", "true", INVALID_VALUE, "tensor.data[5]"),
        arguments("/tensor/rank", "\"2\"", INVALID_VALUE, "tensor.rank"),
        arguments("/tensor/mean", "true", INVALID_VALUE, "tensor.mean"),
        arguments("/semantic/types", "\"Sensor\"", INVALID_VALUE, "semantic.types"),
        arguments("/semantic/types/0", "\"has space\"", INVALID_SEMANTIC, "semantic.types[0]"),
        arguments("/semantic/properties/bad name", "1", INVALID_SEMANTIC, "semantic.properties"),
        arguments("/semantic/properties/owner", "null", INVALID_VALUE, "semantic.properties.owner"),
        arguments("/semantic/properties/name", "{\"@value\": \"x\", \"@language\": \"not a tag\"}", INVALID_VALUE, "semantic.properties.name"),
        arguments("/semantic/properties/name", "{\"@value\": \"x\"}", INVALID_VALUE, "semantic.properties.name"),
        arguments("/semantic/properties/name", "{\"@value\": 1, \"@type\": \"xsd:int\"}", INVALID_VALUE, "semantic.properties.name.@value"),
        arguments("/semantic/properties/operator", "{\"@id\": \"a b\"}", INVALID_ID, "semantic.properties.operator.@id"),
        arguments("/semantic/proofs/0/type", "\"EXISTANCE\"", INVALID_SEMANTIC, "semantic.proofs[0].type"),
        arguments("/semantic/proofs/0/issuer", "null", INVALID_VALUE, "semantic.proofs[0].issuer"),
        arguments("/semantic/proofs/0/issued_at", "\"yesterday\"", INVALID_SEMANTIC, "semantic.proofs[0].issued_at"),
        arguments("/semantic/proofs/0/subject_hash", "\"ABC\"", INVALID_SEMANTIC, "semantic.proofs[0].subject_hash"),
        arguments("/semantic/proofs/0/data", "\"o/F2AQ\"", INVALID_VALUE, "semantic.proofs[0].data"),
        arguments("/semantic/proofs/0/data", "\"oWF2AQ==\"", INVALID_VALUE, "semantic.proofs[0].data"),
        arguments("/semantic/proofs/0/data", "\"oWF2\"", INVALID_SEMANTIC, "semantic.proofs[0].data"),
        arguments("/semantic/seals/0/level", "\"ultra\"", INVALID_SEMANTIC, "semantic.seals[0].level"),
        arguments("/semantic/seals/0/signature", "\"\"", INVALID_SEMANTIC, "semantic.seals[0].signature"),
        arguments("/semantic/seals/0/content_hash", "null", INVALID_VALUE, "semantic.seals[0].content_hash"),
        arguments("/document", "{}", INVALID_DOCUMENT, "document"),
        arguments("/document", "[]", INVALID_VALUE, "document"),
        arguments("/document/title", "7", INVALID_DOCUMENT, "document.title"),
        arguments("/document/tags", "[\"a\"]", INVALID_DOCUMENT, "document.tags"),
        arguments("/document/note", "\"bell \\u0007\"", INVALID_VALUE, "document.note"),
        arguments("/document/huge", "12345678901234567890123", INVALID_VALUE, "document.huge"),
        arguments("/temporal", "null", INVALID_VALUE, "temporal"),
        arguments("/temporal/version", "9223372036854775808", INVALID_VALUE, "temporal.version"),
        arguments("/temporal/version", "3", INVALID_TEMPORAL, "temporal.versions"),
        arguments("/temporal/version_count", "0", INVALID_TEMPORAL, "temporal.version_count"),
        arguments("/temporal/created_at", "\"2026-13-01T00:00:00Z\"", INVALID_TEMPORAL, "temporal.created_at"),
        arguments("/temporal/modified_at", "\"2026-02-01T00:00:00Z\"", INVALID_TEMPORAL, "temporal.modified_at"),
        arguments("/temporal/modified_by/0", "1", INVALID_VALUE, "temporal.modified_by[0]"),
        arguments("/temporal/versions/1/version_hash", "\"xyz\"", INVALID_TEMPORAL, "temporal.versions[1].version_hash"),
        arguments("/temporal/versions/0/label", "\"two\\nlines\"", INVALID_TEMPORAL, "temporal.versions[0].label"),
        arguments("/temporal/versions/0/version", "0", INVALID_TEMPORAL, "temporal.versions[0].version"),
        arguments("/temporal/versions/0/modality_hashes/temporal", "\"" + "0".repeat(64) + "\"", INVALID_TEMPORAL,
            "temporal.versions[0].modality_hashes"),
        arguments("/temporal/versions/0/modality_hashes/graph", "\"not a hash\"", INVALID_TEMPORAL, "temporal.versions[0].modality_hashes"),
        arguments("/provenance/records", "[]", INVALID_PROVENANCE, "provenance.records"),
        arguments("/provenance/records/1/event_type", "\"Imported\"", INVALID_PROVENANCE, "provenance.records[1].event_type"),
        arguments("/provenance/records/1/parent_hash", "null", INVALID_VALUE, "provenance.records[1].parent_hash"),
        arguments("/provenance/records/1/timestamp", "\"10000-01-01T00:00:00Z\"", INVALID_PROVENANCE, "provenance.records[1].timestamp"),
        arguments("/provenance/chain_valid", "\"yes\"", INVALID_VALUE, "provenance.chain_valid"),
        arguments("/provenance/origin", "7", INVALID_VALUE, "provenance.origin"),
        arguments("/spatial/lat", "95", INVALID_COORDINATE, "spatial.lat"),
        arguments("/spatial/lon", "-181", INVALID_COORDINATE, "spatial.lon"),
        arguments("/spatial/lat", "63.5", INVALID_COORDINATE, "spatial.lat"),
        arguments("/spatial/wkt", "\"POINT (10.3951)\"", INVALID_GEOMETRY, "spatial.wkt"),
        arguments("/spatial/srid", "0", INVALID_GEOMETRY, "spatial.srid"),
        arguments("/spatial/srid", "\"4326\"", INVALID_VALUE, "spatial.srid"),
        arguments("/spatial/geometry_type", "1", INVALID_VALUE, "spatial.geometry_type"));
  }

  @ParameterizedTest(name = "{0} = {1} -> {2} at {3}")
  @MethodSource("breakages")
  void brokenMemberIsRejectedAtItsPath(String pointer, String replacement, ErrorCode code, String field) throws Exception {
    ObjectNode json = valid();
    replace(json, pointer, MAPPER.readTree(replacement));
    VeriSimException e = rejected(json);
    assertThat(e.code()).as(e.toString()).isEqualTo(code);
    assertThat(e.field()).as(e.toString()).isEqualTo(field);
  }

  @ParameterizedTest(name = "without {0}")
  @MethodSource("requiredMembers")
  void missingMemberIsRejectedAtItsPath(String pointer, String field) throws Exception {
    ObjectNode json = valid();
    JsonNode parent = json.at(pointer.substring(0, pointer.lastIndexOf('/')));
    ((ObjectNode) parent).remove(pointer.substring(pointer.lastIndexOf('/') + 1));
    VeriSimException e = rejected(json);
    assertThat(e.code()).as(e.toString()).isEqualTo(INVALID_VALUE);
    assertThat(e.field()).as(e.toString()).isEqualTo(field);
    assertThat(e.getMessage()).contains("has no member");
  }

  static Stream<Arguments> requiredMembers() {
    return Stream.of(
        arguments("/id", "id"),
        arguments("/temporal", "temporal"),
        arguments("/vector/model", "vector.model"),
        arguments("/tensor/data", "tensor.data"),
        arguments("/semantic/seals", "semantic.seals"),
        arguments("/semantic/proofs/0/claim", "semantic.proofs[0].claim"),
        arguments("/spatial/alt", "spatial.alt"),
        arguments("/temporal/version_count", "temporal.version_count"),
        arguments("/temporal/versions/0/parent_hash", "temporal.versions[0].parent_hash"),
        arguments("/provenance/records/0/source", "provenance.records[0].source"));
  }

  @Test
  void unknownMembersAreRejectedWithAHint() throws Exception {
    assertUnknown("/vector/embedings", "vector.embedings", "did you mean embedding?");
    assertUnknown("/vectr", "vectr", "did you mean vector?");
    assertUnknown("/temporal/versions/0/versionhash", "temporal.versions[0].versionhash", "did you mean version_hash?");
    assertUnknown("/temporal/versions/0/modality_hashes/vectr", "temporal.versions[0].modality_hashes.vectr", "did you mean vector?");
    assertUnknown("/semantic/proofs/0/keyid", "semantic.proofs[0].keyid", "did you mean key_id?");
    assertUnknown("/provenance/records/0/actr", "provenance.records[0].actr", "did you mean actor?");
    assertUnknown("/spatial/latitude", "spatial.latitude", "(members: lat, lon, alt, srid, wkt, properties, geometry_type)");

    ObjectNode json = valid();
    replace(json, "/semantic/properties/name", MAPPER.readTree("{\"@value\": \"x\", \"@langauge\": \"en\"}"));
    VeriSimException e = rejected(json);
    assertThat(e.field()).isEqualTo("semantic.properties.name.@langauge");
    assertThat(e.getMessage()).contains("did you mean @language?");
  }

  @Test
  void aDocumentMayHoldAnyFieldName() throws Exception {
    ObjectNode json = valid();
    replace(json, "/document/embedings", MAPPER.readTree("1"));
    assertThat(OctadJson.read(json).document().orElseThrow().field("embedings")).isNotNull();
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    VeriSimException e = rejectedText("{\"id\": \"a\",\n  \"temporal\": {]");
    assertThat(e.code()).isEqualTo(INVALID_VALUE);
    assertThat(e.field()).isNull();
    assertThat(e.getMessage()).startsWith("malformed octad JSON at line 2, column 16: ").doesNotContain("REDACTED");
    assertThat(e.getCause()).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void textThatIsNotOneJsonObjectIsRejected() {
    for (String text : new String[] {"", "  ", "null", "[1]", "\"octad\"", "{} {}", "{\"id\": NaN}", "{\"id\": 'a'}", "{\"id\": 01}"}) {
      VeriSimException e = rejectedText(text);
      assertThat(e.code()).as(text).isEqualTo(INVALID_VALUE);
      assertThat(e.field()).as(text).isNull();
    }
    assertThat(rejectedText(null).code()).isEqualTo(INVALID_VALUE);
    assertThat(rejectedText("[1]").getMessage()).isEqualTo("an octad must be a JSON object, got an array");
    assertThat(rejectedText("{}\n {}").getMessage())
        .isEqualTo("malformed octad JSON at line 2, column 2: more JSON follows the octad object; give exactly one object");
  }

  @Test
  void duplicateMembersAreRejected() {
    VeriSimException e = rejectedText("{\"id\": \"a\", \"id\": \"b\", \"temporal\": {}}");
    assertThat(e.code()).isEqualTo(INVALID_VALUE);
    assertThat(e.getMessage()).contains("line 1, column").contains("Duplicate field 'id'");
  }

  @Test
  void integersBeyondTheLongRangeAreRejected() {
    String json = OctadJson.toJson(AllModalities.octad());
    VeriSimException e = rejectedText(json.replace("\"sensors\":3", "\"sensors\":99999999999999999999"));
    assertThat(e.code()).isEqualTo(INVALID_VALUE);
    assertThat(e.field()).isEqualTo("document.sensors");
    assertThat(e.getMessage()).contains("outside the 64-bit range").endsWith("write it with an exponent: 1.0e20");
    // 2^63 is a double, but canonical JSON spells it 9223372036854776000; only that spelling is one.
    e = rejectedText(json.replace("\"sensors\":3", "\"sensors\":9223372036854775808"));
    assertThat(e.field()).isEqualTo("document.sensors");
    e = rejectedText(json.replace("\"data\":[1,2,3,4,5,6]", "\"data\":[1,2,3,4,5,-9223372036854775809]"));
    assertThat(e.code()).isEqualTo(INVALID_VALUE);
    assertThat(e.field()).isEqualTo("tensor.data[5]");
  }

  @Test
  void numbersBeyondTheDoubleRangeAreRejected() {
    String json = OctadJson.toJson(AllModalities.octad());
    VeriSimException e = rejectedText(json.replace("\"embedding\":[0.5,", "\"embedding\":[1e400,"));
    assertThat(e.code()).isEqualTo(INVALID_VALUE);
    assertThat(e.field()).isEqualTo("vector.embedding[0]");
    e = rejectedText(json.replace("\"depth_m\":3.25", "\"depth_m\":-1e999"));
    assertThat(e.field()).isEqualTo("semantic.properties.depth_m");
  }

  @Test
  void collectionsNestedTooDeeplyAreRejected() throws Exception {
    ObjectNode json = valid();
    replace(json, "/semantic/properties/tags", MAPPER.readTree("[".repeat(17) + "]".repeat(17)));
    VeriSimException e = rejected(json);
    assertThat(e.code()).isEqualTo(LIMIT_EXCEEDED);
    assertThat(e.field()).startsWith("semantic.properties.tags[0]");
  }

  private static void assertUnknown(String pointer, String field, String hint) throws Exception {
    ObjectNode json = valid();
    replace(json, pointer, MAPPER.readTree("\"0000000000000000000000000000000000000000000000000000000000000000\""));
    VeriSimException e = rejected(json);
    assertThat(e.code()).as(e.toString()).isEqualTo(INVALID_VALUE);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).startsWith("unknown member").contains(hint);
  }

  static ObjectNode valid() throws JsonProcessingException {
    return (ObjectNode) MAPPER.readTree(OctadJson.toJson(AllModalities.octad()));
  }

  /** Sets the member or array element at {@code pointer}, adding an object member if absent. */
  static void replace(ObjectNode json, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = slash == 0 ? json : json.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
  }

  /** Reads the tree and its text; both must fail the same way. */
  private static VeriSimException rejected(JsonNode json) {
    VeriSimException fromTree = thrown(() -> OctadJson.read(json));
    VeriSimException fromText = thrown(() -> OctadJson.read(json.toString()));
    assertThat(fromText.code()).isEqualTo(fromTree.code());
    assertThat(fromText.field()).isEqualTo(fromTree.field());
    return fromTree;
  }

  private static VeriSimException rejectedText(String text) {
    return thrown(() -> OctadJson.read(text));
  }

  private static VeriSimException thrown(ThrowingCallable read) {
    Throwable t = catchThrowable(read);
    assertThat(t).as("expected a VeriSimException").isInstanceOf(VeriSimException.class);
    return (VeriSimException) t;
  }
}
