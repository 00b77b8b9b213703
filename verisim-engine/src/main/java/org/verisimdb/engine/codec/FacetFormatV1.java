package org.verisimdb.engine.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.ProofType;
import org.verisimdb.model.facet.Seal;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.StoredProof;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.geo.Geometry;
import org.verisimdb.model.geo.GeometryType;
import org.verisimdb.model.geo.Position;
import org.verisimdb.model.value.Value;

/**
 * Stored form of a user-written modality (graph, vector, tensor, semantic, document, spatial),
 * format 1. Primitive encodings are {@link BinaryWriter}'s: little-endian fixed-width numbers,
 * varint = unsigned LEB128, svarint = zig-zag LEB128, string = varint n + n UTF-8 bytes,
 * bytes = varint n + n bytes, opt X = u8 0 | u8 1 then X, instant = svarint microseconds since
 * 1970-01-01T00:00:00Z, hash = 32 raw bytes.
 * <pre>
 * 0  u8 format = 1
 * 1  u8 modality tag (Modality.tag: 1 graph, 2 vector, 3 tensor, 4 semantic, 5 document, 8 spatial)
 * 2  payload
 *    GRAPH     varint n, then n edges: string predicate, u8 kind (1 octad: string id | 2 literal: value)
 *    VECTOR    varint d, d × f32, opt string model
 *    TENSOR    u8 dtype tag (1 f32, 2 f64, 3 i32, 4 i64, 5 bool), varint rank, rank × varint dimension,
 *              bytes elements (little-endian, row-major)
 *    SEMANTIC  varint n × string type; varint p × (string key, value); varint q × proof; varint s × seal
 *              proof = string type name, opt string claim, string issuer, opt string key id,
 *                      instant issued at, opt hash subject, bytes CBOR data
 *              seal  = string sanctifier, opt string key id, u8 level (1 basic, 2 standard, 3 high),
 *                      hash content, instant sealed at, bytes signature
 *    DOCUMENT  varint n × (string name, value)
 *    SPATIAL   f64 lat, f64 lon, opt f64 alt, varint srid, geometry, varint p × (string key, value)
 *              geometry = u8 type tag (1 point: nothing more, the point is lat/lon | 2 linestring |
 *                4 multipoint: positions | 3 polygon: rings | 5 multipolygon: varint n × rings);
 *                rings = varint n × positions; positions = varint n × (f64 lon, f64 lat)
 * value = u8 tag, then: 1 string | 2 svarint | 3 f64 | 4 u8 0/1 | 5 string text, string language
 *         | 6 string lexical, string datatype IRI | 7 string octad id | 8 varint n × value
 * </pre>
 * Decoding validates through the model's constructors; anything they reject, or any trailing
 * byte, is STORAGE_CORRUPT. TEMPORAL and PROVENANCE are not stored as facets.
 */
public final class FacetFormatV1 {
  static final int FORMAT = 1;

  private FacetFormatV1() {}

  public static byte[] encode(Facet facet) {
    BinaryWriter out = new BinaryWriter(256);
    out.u8(FORMAT).u8(facet.modality().tag());
    switch (facet) {
      case GraphFacet g -> {
        out.varint(g.edges().size());
        for (Edge edge : g.edges()) {
          out.string(edge.predicate());
          switch (edge.target()) {
            case Edge.EdgeTarget.Node n -> out.u8(1).string(n.id().value());
            case Edge.EdgeTarget.Literal l -> writeValue(out.u8(2), l.value());
          }
        }
      }
      case VectorFacet v -> {
        out.varint(v.dimension());
        for (int i = 0; i < v.dimension(); i++) {
          out.f32(v.get(i));
        }
        out.optString(v.model());
      }
      case TensorFacet t -> {
        out.u8(t.dtype().tag()).varint(t.rank());
        for (int i = 0; i < t.rank(); i++) {
          out.varint(t.dimension(i));
        }
        out.bytes(t.data());
      }
      case SemanticFacet s -> writeSemantic(out, s);
      case DocumentFacet d -> {
        out.varint(d.fields().size());
        d.fields().forEach((name, value) -> writeValue(out.string(name), value));
      }
      case SpatialFacet s -> {
        out.f64(s.lat()).f64(s.lon());
        if (s.alt() == null) {
          out.u8(0);
        } else {
          out.u8(1).f64(s.alt());
        }
        out.varint(s.srid());
        writeGeometry(out, s.geometry());
        out.varint(s.properties().size());
        s.properties().forEach((key, value) -> writeValue(out.string(key), value));
      }
      default -> throw new IllegalArgumentException(facet.modality() + " is not stored as a facet");
    }
    return out.toByteArray();
  }

