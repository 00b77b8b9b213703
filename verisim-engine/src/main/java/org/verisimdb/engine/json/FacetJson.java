package org.verisimdb.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.geo.Geometry;
import org.verisimdb.model.geo.Position;
import org.verisimdb.model.geo.Wkt;
import org.verisimdb.model.hash.CanonicalJson;
import org.verisimdb.model.value.Value;

/**
 * The JSON form of the GRAPH, VECTOR, DOCUMENT and SPATIAL modalities (VQL §9.3): each facet as
 * the object {@link CanonicalJson} writes, and back. Stateless and thread-safe.
 */
final class FacetJson {
  static final Members.Shape GRAPH = Members.Shape.of("graph", List.of("edges"),
      // in_degree needs the graph index, so it is never written; a VQL row may carry it.
      Map.of("out_degree", Members.Kind.INTEGER, "in_degree", Members.Kind.INTEGER));
  static final Members.Shape EDGE = new Members.Shape("an edge", List.of("predicate"), List.of("target", "literal"), Map.of());
  static final Members.Shape VECTOR = Members.Shape.of("vector", List.of("embedding", "model"),
      Map.of("dimension", Members.Kind.INTEGER, "norm", Members.Kind.NUMBER));
  static final Members.Shape SPATIAL = Members.Shape.of("spatial", List.of("lat", "lon", "alt", "srid", "wkt", "properties"),
      Map.of("geometry_type", Members.Kind.STRING));

  private FacetJson() {}

  // ---- graph

  /** Out-degree counts every outgoing edge, literal ones included: it is the length of {@code edges}. */
  static Map<String, Object> graph(GraphFacet graph) {
    List<Object> edges = new ArrayList<>(graph.edges().size());
    for (Edge edge : graph.edges()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("predicate", edge.predicate());
      switch (edge.target()) {
        case Edge.EdgeTarget.Node(OctadId id) -> json.put("target", id.value());
        case Edge.EdgeTarget.Literal(Value value) -> json.put("literal", value);
      }
      edges.add(json);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("edges", edges);
    json.put("out_degree", edges.size());
    return json;
  }

  static GraphFacet readGraph(JsonNode node) {
    Members graph = Members.read(node, "graph", GRAPH);
    JsonNode array = graph.array("edges");
    List<Edge> edges = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      edges.add(readEdge(array.get(i), Nodes.element(graph.path("edges"), i)));
    }
    return new GraphFacet(edges);
  }

  private static Edge readEdge(JsonNode node, String path) {
    Members edge = Members.read(node, path, EDGE);
    String predicate = edge.string("predicate");
    boolean toOctad = edge.has("target");
    if (toOctad == edge.has("literal")) {
      throw Nodes.invalid(edge.path(toOctad ? "literal" : "target"), toOctad
          ? "an edge has a target or a literal, not both"
          : "an edge needs a member 'target' (an octad id) or 'literal' (a value)");
    }
    Edge.EdgeTarget target = toOctad ? octadTarget(edge) : literalTarget(edge);
    return Nodes.build(path, () -> new Edge(predicate, target));
  }

  // The model names an id error "id" and a literal error "literal"; both belong at the member's own path.
  private static Edge.EdgeTarget octadTarget(Members edge) {
    String id = edge.string("target");
    try {
      return new Edge.EdgeTarget.Node(OctadId.of(id));
    } catch (VeriSimException e) {
      throw Nodes.at(e, edge.path("target"));
    }
  }

  private static Edge.EdgeTarget literalTarget(Members edge) {
    Value value = ValueJson.read(edge.get("literal"), edge.path("literal"));
    try {
      return new Edge.EdgeTarget.Literal(value);
    } catch (VeriSimException e) {
      throw Nodes.at(e, edge.path("literal"));
    }
  }

  // ---- vector

  static Map<String, Object> vector(VectorFacet vector) {
    Map<String, Object> json = new LinkedHashMap<>();
    // Each float32 is written as the double it widens to, which reads back to the same float.
    json.put("embedding", (CanonicalJson.Streamable) out -> {
      out.write('[');
      for (int i = 0; i < vector.dimension(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(CanonicalJson.number(vector.get(i)));
      }
      out.write(']');
    });
    json.put("model", vector.model());
    json.put("dimension", vector.dimension());
    json.put("norm", vector.norm());
    return json;
  }

  static VectorFacet readVector(JsonNode node) {
    Members vector = Members.read(node, "vector", VECTOR);
    JsonNode array = vector.array("embedding");
    double[] elements = new double[array.size()];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = Nodes.number(array.get(i), Nodes.element(vector.path("embedding"), i));
    }
    return VectorFacet.of(elements, vector.stringOrNull("model"));
  }

  // ---- document

  static Map<String, Value> document(DocumentFacet document) {
    return document.fields();
  }

  static DocumentFacet readDocument(JsonNode node) {
    return new DocumentFacet(ValueJson.readObject(node, "document"));
  }

  // ---- spatial

  static Map<String, Object> spatial(SpatialFacet spatial) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("lat", spatial.lat());
    json.put("lon", spatial.lon());
    json.put("alt", spatial.alt());
    json.put("srid", spatial.srid());
    json.put("geometry_type", spatial.geometryType().displayName());
    json.put("wkt", spatial.wkt());
    json.put("properties", spatial.properties());
    return json;
  }

  static SpatialFacet readSpatial(JsonNode node) {
    Members spatial = Members.read(node, "spatial", SPATIAL);
    // Coordinates are checked before the WKT so a bad latitude is reported at spatial.lat.
    double lat = Position.requireLatitude(spatial.number("lat"), spatial.path("lat"));
    double lon = Position.requireLongitude(spatial.number("lon"), spatial.path("lon"));
    Double alt = spatial.numberOrNull("alt");
    long srid = spatial.integer("srid");
    if (srid > Integer.MAX_VALUE || srid < Integer.MIN_VALUE) {
      throw VeriSimException.invalid(ErrorCode.INVALID_GEOMETRY, spatial.path("srid"),
          "spatial reference id " + srid + " is too large; use a positive 32-bit integer (WGS 84 is 4326)");
    }
    String wkt = spatial.string("wkt");
    Geometry geometry;
    try {
      geometry = Wkt.parse(wkt);
    } catch (VeriSimException e) {
      throw Nodes.nest(e, "spatial");
    }
    return new SpatialFacet(lat, lon, alt, (int) srid, geometry, ValueJson.readObject(spatial.get("properties"), spatial.path("properties")));
  }
}
