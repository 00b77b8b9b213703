package org.verisimdb.engine.query.row;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Value;

/**
 * A whole modality as one object (VQL.md §9.3), built from the row's own field values so that a
 * modality and its fields always agree. Members come in the order §9.3 lists them; DOCUMENT's are
 * its fields in key order. TEMPORAL's {@code versions} holds at most the newest
 * {@code temporal.history_limit} records. Stateless and thread-safe.
 */
final class ModalityJson {
  private static final List<String> GRAPH = List.of("edges", "out_degree", "in_degree");
  private static final List<String> VECTOR = List.of("embedding", "model", "dimension", "norm");
  private static final List<String> TENSOR = List.of("shape", "dtype", "data", "rank", "size", "mean", "std", "min", "max");
  private static final List<String> SEMANTIC = List.of("types", "properties", "proofs", "seals");
  private static final List<String> TEMPORAL =
      List.of("version", "version_count", "created_at", "modified_at", "valid_from", "label", "message", "modified_by");
  private static final List<String> PROVENANCE = List.of("chain_length", "chain_valid", "head_hash", "origin", "records");
  private static final List<String> SPATIAL = List.of("lat", "lon", "alt", "srid", "geometry_type", "wkt", "properties");

  private ModalityJson() {}

  /** The object of modality {@code m} of {@code row}, which has it (the caller checks). */
  static Value of(OctadRow row, Modality m, int historyLimit) {
    return switch (m) {
      case GRAPH -> members(row, m, GRAPH);
      case VECTOR -> members(row, m, VECTOR);
      case TENSOR -> members(row, m, TENSOR);
      case SEMANTIC -> members(row, m, SEMANTIC);
      case DOCUMENT -> members(row, m, List.copyOf(row.octad().document().orElseThrow().fields().keySet()));
      case TEMPORAL -> temporal(row, historyLimit);
      case PROVENANCE -> members(row, m, PROVENANCE);
      case SPATIAL -> members(row, m, SPATIAL);
    };
  }

  private static Value.Obj members(OctadRow row, Modality m, List<String> names) {
    Map<String, Value> members = new LinkedHashMap<>();
    for (String name : names) {
      members.put(name, row.field(m, List.of(name)));
    }
    return new Value.Obj(members);
  }

  private static Value temporal(OctadRow row, int historyLimit) {
    Map<String, Value> members = new LinkedHashMap<>(members(row, Modality.TEMPORAL, TEMPORAL).members());
    TemporalFacet temporal = row.octad().temporal();
    members.put("versions", temporal.versions().size() <= historyLimit
        ? row.field(Modality.TEMPORAL, List.of("versions"))
        : TemporalFields.versions(temporal.versions().subList(0, historyLimit)));
    return new Value.Obj(members);
  }
}
