package org.verisimdb.vql.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.check.VqlType.Kind;

/**
 * The fields of each modality (VQL.md §4.3) with their types, whether UPDATE … SET may write
 * them (W) and whether they may be set to NULL. DOCUMENT fields and {@code properties.<key>} of
 * SEMANTIC and SPATIAL are open; every other modality is closed.
 */
public final class FieldCatalog {
  /** One field: its type, writability and nullability. */
  public record FieldInfo(VqlType type, boolean writable, boolean nullable) {}

  private static final Map<Modality, Map<String, FieldInfo>> FIELDS = new LinkedHashMap<>();

  static {
    put(Modality.GRAPH, "edges", VqlType.arrayOf(Kind.OBJECT, false), false, false);
    put(Modality.GRAPH, "edge_to", VqlType.arrayOf(Kind.STRING, true), false, false);
    put(Modality.GRAPH, "edge_from", VqlType.arrayOf(Kind.STRING, true), false, false);
    put(Modality.GRAPH, "predicates", VqlType.arrayOf(Kind.STRING, true), false, false);
    put(Modality.GRAPH, "out_degree", VqlType.INTEGER, false, false);
    put(Modality.GRAPH, "in_degree", VqlType.INTEGER, false, false);
    put(Modality.VECTOR, "embedding", VqlType.arrayOf(Kind.FLOAT, false), true, false);
    put(Modality.VECTOR, "model", VqlType.STRING, true, true);
    put(Modality.VECTOR, "dimension", VqlType.INTEGER, false, false);
    put(Modality.VECTOR, "norm", VqlType.FLOAT, false, false);
    put(Modality.TENSOR, "shape", VqlType.arrayOf(Kind.INTEGER, false), false, false);
    put(Modality.TENSOR, "rank", VqlType.INTEGER, false, false);
    put(Modality.TENSOR, "size", VqlType.INTEGER, false, false);
    put(Modality.TENSOR, "dtype", VqlType.STRING, false, false);
    put(Modality.TENSOR, "data", VqlType.ARRAY, false, false);
    for (String stat : List.of("mean", "std", "min", "max")) {
      put(Modality.TENSOR, stat, VqlType.FLOAT, false, false);
    }
    put(Modality.SEMANTIC, "types", VqlType.arrayOf(Kind.STRING, true), true, false);
    put(Modality.SEMANTIC, "properties", VqlType.OBJECT, false, false);
    put(Modality.SEMANTIC, "proofs", VqlType.arrayOf(Kind.OBJECT, false), false, false);
    put(Modality.SEMANTIC, "seals", VqlType.arrayOf(Kind.OBJECT, false), false, false);
    put(Modality.TEMPORAL, "version", VqlType.INTEGER, false, false);
    put(Modality.TEMPORAL, "created_at", VqlType.TIMESTAMP, false, false);
    put(Modality.TEMPORAL, "modified_at", VqlType.TIMESTAMP, false, false);
    put(Modality.TEMPORAL, "valid_from", VqlType.TIMESTAMP, true, true);
    put(Modality.TEMPORAL, "label", VqlType.STRING, true, true);
    put(Modality.TEMPORAL, "message", VqlType.STRING, true, true);
    put(Modality.TEMPORAL, "version_count", VqlType.INTEGER, false, false);
    put(Modality.TEMPORAL, "modified_by", VqlType.arrayOf(Kind.STRING, true), false, false);
    put(Modality.TEMPORAL, "versions", VqlType.arrayOf(Kind.OBJECT, false), false, false);
    put(Modality.PROVENANCE, "records", VqlType.arrayOf(Kind.OBJECT, false), false, false);
    put(Modality.PROVENANCE, "chain_length", VqlType.INTEGER, false, false);
    put(Modality.PROVENANCE, "chain_valid", VqlType.BOOLEAN, false, false);
    put(Modality.PROVENANCE, "head_hash", VqlType.STRING, false, false);
    put(Modality.PROVENANCE, "actor", VqlType.arrayOf(Kind.STRING, true), false, false);
    put(Modality.PROVENANCE, "event_type", VqlType.arrayOf(Kind.STRING, true), false, false);
    put(Modality.PROVENANCE, "source", VqlType.arrayOf(Kind.STRING, true), false, false);
    put(Modality.PROVENANCE, "origin", VqlType.STRING, false, false);
    put(Modality.PROVENANCE, "last_actor", VqlType.STRING, false, false);
    put(Modality.PROVENANCE, "last_event_type", VqlType.STRING, false, false);
    put(Modality.PROVENANCE, "last_at", VqlType.TIMESTAMP, false, false);
    put(Modality.SPATIAL, "lat", VqlType.FLOAT, true, false);
    put(Modality.SPATIAL, "lon", VqlType.FLOAT, true, false);
    put(Modality.SPATIAL, "alt", VqlType.FLOAT, true, true);
    put(Modality.SPATIAL, "srid", VqlType.INTEGER, true, false);
    put(Modality.SPATIAL, "wkt", VqlType.STRING, true, false);
    put(Modality.SPATIAL, "geometry_type", VqlType.STRING, false, false);
    put(Modality.SPATIAL, "properties", VqlType.OBJECT, false, false);
  }

  private FieldCatalog() {}

  private static void put(Modality m, String name, VqlType type, boolean writable, boolean nullable) {
    FIELDS.computeIfAbsent(m, k -> new LinkedHashMap<>()).put(name, new FieldInfo(type, writable, nullable));
  }

  /** The field {@code path} of {@code modality}, or null if a closed modality has no such field. */
  public static FieldInfo field(Modality modality, List<String> path) {
    if (modality == Modality.DOCUMENT) {
      String name = String.join(".", path);
      boolean text = name.equals("title") || name.equals("body");
      return new FieldInfo(text ? VqlType.STRING : VqlType.ANY, true, true);
    }
    if ((modality == Modality.SEMANTIC || modality == Modality.SPATIAL) && path.size() > 1 && path.get(0).equals("properties")) {
      return new FieldInfo(VqlType.ANY, true, true);
    }
    return path.size() == 1 ? FIELDS.getOrDefault(modality, Map.of()).get(path.get(0)) : null;
  }

  /** The known field names of a closed modality, for hints and SHOW MODALITIES. */
  public static List<String> names(Modality modality) {
    List<String> names = new java.util.ArrayList<>(FIELDS.getOrDefault(modality, Map.of()).keySet());
    switch (modality) {
      case SPATIAL -> names.addAll(List.of("latitude", "longitude", "altitude"));
      case TEMPORAL -> names.addAll(List.of("created", "modified"));
      case PROVENANCE -> names.add("action");
      default -> { }
    }
    return names;
  }
}
