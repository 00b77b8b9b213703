package org.verisimdb.engine.query.row;

import java.util.List;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.vql.ast.Value;

/**
 * TEMPORAL fields (VQL.md §4.3): {@code version}, {@code created_at}, {@code modified_at},
 * {@code valid_from}, {@code label}, {@code message}, {@code version_count}, {@code modified_by}
 * (sorted) and {@code versions}: the version records the facet was read with, newest first, each
 * in its §7.6 form with its {@code version_hash}. Thread-safe.
 */
final class TemporalFields implements ModalityFields {
  private final TemporalFacet temporal;

  TemporalFields(TemporalFacet temporal) {
    this.temporal = temporal;
  }

  @Override
  public Value field(String name) {
    return switch (name) {
      case "version" -> new Value.Int(temporal.version());
      case "created_at" -> RowValues.time(temporal.createdAt());
      case "modified_at" -> RowValues.time(temporal.modifiedAt());
      case "valid_from" -> RowValues.time(temporal.validFrom());
      case "label" -> RowValues.text(temporal.label());
      case "message" -> RowValues.text(temporal.message());
      case "version_count" -> new Value.Int(temporal.versionCount());
      case "modified_by" -> RowValues.strings(temporal.modifiedBy());
      case "versions" -> versions(temporal.versions());
      default -> Value.NULL;
    };
  }

  /** The version records, newest first (the facet's own order, which its constructor checks). */
  static Value versions(List<VersionRecord> records) {
    return RowValues.fromJson(records.stream().map(VersionRecord::toJson).toList());
  }
}
