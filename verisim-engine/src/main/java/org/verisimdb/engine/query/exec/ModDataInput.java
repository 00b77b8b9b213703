package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.geo.Geometry;
import org.verisimdb.model.geo.Position;
import org.verisimdb.model.geo.Wkt;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.model.write.ProvenanceEvent;
import org.verisimdb.model.write.TemporalInput;
import org.verisimdb.vql.ast.Clauses.Assign;
import org.verisimdb.vql.ast.ModData;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;
import org.verisimdb.vql.parse.TensorShape;

/**
 * The modality data of INSERT and UPDATE … WITH (VQL.md §5.9, §5.10) as the write API's input:
 * facets, the edges of every GRAPH item, what TEMPORAL says of the new version and the user
 * record of PROVENANCE. Parameters are resolved here; a datum the database rejects fails with its
 * VQL code at the datum's position. One per statement.
 */
final class ModDataInput {
  private final Params params;
  private final Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
  private final Set<Modality> emptied = EnumSet.noneOf(Modality.class);
  private final List<Edge> edges = new ArrayList<>();
  private TemporalInput temporal;
  private ProvenanceEvent provenance;

  private ModDataInput(Params params, List<ModData> data) {
    this.params = params;
    for (ModData d : data) {
      try {
        read(d);
      } catch (VeriSimException e) {
        throw Errors.at(e, d.span());
      }
    }
  }

  /** The input of {@code INSERT OCTAD [id] WITH data}: a datum without content (an empty DOCUMENT) is left out. */
  static OctadInput insert(OctadId id, List<ModData> data, Params params) {
    ModDataInput in = new ModDataInput(params, data);
    Map<Modality, Facet> all = new EnumMap<>(in.facets);
    if (!in.edges.isEmpty()) {
      all.put(Modality.GRAPH, new GraphFacet(in.edges));
    }
    return new OctadInput(id, all, in.temporal, in.provenance == null ? List.of() : List.of(in.provenance));
  }

  /**
   * The patch of {@code UPDATE OCTAD id WITH data}: each named modality is replaced wholly (removed
   * when its datum has no content), all GRAPH items together replace the outgoing edges, TEMPORAL
   * labels the new version and PROVENANCE appends a record.
   */
  static OctadPatch update(List<ModData> data, Params params) {
    ModDataInput in = new ModDataInput(params, data);
    OctadPatch.Builder b = OctadPatch.builder();
    in.facets.values().forEach(b::replace);
    in.emptied.forEach(b::remove);
    if (!in.edges.isEmpty()) {
      b.replace(new GraphFacet(in.edges));
    }
    b.temporal(in.temporal);
    if (in.provenance != null) {
      b.provenance(in.provenance);
    }
    return b.build();
  }

  private void read(ModData d) {
    switch (d) {
      case ModData.Vector v -> facets.put(Modality.VECTOR, vector(v));
      case ModData.Edge e -> edges.add(Edge.to(e.predicate().text(), OctadId.of(params.string(e.target()))));
      case ModData.TensorArray t -> facets.put(Modality.TENSOR, tensorArray(t));
      case ModData.Fields f -> fields(f);
    }
  }

  private void fields(ModData.Fields f) {
    switch (f.modality()) {
      case DOCUMENT -> document(f);
      case SEMANTIC -> semantic(f);
      case TENSOR -> facets.put(Modality.TENSOR, tensor(f));
      case SPATIAL -> facets.put(Modality.SPATIAL, spatial(f));
      case TEMPORAL -> temporal = new TemporalInput(optionalTime(f, "valid_from"), optionalString(f, "label"), optionalString(f, "message"));
      case PROVENANCE -> provenance = new ProvenanceEvent(optionalString(f, "event_type"), optionalString(f, "actor"),
          optionalString(f, "source"), optionalString(f, "description"));
      default -> throw VqlException.at(DiagnosticCode.TYPE_010, f.span(), f.modality() + " data is not written with key = value pairs");
    }
  }

  private VectorFacet vector(ModData.Vector v) {
    String model = null;
    for (Assign a : v.options()) {
      model = params.value(a.value()) instanceof Value.Null ? null : params.string(a.value());
    }
    if (!(params.value(v.vector()) instanceof Value.Arr arr)) {
      throw VqlException.at(DiagnosticCode.TYPE_010, v.vector().span(), "VECTOR data is an array of numbers");
    }
    double[] doubles = new double[arr.elements().size()];
    for (int i = 0; i < doubles.length; i++) {
      doubles[i] = switch (arr.elements().get(i)) {
        case Value.Int n -> n.value();
        case Value.Flt x -> x.value();
        case Value e -> throw VqlException.at(DiagnosticCode.TYPE_010, v.vector().span(),
            "VECTOR data is an array of numbers, found " + e.typeName() + " at position " + i);
      };
    }
    return VectorFacet.of(doubles, model);
  }

