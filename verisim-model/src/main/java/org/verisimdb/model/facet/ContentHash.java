package org.verisimdb.model.facet;

import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.hash.CanonicalJson;
import org.verisimdb.model.hash.Sha256;

/**
 * Modality hashes and content hashes (VQL §7.6). A modality hash is {@code H(content)}, the hex
 * SHA-256 of the canonical JSON of:
 * <ul>
 *   <li>GRAPH {@code {"edges":[{"predicate":p,"target":id} or {"predicate":p,"literal":v},…]}} in edge order;
 *   <li>VECTOR {@code {"embedding":[…],"model":m}};
 *   <li>TENSOR {@code {"data":[…],"dtype":"float32"|…,"shape":[…]}}, bool elements as true/false;
 *   <li>SEMANTIC {@code {"properties":{…},"types":[…]}};
 *   <li>DOCUMENT the object of all its fields;
 *   <li>PROVENANCE {@code {"head_hash":h}};
 *   <li>SPATIAL {@code {"alt":a,"lat":y,"lon":x,"properties":{…},"srid":n,"wkt":w}}.
 * </ul>
 * TEMPORAL has no modality hash. The content hash is
 * {@code H({"id":id,"modalities":{name:hash,…}})} over the present modalities except TEMPORAL.
 */
public final class ContentHash {
  private ContentHash() {}

  /** The modality hash of a facet. */
  public static String of(Facet facet) {
    return Sha256.ofCanonicalJson(content(facet));
  }

  /** Modality hashes of every facet except TEMPORAL. */
  public static Map<Modality, String> modalityHashes(Map<Modality, Facet> facets) {
    Map<Modality, String> hashes = new java.util.EnumMap<>(Modality.class);
    facets.forEach((modality, facet) -> {
      if (modality != Modality.TEMPORAL) {
        hashes.put(modality, of(facet));
      }
    });
    return hashes;
  }

  /** The content hash of an octad from its modality hashes. */
  public static String ofOctad(OctadId id, Map<Modality, String> modalityHashes) {
    Map<String, Object> modalities = new LinkedHashMap<>();
    modalityHashes.forEach((m, h) -> {
      if (m != Modality.TEMPORAL) {
        modalities.put(m.wireName(), h);
      }
    });
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id.value());
    json.put("modalities", modalities);
    return Sha256.ofCanonicalJson(json);
  }

  /** The JSON content a modality hash covers. */
  public static Object content(Facet facet) {
    Map<String, Object> json = new LinkedHashMap<>();
    switch (facet) {
      case GraphFacet g -> {
        List<Object> edges = new ArrayList<>(g.edges().size());
        for (Edge edge : g.edges()) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("predicate", edge.predicate());
          switch (edge.target()) {
            case Edge.EdgeTarget.Node n -> e.put("target", n.id().value());
            case Edge.EdgeTarget.Literal l -> e.put("literal", l.value());
          }
          edges.add(e);
        }
        json.put("edges", edges);
      }
      case VectorFacet v -> {
        json.put("embedding", (CanonicalJson.Streamable) out -> {
          out.write('[');
          for (int i = 0; i < v.dimension(); i++) {
            if (i > 0) {
              out.write(',');
            }
            out.write(CanonicalJson.number(v.get(i)));
          }
          out.write(']');
        });
        json.put("model", v.model());
      }
      case TensorFacet t -> {
        List<Object> shape = new ArrayList<>(t.rank());
        for (int i = 0; i < t.rank(); i++) {
          shape.add(t.dimension(i));
        }
        json.put("shape", shape);
        json.put("dtype", t.dtype().wireName());
        json.put("data", (CanonicalJson.Streamable) out -> writeTensorData(t, out));
      }
      case SemanticFacet s -> {
        json.put("types", s.types());
        json.put("properties", s.properties());
      }
      case DocumentFacet d -> json.putAll(d.fields());
      case ProvenanceFacet p -> json.put("head_hash", p.headHash());
      case SpatialFacet s -> {
        json.put("lat", s.lat());
        json.put("lon", s.lon());
        json.put("alt", s.alt());
        json.put("srid", s.srid());
        json.put("wkt", s.wkt());
        json.put("properties", s.properties());
      }
      case TemporalFacet t -> throw new IllegalArgumentException("TEMPORAL has no modality hash");
    }
    return json;
  }

  private static void writeTensorData(TensorFacet t, Writer out) throws java.io.IOException {
    out.write('[');
    for (int i = 0; i < t.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(switch (t.dtype()) {
        case BOOL -> t.longAt(i) == 1 ? "true" : "false";
        case INT32, INT64 -> Long.toString(t.longAt(i));
        case FLOAT32, FLOAT64 -> CanonicalJson.number(t.doubleAt(i));
      });
    }
    out.write(']');
  }
}
