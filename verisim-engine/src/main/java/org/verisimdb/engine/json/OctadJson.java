package org.verisimdb.engine.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.hash.CanonicalJson;

/**
 * The JSON form of an octad (VQL §9.3, with every record in full so that export and import lose
 * nothing): an object with the member {@code id} and one member per present modality under its
 * lower-case name. Written as canonical JSON (VQL §7.6), so one octad always gives the same bytes:
 * members sorted, no whitespace, canonical numbers and timestamps, binary data in base64url.
 * (Sorting puts {@code id} among the modalities, not first as in a VQL row.)
 *
 * <pre>{@code
 * {"document":{…},"graph":{"edges":[{"predicate":p,"target":id}|{"predicate":p,"literal":v}],"out_degree":n},
 *  "id":"station-0042","provenance":{"chain_length","chain_valid","head_hash","origin","records":[…]},
 *  "semantic":{"proofs","properties","seals","types"},"spatial":{"alt","geometry_type","lat","lon","properties","srid","wkt"},
 *  "temporal":{"created_at","label","message","modified_at","modified_by","valid_from","version","version_count","versions":[…]},
 *  "tensor":{"data","dtype","max","mean","min","rank","shape","size","std"},
 *  "vector":{"dimension","embedding","model","norm"}}
 * }</pre>
 *
 * <p>Reading accepts exactly this shape, plus two things a VQL row may hold: an absent modality
 * given as {@code null} (VQL §9.2) and the graph's {@code in_degree}. Derived members (degrees, dimension, norm, rank, size,
 * statistics, chain summary, geometry type) are recomputed, so on read they are only
 * type-checked; an unknown member anywhere is INVALID_VALUE with a did-you-mean hint. Facets are
 * rebuilt through the model's constructors, so every model rule holds and a value the model
 * refuses fails with the model's code; version and provenance records keep their stored hashes.
 * Every failure is a {@link VeriSimException} whose field is the JSON path of the culprit
 * ({@code vector.embedding[3]}, {@code temporal.versions[2].version_hash}).
 *
 * <p>Two distinctions of the model have no JSON form, because canonical JSON writes an integral
 * double as an integer and {@code -0.0} as {@code 0}: {@code Value.Real(2.0)} reads back as
 * {@code Value.Int(2)}, and a negative zero as a positive one. Both pairs hash alike (VQL §7.6).
 *
 * <p>Stateless and thread-safe.
 */
public final class OctadJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          // A document body may hold MAX_BODY_LENGTH chars; Jackson's default cap is close to it.
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Limits.MAX_BODY_LENGTH + 1).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .build();
  private static final String REDACTED_SOURCE = "Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";

  private static final Members.Shape OCTAD = new Members.Shape("the octad", List.of("id", "temporal"),
      Arrays.stream(Modality.values()).filter(m -> m != Modality.TEMPORAL).map(Modality::wireName).toList(), Map.of());

  private OctadJson() {}

  /** Writes the canonical JSON of {@code octad}, one object and no trailing newline; I/O failures are STORAGE_IO. */
  public static void write(Octad octad, Writer out) {
    Objects.requireNonNull(octad, "octad");
    Objects.requireNonNull(out, "out");
    try {
      CanonicalJson.write(content(octad), out);
    } catch (UncheckedIOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "writing the JSON of octad '" + octad.id() + "' failed: " + e.getCause().getMessage(),
          e.getCause());
    }
  }

  public static String toJson(Octad octad) {
    StringWriter out = new StringWriter(1024);
    write(octad, out);
    return out.toString();
  }

  /** The object {@link CanonicalJson} writes for {@code octad}. */
  static Map<String, Object> content(Octad octad) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", octad.id().value());
    for (Facet facet : octad.facets().values()) {
      json.put(facet.modality().wireName(), switch (facet) {
        case GraphFacet g -> FacetJson.graph(g);
        case VectorFacet v -> FacetJson.vector(v);
        case TensorFacet t -> TensorJson.tensor(t);
        case SemanticFacet s -> SemanticJson.semantic(s);
        case DocumentFacet d -> FacetJson.document(d);
        case TemporalFacet t -> HistoryJson.temporal(t);
        case ProvenanceFacet p -> HistoryJson.provenance(p);
        case SpatialFacet s -> FacetJson.spatial(s);
      });
    }
    return json;
  }

  /** Parses the JSON text of one octad; malformed JSON is INVALID_VALUE with Jackson's line and column. */
  public static Octad read(String json) {
    if (json == null) {
      throw Nodes.invalid("", "no octad JSON given");
    }
    JsonNode node;
    JsonLocation more = null;
    try (JsonParser parser = MAPPER.createParser(json)) {
      node = MAPPER.readTree(parser);
      if (node != null && parser.nextToken() != null) {
        more = parser.currentTokenLocation();
      }
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException | RuntimeException e) {
      throw new VeriSimException(ErrorCode.INTERNAL, "parsing octad JSON failed unexpectedly: " + e, e);
    }
    if (node == null || node.isMissingNode()) {
      throw Nodes.invalid("", "the octad JSON is empty; expected an object such as {\"id\": …, \"temporal\": {…}}");
    }
    if (more != null) {
      throw Nodes.invalid("", "malformed octad JSON at line " + more.getLineNr() + ", column " + more.getColumnNr()
          + ": more JSON follows the octad object; give exactly one object");
    }
    return read(node);
  }

  /** Reads an octad from a parsed JSON tree. */
  public static Octad read(JsonNode node) {
    if (node == null) {
      throw Nodes.invalid("", "no octad JSON given");
    }
    try {
      return readOctad(node);
    } catch (VeriSimException e) {
      throw e;
    } catch (RuntimeException e) {
      // Every input problem should have been reported above with its path; reaching here is our bug.
      throw new VeriSimException(ErrorCode.INTERNAL, "reading octad JSON failed unexpectedly: " + e, e);
    }
  }

  private static Octad readOctad(JsonNode node) {
    Members octad = Members.read(node, "", OCTAD);
    String idText = octad.string("id");
    OctadId id;
    try {
      id = OctadId.of(idText);
    } catch (VeriSimException e) {
      throw Nodes.at(e, "id");
    }
    Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
    for (Modality modality : Modality.values()) {
      JsonNode member = node.get(modality.wireName());
      // A VQL row shows an absent modality as null (VQL §9.2); TEMPORAL is never absent.
      if (member != null && !(member.isNull() && modality != Modality.TEMPORAL)) {
        facets.put(modality, readFacet(modality, member));
      }
    }
    return new Octad(id, facets);
  }

  private static Facet readFacet(Modality modality, JsonNode node) {
    return switch (modality) {
      case GRAPH -> FacetJson.readGraph(node);
      case VECTOR -> FacetJson.readVector(node);
      case TENSOR -> TensorJson.readTensor(node);
      case SEMANTIC -> SemanticJson.readSemantic(node);
      case DOCUMENT -> FacetJson.readDocument(node);
      case TEMPORAL -> HistoryJson.readTemporal(node);
      case PROVENANCE -> HistoryJson.readProvenance(node);
      case SPATIAL -> FacetJson.readSpatial(node);
    };
  }

  private static VeriSimException malformed(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    // Jackson names the start of an unclosed object with a note that the source is not shown; drop the note.
    String message = e.getOriginalMessage().replace(REDACTED_SOURCE, "");
    return new VeriSimException(ErrorCode.INVALID_VALUE, null, "malformed octad JSON" + where + ": " + message, e);
  }
}