  private void document(ModData.Fields f) {
    TreeMap<String, org.verisimdb.model.value.Value> fields = new TreeMap<>();
    for (Assign a : f.fields()) {
      org.verisimdb.model.value.Value v = stored(params.value(a.value()), a.value().span());
      if (v != null) {
        fields.put(a.key().text(), v);
      }
    }
    put(Modality.DOCUMENT, fields.isEmpty() ? null : new DocumentFacet(fields));
  }

  private void semantic(ModData.Fields f) {
    List<String> types = new ArrayList<>();
    TreeMap<String, org.verisimdb.model.value.Value> properties = new TreeMap<>();
    for (Assign a : f.fields()) {
      Value v = params.value(a.value());
      if (a.key().text().equals("types")) {
        types.addAll(strings(v, a.value().span(), "SEMANTIC types"));
      } else {
        org.verisimdb.model.value.Value stored = stored(v, a.value().span());
        if (stored != null) {
          properties.put(a.key().text(), stored);
        }
      }
    }
    put(Modality.SEMANTIC, types.isEmpty() && properties.isEmpty() ? null : SemanticFacet.of(types, properties));
  }

  private void put(Modality m, Facet facet) {
    if (facet == null) {
      emptied.add(m);
    } else {
      facets.put(m, facet);
    }
  }

  private TensorFacet tensor(ModData.Fields f) {
    Assign shape = assign(f, "shape");
    Assign data = assign(f, "data");
    if (shape == null || data == null) {
      throw VqlException.at(DiagnosticCode.TYPE_010, f.span(), "TENSOR data needs shape and data (or one nested array)");
    }
    String dtype = optionalString(f, "dtype");
    Value shapeValue = params.value(shape.value());
    if (!(shapeValue instanceof Value.Arr dims)) {
      throw VqlException.at(DiagnosticCode.TYPE_010, shape.value().span(), "a tensor shape is an array of non-negative integers");
    }
    Value dataValue = params.value(data.value());
    if (!(dataValue instanceof Value.Arr elements)) {
      throw VqlException.at(DiagnosticCode.TYPE_010, data.value().span(), "tensor data is an array of numbers or booleans");
    }
    return tensor(dims.elements(), elements.elements(), dtype == null ? DType.FLOAT64 : DType.parse(dtype), shape.value().span(),
        data.value().span());
  }

  private TensorFacet tensorArray(ModData.TensorArray t) {
    Value v = params.value(t.array());
    List<Value> shape = v instanceof Value.Arr a ? TensorShape.shapeOf(a) : null;
    if (shape == null) {
      throw VqlException.at(DiagnosticCode.TYPE_010, t.array().span(), "TENSOR data must be a rectangular nested array");
    }
    List<Value> flat = new ArrayList<>();
    flatten(v, flat);
    return tensor(shape, flat, DType.FLOAT64, t.array().span(), t.array().span());
  }

  private static void flatten(Value v, List<Value> into) {
    if (v instanceof Value.Arr a) {
      a.elements().forEach(e -> flatten(e, into));
    } else {
      into.add(v);
    }
  }