  public static Facet decode(byte[] bytes, String id) {
    BinaryReader in = new BinaryReader(bytes, "facet of octad " + id);
    int format = in.u8();
    if (format != FORMAT) {
      throw in.corrupt("unknown facet format " + format + " (this version reads format " + FORMAT + ")");
    }
    try {
      Modality modality = Modality.ofTag(in.u8());
      Facet facet = switch (modality) {
        case GRAPH -> readGraph(in);
        case VECTOR -> readVector(in);
        case TENSOR -> readTensor(in);
        case SEMANTIC -> readSemantic(in);
        case DOCUMENT -> readDocument(in);
        case SPATIAL -> readSpatial(in);
        case TEMPORAL, PROVENANCE -> throw in.corrupt(modality + " is not stored as a facet");
      };
      in.end();
      return facet;
    } catch (VeriSimException e) {
      if (e.code() == ErrorCode.STORAGE_CORRUPT) {
        throw e;
      }
      throw in.corrupt("the stored data fails validation: " + e.getMessage());
    }
  }

  private static Facet readGraph(BinaryReader in) {
    int n = in.count(Limits.MAX_EDGES, "edge");
    List<Edge> edges = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String predicate = in.string();
      int kind = in.u8();
      edges.add(switch (kind) {
        case 1 -> Edge.to(predicate, OctadId.of(in.string()));
        case 2 -> Edge.literal(predicate, readValue(in));
        default -> throw in.corrupt("edge target kind " + kind);
      });
    }
    return new GraphFacet(edges);
  }

  private static Facet readVector(BinaryReader in) {
    float[] embedding = new float[in.count(Limits.MAX_VECTOR_DIMENSION, "vector element")];
    for (int i = 0; i < embedding.length; i++) {
      embedding[i] = in.f32();
    }
    return new VectorFacet(embedding, in.optString());
  }

  private static Facet readTensor(BinaryReader in) {
    DType dtype = DType.ofTag(in.u8());
    int[] shape = new int[in.count(Limits.MAX_TENSOR_RANK, "tensor dimension")];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = in.count(Limits.MAX_TENSOR_ELEMENTS, "tensor extent");
    }
    return new TensorFacet(dtype, shape, in.bytes());
  }

  private static void writeSemantic(BinaryWriter out, SemanticFacet s) {
    out.varint(s.types().size());
    s.types().forEach(out::string);
    out.varint(s.properties().size());
    s.properties().forEach((key, value) -> writeValue(out.string(key), value));
    out.varint(s.proofs().size());
    for (StoredProof p : s.proofs()) {
      out.string(p.type().name()).optString(p.claim()).string(p.issuer()).optString(p.keyId()).instant(p.issuedAt());
      if (p.subjectHash() == null) {
        out.u8(0);
      } else {
        out.u8(1).hash(p.subjectHash());
      }
      out.bytes(p.data());
    }
    out.varint(s.seals().size());
    for (Seal seal : s.seals()) {
      out.string(seal.sanctifier()).optString(seal.keyId()).u8(seal.level().ordinal() + 1).hash(seal.contentHash()).instant(seal.sealedAt())
          .bytes(seal.signature());
    }
  }

  private static Facet readSemantic(BinaryReader in) {
    int n = in.count(Limits.MAX_TYPES, "type");
    List<String> types = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      types.add(in.string());
    }
    TreeMap<String, Value> properties = readProperties(in);
    int q = in.count(Limits.MAX_PROOFS, "proof");
    List<StoredProof> proofs = new ArrayList<>(q);
    for (int i = 0; i < q; i++) {
      ProofType type = ProofType.parse(in.string(), "type");
      proofs.add(new StoredProof(type, in.optString(), in.string(), in.optString(), in.instant(), in.bool() ? in.hash() : null, in.bytes()));
    }
    int s = in.count(Limits.MAX_PROOFS, "seal");
    List<Seal> seals = new ArrayList<>(s);
    for (int i = 0; i < s; i++) {
      String sanctifier = in.string();
      String keyId = in.optString();
      Seal.Level level = Seal.Level.ofTag(in.u8());
      if (level == null) {
        throw in.corrupt("unknown seal level");
      }
      seals.add(new Seal(sanctifier, keyId, level, in.hash(), in.instant(), in.bytes()));
    }
    return new SemanticFacet(types, properties, proofs, seals);
  }

  private static Facet readDocument(BinaryReader in) {
    return new DocumentFacet(readProperties(in));
  }

  private static Facet readSpatial(BinaryReader in) {
    double lat = in.f64();
    double lon = in.f64();
    Double alt = in.bool() ? in.f64() : null;
    int srid = in.count(Integer.MAX_VALUE, "srid");
    Geometry geometry = readGeometry(in, lat, lon);
    return new SpatialFacet(lat, lon, alt, srid, geometry, readProperties(in));
  }

  private static TreeMap<String, Value> readProperties(BinaryReader in) {
    int n = in.count(Limits.MAX_FIELDS, "field");
    TreeMap<String, Value> map = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      map.put(in.string(), readValue(in));
    }
    return map;
  }

  private static void writeGeometry(BinaryWriter out, Geometry geometry) {
    out.u8(geometry.type().tag());
    switch (geometry) {
      case Geometry.Point p -> { }
      case Geometry.LineString l -> writePositions(out, l.points());
      case Geometry.MultiPoint m -> writePositions(out, m.points());
      case Geometry.Polygon p -> writeRings(out, p);
      case Geometry.MultiPolygon m -> {
        out.varint(m.polygons().size());
        m.polygons().forEach(p -> writeRings(out, p));
      }
    }
  }

  private static Geometry readGeometry(BinaryReader in, double lat, double lon) {
    int tag = in.u8();
    GeometryType type = null;
    for (GeometryType t : GeometryType.values()) {
      if (t.tag() == tag) {
        type = t;
      }
    }
    if (type == null) {
      throw in.corrupt("geometry type tag " + tag);
    }
    return switch (type) {
      case POINT -> new Geometry.Point(new Position(lon, lat));
      case LINESTRING -> new Geometry.LineString(readPositions(in));
      case MULTIPOINT -> new Geometry.MultiPoint(readPositions(in));
      case POLYGON -> readRings(in);
      case MULTIPOLYGON -> {
        int n = in.count(Limits.MAX_GEOMETRY_POSITIONS, "polygon");
        List<Geometry.Polygon> polygons = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          polygons.add(readRings(in));
        }
        yield new Geometry.MultiPolygon(polygons);
      }
    };
  }

  private static void writeRings(BinaryWriter out, Geometry.Polygon polygon) {
    out.varint(polygon.rings().size());
    polygon.rings().forEach(ring -> writePositions(out, ring));
  }

  private static Geometry.Polygon readRings(BinaryReader in) {
    int n = in.count(Limits.MAX_GEOMETRY_POSITIONS, "ring");
    List<List<Position>> rings = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rings.add(readPositions(in));
    }
    return new Geometry.Polygon(rings);
  }

  private static void writePositions(BinaryWriter out, List<Position> positions) {
    out.varint(positions.size());
    for (Position p : positions) {
      out.f64(p.lon()).f64(p.lat());
    }
  }

  private static List<Position> readPositions(BinaryReader in) {
    int n = in.count(Limits.MAX_GEOMETRY_POSITIONS, "position");
    List<Position> positions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double lon = in.f64();
      positions.add(new Position(lon, in.f64()));
    }
    return positions;
  }

  static void writeValue(BinaryWriter out, Value value) {
    out.u8(value.tag());
    switch (value) {
      case Value.Str(String s) -> out.string(s);
      case Value.Int(long l) -> out.svarint(l);
      case Value.Real(double d) -> out.f64(d);
      case Value.Bool(boolean b) -> out.bool(b);
      case Value.LangStr(String text, String language) -> out.string(text).string(language);
      case Value.Typed(String lexical, String datatype) -> out.string(lexical).string(datatype);
      case Value.Ref(OctadId target) -> out.string(target.value());
      case Value.Seq(List<Value> items) -> {
        out.varint(items.size());
        items.forEach(item -> writeValue(out, item));
      }
    }
  }

  static Value readValue(BinaryReader in) {
    return readValue(in, 0);
  }

  private static Value readValue(BinaryReader in, int depth) {
    if (depth > Limits.MAX_COLLECTION_DEPTH) {
      throw in.corrupt("collections nested deeper than " + Limits.MAX_COLLECTION_DEPTH);
    }
    int tag = in.u8();
    return switch (tag) {
      case 1 -> new Value.Str(in.string());
      case 2 -> new Value.Int(in.svarint());
      case 3 -> new Value.Real(in.f64());
      case 4 -> Value.of(in.bool());
      case 5 -> new Value.LangStr(in.string(), in.string());
      case 6 -> new Value.Typed(in.string(), in.string());
      case 7 -> new Value.Ref(OctadId.of(in.string()));
      case 8 -> {
        int n = in.count(Limits.MAX_COLLECTION_ITEMS, "collection item");
        List<Value> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(readValue(in, depth + 1));
        }
        yield new Value.Seq(items);
      }
      default -> throw in.corrupt("value tag " + tag);
    };
  }
}
