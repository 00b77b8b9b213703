package org.verisimdb.engine.query.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.ProofType;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.StoredProof;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.model.write.ProvenanceEvent;
import org.verisimdb.model.write.TemporalInput;

/**
 * The modality data of one version in fixture.json, as facets:
 *
 * <ul>
 *   <li>{@code document}: an object of string, number and boolean fields;
 *   <li>{@code vector}: an array of numbers, or {@code {"embedding": [...], "model": "m"}};
 *   <li>{@code graph}: an array of {@code [predicate, target]} pairs;
 *   <li>{@code tensor}: {@code {"shape", "dtype", "data"}}, or instead of data
 *       {@code "wave": {"mean": m, "amplitude": a}}, element i being m + a·((i mod 7) − 3)/3
 *       (population std ≈ 0.667·a), for tensors too large to write out;
 *   <li>{@code semantic}: {@code {"types", "properties", "proofs"}}, each proof
 *       {@code {"type", "claim", "issuer", "key_id", "issued_at"}} with CBOR data {@code {}} and no subject hash;
 *   <li>{@code spatial}: {@code {"lat", "lon"}} or {@code {"wkt"}};
 *   <li>{@code provenance}: an array of {@code {"event_type", "actor", "source", "description"}};
 *   <li>{@code label}, {@code message}: of the version.
 * </ul>
 */
final class FixtureFacets {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] EMPTY_CBOR_MAP = {(byte) 0xA0};

  private FixtureFacets() {}

  /** Each modality the version gives, in a fixed order. */
  static void facets(JsonNode version, Consumer<Facet> out) {
    if (version.has("document")) {
      out.accept(DocumentFacet.of(plainObject(version.get("document"))));
    }
    if (version.has("vector")) {
      JsonNode v = version.get("vector");
      JsonNode embedding = v.isArray() ? v : v.get("embedding");
      String model = v.isArray() || !v.has("model") ? null : v.get("model").asText();
      out.accept(VectorFacet.of(doubles(embedding), model));
    }
    if (version.has("graph")) {
      List<Edge> edges = new ArrayList<>();
      version.get("graph").forEach(e -> edges.add(Edge.to(e.get(0).asText(), e.get(1).asText())));
      out.accept(GraphFacet.of(edges.toArray(Edge[]::new)));
    }
    if (version.has("tensor")) {
      out.accept(tensor(version.get("tensor")));
    }
    if (version.has("semantic")) {
      out.accept(semantic(version.get("semantic")));
    }
    if (version.has("spatial")) {
      JsonNode s = version.get("spatial");
      out.accept(s.has("wkt") ? SpatialFacet.ofWkt(s.get("wkt").asText()) : SpatialFacet.point(s.get("lat").asDouble(), s.get("lon").asDouble()));
    }
  }

  /** The label and message of the version, or null. */
  static TemporalInput temporal(JsonNode version) {
    String label = text(version, "label");
    String message = text(version, "message");
    return label == null && message == null ? null : new TemporalInput(null, label, message);
  }

  static List<ProvenanceEvent> provenance(JsonNode version) {
    List<ProvenanceEvent> events = new ArrayList<>();
    if (version.has("provenance")) {
      for (JsonNode e : version.get("provenance")) {
        events.add(new ProvenanceEvent(e.get("event_type").asText(), text(e, "actor"), text(e, "source"), text(e, "description")));
      }
    }
    return events;
  }

  private static TensorFacet tensor(JsonNode t) {
    int[] shape = new int[t.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = t.get("shape").get(i).asInt();
    }
    int size = (int) TensorFacet.elementCount(shape);
    String dtype = t.get("dtype").asText();
    double[] values = new double[size];
    if (t.has("data")) {
      values = doubles(t.get("data"));
    } else {
      double mean = t.get("wave").get("mean").asDouble();
      double amplitude = t.get("wave").get("amplitude").asDouble();
      for (int i = 0; i < size; i++) {
        values[i] = mean + amplitude * ((i % 7) - 3) / 3.0;
      }
    }
    return switch (dtype) {
      case "float32" -> {
        float[] f = new float[size];
        for (int i = 0; i < size; i++) {
          f[i] = (float) values[i];
        }
        yield TensorFacet.ofFloats(shape, f);
      }
      case "int32" -> {
        int[] n = new int[size];
        for (int i = 0; i < size; i++) {
          n[i] = (int) values[i];
        }
        yield TensorFacet.ofInts(shape, n);
      }
      case "float64" -> TensorFacet.ofDoubles(shape, values);
      default -> throw new IllegalArgumentException("fixture tensor dtype " + dtype + " is not one of float32, float64, int32");
    };
  }

  private static SemanticFacet semantic(JsonNode s) {
    List<String> types = new ArrayList<>();
    if (s.has("types")) {
      s.get("types").forEach(t -> types.add(t.asText()));
    }
    Map<String, Value> properties = new LinkedHashMap<>();
    if (s.has("properties")) {
      plainObject(s.get("properties")).forEach((k, v) -> properties.put(k, Value.from(v)));
    }
    List<StoredProof> proofs = new ArrayList<>();
    if (s.has("proofs")) {
      for (JsonNode p : s.get("proofs")) {
        proofs.add(new StoredProof(ProofType.parse(p.get("type").asText(), "type"), text(p, "claim"), p.get("issuer").asText(),
            text(p, "key_id"), Instant.parse(p.get("issued_at").asText()), null, EMPTY_CBOR_MAP));
      }
    }
    return SemanticFacet.of(types, properties).withProofs(proofs);
  }

  private static Map<String, Object> plainObject(JsonNode node) {
    Map<String, Object> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
    return out;
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