  private static TensorFacet tensor(List<Value> dims, List<Value> elements, DType dtype, Span shapeSpan, Span dataSpan) {
    int[] shape = new int[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      if (!(dims.get(i) instanceof Value.Int n) || n.value() < 0 || n.value() > Integer.MAX_VALUE) {
        throw VqlException.at(DiagnosticCode.TYPE_010, shapeSpan, "a tensor shape is an array of non-negative integers, found "
            + dims.get(i).typeName() + " at position " + i);
      }
      shape[i] = (int) n.value();
    }
    int count = elements.size();
    return switch (dtype) {
      case FLOAT32 -> {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
          out[i] = (float) number(elements.get(i), dtype, dataSpan);
        }
        yield TensorFacet.ofFloats(shape, out);
      }
      case FLOAT64 -> {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
          out[i] = number(elements.get(i), dtype, dataSpan);
        }
        yield TensorFacet.ofDoubles(shape, out);
      }
      case INT32 -> {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
          long n = integer(elements.get(i), dtype, dataSpan);
          if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw VqlException.at(DiagnosticCode.TYPE_010, dataSpan, "element " + n + " does not fit dtype int32");
          }
          out[i] = (int) n;
        }
        yield TensorFacet.ofInts(shape, out);
      }
      case INT64 -> {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
          out[i] = integer(elements.get(i), dtype, dataSpan);
        }
        yield TensorFacet.ofLongs(shape, out);
      }
      case BOOL -> {
        boolean[] out = new boolean[count];
        for (int i = 0; i < count; i++) {
          if (!(elements.get(i) instanceof Value.Bool b)) {
            throw VqlException.at(DiagnosticCode.TYPE_010, dataSpan, "element " + elements.get(i).typeName() + " does not fit dtype bool");
          }
          out[i] = b.value();
        }
        yield TensorFacet.ofBooleans(shape, out);
      }
    };
  }

  private static double number(Value v, DType dtype, Span span) {
    return switch (v) {
      case Value.Int n -> n.value();
      case Value.Flt f -> f.value();
      default -> throw VqlException.at(DiagnosticCode.TYPE_010, span, "element " + v.typeName() + " does not fit dtype " + dtype.wireName());
    };
  }

  private static long integer(Value v, DType dtype, Span span) {
    if (v instanceof Value.Int n) {
      return n.value();
    }
    throw VqlException.at(DiagnosticCode.TYPE_010, span, "element " + v.typeName() + " does not fit dtype " + dtype.wireName());
  }

  private SpatialFacet spatial(ModData.Fields f) {
    Double lat = optionalNumber(f, "lat");
    Double lon = optionalNumber(f, "lon");
    Double alt = optionalNumber(f, "alt");
    Assign sridAssign = assign(f, "srid");
    int srid = SpatialFacet.WGS84;
    if (sridAssign != null) {
      long n = params.integer(sridAssign.value());
      if (n <= 0 || n > Integer.MAX_VALUE) {
        throw VqlException.at(DiagnosticCode.VALUE_003, sridAssign.value().span(), "a spatial reference id is a positive integer (WGS 84 is 4326)");
      }
      srid = (int) n;
    }
    String wkt = optionalString(f, "wkt");
    Geometry geometry = wkt == null ? null : Wkt.parse(wkt);
    if (lat == null || lon == null) {
      if (geometry == null) {
        throw VqlException.at(DiagnosticCode.TYPE_010, f.span(), "SPATIAL data needs lat and lon, or wkt");
      }
      Position p = geometry.representativePoint();
      lat = p.lat();
      lon = p.lon();
    }
    return new SpatialFacet(lat, lon, alt, srid, geometry, null);
  }

  private Assign assign(ModData.Fields f, String key) {
    for (Assign a : f.fields()) {
      if (a.key().text().equals(key)) {
        return a;
      }
    }
    return null;
  }

  private String optionalString(ModData.Fields f, String key) {
    Assign a = assign(f, key);
    return a == null || params.value(a.value()) instanceof Value.Null ? null : params.string(a.value());
  }

  private Double optionalNumber(ModData.Fields f, String key) {
    Assign a = assign(f, key);
    return a == null || params.value(a.value()) instanceof Value.Null ? null : params.number(a.value());
  }

  private java.time.Instant optionalTime(ModData.Fields f, String key) {
    Assign a = assign(f, key);
    return a == null || params.value(a.value()) instanceof Value.Null ? null : params.time(a.value()).instant();
  }

  /** Type names from a string or an array of strings. */
  static List<String> strings(Value v, Span span, String what) {
    List<String> out = new ArrayList<>();
    switch (v) {
      case Value.Str s -> out.add(s.value());
      case Value.Arr a -> {
        for (Value e : a.elements()) {
          if (!(e instanceof Value.Str s)) {
            throw VqlException.at(DiagnosticCode.TYPE_010, span, what + " are strings, found " + e.typeName());
          }
          out.add(s.value());
        }
      }
      default -> throw VqlException.at(DiagnosticCode.TYPE_010, span, what + " are an array of strings, found " + v.typeName());
    }
    return out;
  }

  /**
   * A VQL value as the database stores it in a DOCUMENT field or a SEMANTIC or SPATIAL property
   * (§4.2): strings, numbers and booleans as themselves, a timestamp as its canonical string, an
   * array as a collection; null for NULL (the field is omitted or removed).
   */
  static org.verisimdb.model.value.Value stored(Value v, Span span) {
    return switch (v) {
      case Value.Null n -> null;
      case Value.Str s -> new org.verisimdb.model.value.Value.Str(s.value());
      case Value.Uuid u -> new org.verisimdb.model.value.Value.Str(u.value());
      case Value.Time t -> new org.verisimdb.model.value.Value.Str(t.canonical());
      case Value.Int i -> new org.verisimdb.model.value.Value.Int(i.value());
      case Value.Flt f -> new org.verisimdb.model.value.Value.Real(f.value());
      case Value.Bool b -> org.verisimdb.model.value.Value.of(b.value());
      case Value.Arr a -> {
        List<org.verisimdb.model.value.Value> items = new ArrayList<>();
        for (Value e : a.elements()) {
          org.verisimdb.model.value.Value item = stored(e, span);
          if (item == null) {
            throw VqlException.at(DiagnosticCode.TYPE_010, span, "an array stored in a field cannot hold NULL");
          }
          items.add(item);
        }
        yield new org.verisimdb.model.value.Value.Seq(items);
      }
      case Value.Obj o -> throw VqlException.at(DiagnosticCode.TYPE_010, span, "objects cannot be stored in a field");
    };
  }
}
