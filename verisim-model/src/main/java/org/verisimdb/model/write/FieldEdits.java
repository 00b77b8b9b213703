package org.verisimdb.model.write;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.verisimdb.model.Limits;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.Hints;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.geo.Geometry;
import org.verisimdb.model.geo.Position;
import org.verisimdb.model.geo.Wkt;
import org.verisimdb.model.value.Value;

/** Applies {@link ModalityChange.SetFields} edits, one modality at a time. Stateless. */
final class FieldEdits {
  private static final String PROPERTIES = "properties.";
  private static final List<String> SEMANTIC_FIELDS = List.of("types", "properties.<key>");
  private static final List<String> VECTOR_FIELDS = List.of("embedding", "model");
  private static final List<String> SPATIAL_FIELDS = List.of("lat", "lon", "alt", "srid", "wkt", "properties.<key>");

  private FieldEdits() {}

  /** Rejects a field that does not exist or is not writable in {@code modality}. */
  static void checkWritable(Modality modality, String field) {
    String path = modality.wireName() + "." + field;
    switch (modality) {
      case DOCUMENT -> Limits.requireName(field, ErrorCode.INVALID_DOCUMENT, path, "field name");
      case SEMANTIC -> requireKnown(field, SEMANTIC_FIELDS, modality, path, ErrorCode.INVALID_SEMANTIC);
      case VECTOR -> requireKnown(field, VECTOR_FIELDS, modality, path, ErrorCode.INVALID_VECTOR);
      case SPATIAL -> requireKnown(field, SPATIAL_FIELDS, modality, path, ErrorCode.INVALID_GEOMETRY);
      default -> throw new IllegalStateException(modality + " has no writable fields");
    }
  }

  private static void requireKnown(String field, List<String> known, Modality modality, String path, ErrorCode code) {
    if (field.startsWith(PROPERTIES) && known.contains("properties.<key>")) {
      Limits.requireName(field.substring(PROPERTIES.length()), code, path, "property name");
      return;
    }
    if (!known.contains(field)) {
      throw VeriSimException.invalid(ErrorCode.FIELD_NOT_WRITABLE, path,
          modality + "." + field + " is not a writable field" + Hints.didYouMean(field, known) + " (writable: " + String.join(", ", known) + ")");
    }
  }

  static Facet apply(Modality modality, Facet current, List<FieldEdit> edits) {
    return switch (modality) {
      case DOCUMENT -> document((DocumentFacet) current, edits);
      case SEMANTIC -> semantic((SemanticFacet) current, edits);
      case VECTOR -> vector((VectorFacet) current, edits);
      case SPATIAL -> spatial((SpatialFacet) current, edits);
      default -> throw new IllegalStateException(modality + " has no writable fields");
    };
  }

  private static Facet document(DocumentFacet current, List<FieldEdit> edits) {
    TreeMap<String, Value> fields = current == null ? new TreeMap<>() : new TreeMap<>(current.fields());
    for (FieldEdit edit : edits) {
      if (edit.isRemoval()) {
        fields.remove(edit.field());
      } else {
        fields.put(edit.field(), edit.value());
      }
    }
    return fields.isEmpty() ? null : new DocumentFacet(fields);
  }

  private static Facet semantic(SemanticFacet current, List<FieldEdit> edits) {
    List<String> types = current == null ? List.of() : current.types();
    TreeMap<String, Value> properties = current == null ? new TreeMap<>() : new TreeMap<>(current.properties());
    for (FieldEdit edit : edits) {
      if (edit.field().equals("types")) {
        types = edit.isRemoval() ? List.of() : strings(edit.value(), "semantic.types", ErrorCode.INVALID_SEMANTIC);
      } else {
        String key = edit.field().substring(PROPERTIES.length());
        if (edit.isRemoval()) {
          properties.remove(key);
        } else {
          properties.put(key, edit.value());
        }
      }
    }
    List<?> proofs = current == null ? List.of() : current.proofs();
    List<?> seals = current == null ? List.of() : current.seals();
    if (types.isEmpty() && properties.isEmpty() && proofs.isEmpty() && seals.isEmpty()) {
      return null;
    }
    return new SemanticFacet(types, properties, current == null ? List.of() : current.proofs(), current == null ? List.of() : current.seals());
  }

