package org.verisimdb.engine.query.row;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.vql.ast.Value;

/**
 * PROVENANCE fields (VQL.md §4.3, §6.8). {@code records} lists the chain oldest first, each
 * record in its §7.6 form with its {@code content_hash}; {@code actor}, {@code event_type} and
 * {@code source} collect one field over all records in chain order, skipping records without
 * one. Without a chain (§4.6) every array field, {@code records} included, is empty and every
 * scalar is NULL. Thread-safe.
 */
final class ProvenanceFields implements ModalityFields {
  private final ProvenanceFacet provenance;

  /** {@code provenance} is null when the octad has no chain. */
  ProvenanceFields(ProvenanceFacet provenance) {
    this.provenance = provenance;
  }

  @Override
  public Value field(String name) {
    List<ProvenanceRecord> records = provenance == null ? List.of() : provenance.records();
    return switch (name) {
      case "records" -> RowValues.fromJson(records.stream().map(ProvenanceRecord::toJson).toList());
      case "actor" -> collect(records, ProvenanceRecord::actor);
      case "event_type" -> collect(records, ProvenanceRecord::eventType);
      case "source" -> collect(records, ProvenanceRecord::source);
      default -> provenance == null ? Value.NULL : scalar(name);
    };
  }

  private Value scalar(String name) {
    ProvenanceRecord head = provenance.head();
    return switch (name) {
      case "chain_length" -> new Value.Int(provenance.records().size());
      case "chain_valid" -> provenance.verify().valid() ? Value.TRUE : Value.FALSE;
      case "head_hash" -> new Value.Str(provenance.headHash());
      case "origin" -> RowValues.text(origin());
      case "last_actor" -> new Value.Str(head.actor());
      case "last_event_type" -> new Value.Str(head.eventType());
      case "last_at" -> RowValues.time(head.timestamp());
      default -> Value.NULL;
    };
  }

  /** The source of the earliest record that has one, or null. */
  private String origin() {
    for (ProvenanceRecord record : provenance.records()) {
      if (record.source() != null) {
        return record.source();
      }
    }
    return null;
  }

  private static Value collect(List<ProvenanceRecord> records, Function<ProvenanceRecord, String> field) {
    List<String> values = new ArrayList<>(records.size());
    for (ProvenanceRecord record : records) {
      String value = field.apply(record);
      if (value != null) {
        values.add(value);
      }
    }
    return RowValues.strings(values);
  }
}