  private static Facet vector(VectorFacet current, List<FieldEdit> edits) {
    float[] embedding = current == null ? null : current.embedding();
    String model = current == null ? null : current.model();
    boolean removed = false;
    for (FieldEdit edit : edits) {
      if (edit.field().equals("embedding")) {
        removed = edit.isRemoval();
        embedding = removed ? null : numbers(edit.value());
      } else {
        model = edit.isRemoval() ? null : string(edit.value(), "vector.model", ErrorCode.INVALID_VECTOR);
      }
    }
    if (embedding == null) {
      if (removed || current == null && model == null) {
        return null;
      }
      throw VeriSimException.invalid(ErrorCode.INVALID_VECTOR, "vector.embedding",
          "this octad has no vector; set vector.embedding before (or with) vector.model");
    }
    return new VectorFacet(embedding, model);
  }

  private static Facet spatial(SpatialFacet current, List<FieldEdit> edits) {
    Double lat = current == null ? null : current.lat();
    Double lon = current == null ? null : current.lon();
    Double alt = current == null ? null : current.alt();
    int srid = current == null ? SpatialFacet.WGS84 : current.srid();
    Geometry geometry = current == null || current.geometry() instanceof Geometry.Point ? null : current.geometry();
    SortedMap<String, Value> properties = current == null ? new TreeMap<>() : new TreeMap<>(current.properties());
    boolean pointSet = false;
    boolean wktSet = false;
    for (FieldEdit edit : edits) {
      String path = "spatial." + edit.field();
      switch (edit.field()) {
        case "lat" -> {
          lat = coordinate(edit, path);
          pointSet = true;
        }
        case "lon" -> {
          lon = coordinate(edit, path);
          pointSet = true;
        }
        case "alt" -> alt = edit.isRemoval() ? null : number(edit.value(), path, ErrorCode.INVALID_COORDINATE);
        case "srid" -> srid = edit.isRemoval() ? SpatialFacet.WGS84 : integer(edit.value(), path);
        case "wkt" -> {
          geometry = edit.isRemoval() ? null : Wkt.parse(string(edit.value(), path, ErrorCode.INVALID_GEOMETRY));
          wktSet = true;
        }
        default -> {
          String key = edit.field().substring(PROPERTIES.length());
          if (edit.isRemoval()) {
            properties.remove(key);
          } else {
            properties.put(key, edit.value());
          }
        }
      }
    }
    if (wktSet && geometry != null && !pointSet) {
      Position p = geometry.representativePoint();
      lat = p.lat();
      lon = p.lon();
    }
    if (lat == null || lon == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_COORDINATE, lat == null ? "spatial.lat" : "spatial.lon",
          "this octad has no location; set both spatial.lat and spatial.lon, or spatial.wkt");
    }
    return new SpatialFacet(lat, lon, alt, srid, geometry, properties);
  }

  private static double coordinate(FieldEdit edit, String path) {
    if (edit.isRemoval()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_COORDINATE, path,
          path + " cannot be removed on its own; remove the spatial modality to drop the location");
    }
    return number(edit.value(), path, ErrorCode.INVALID_COORDINATE);
  }

  private static double number(Value value, String path, ErrorCode code) {
    return switch (value) {
      case Value.Int(long l) -> l;
      case Value.Real(double d) -> d;
      default -> throw VeriSimException.invalid(code, path, path + " must be a number, got " + value);
    };
  }

  private static int integer(Value value, String path) {
    if (value instanceof Value.Int(long l) && l > 0 && l <= Integer.MAX_VALUE) {
      return (int) l;
    }
    throw VeriSimException.invalid(ErrorCode.INVALID_GEOMETRY, path, path + " must be a positive integer (WGS 84 is 4326), got " + value);
  }

  private static String string(Value value, String path, ErrorCode code) {
    if (value instanceof Value.Str(String s)) {
      return s;
    }
    throw VeriSimException.invalid(code, path, path + " must be a string, got " + value);
  }

  private static List<String> strings(Value value, String path, ErrorCode code) {
    if (value instanceof Value.Str(String s)) {
      return List.of(s);
    }
    if (value instanceof Value.Seq(List<Value> items)) {
      List<String> out = new ArrayList<>(items.size());
      for (Value item : items) {
        out.add(string(item, path, code));
      }
      return out;
    }
    throw VeriSimException.invalid(code, path, path + " must be a string or a list of strings, got " + value);
  }

  private static float[] numbers(Value value) {
    if (!(value instanceof Value.Seq(List<Value> items))) {
      throw VeriSimException.invalid(ErrorCode.INVALID_VECTOR, "vector.embedding", "vector.embedding must be a list of numbers, got " + value);
    }
    double[] doubles = new double[items.size()];
    for (int i = 0; i < doubles.length; i++) {
      doubles[i] = number(items.get(i), "vector.embedding[" + i + "]", ErrorCode.INVALID_VECTOR);
    }
    return VectorFacet.of(doubles, null).embedding();
  }
}
