package org.verisimdb.engine.query.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.graph.InEdge;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Value;

/** Presence, dangling rows, absent modalities, unknown fields, caching and hashes. */
class OctadRowTest {
  private static final Value EMPTY = new Value.Arr(List.of());

  @Test
  void aFullOctadHasEveryModality() {
    OctadRow row = Station.row(Station.octad());
    for (Modality m : Modality.values()) {
      assertThat(row.has(m)).as("%s", m).isTrue();
      assertThat(row.modality(m)).as("%s", m).isInstanceOf(Value.Obj.class);
    }
  }

  @Test
  void aBareOctadHasOnlyTemporal() {
    OctadRow row = Station.row(Station.bare());
    for (Modality m : Modality.values()) {
      assertThat(row.has(m)).as("%s", m).isEqualTo(m == Modality.TEMPORAL);
    }
  }

  @Test
  void eachModalityIsPresentExactlyWhenItsFacetIsStored() {
    for (Modality m : Modality.values()) {
      if (m == Modality.TEMPORAL) {
        continue;
      }
      OctadRow row = Station.row(Station.without(org.verisimdb.model.Modality.valueOf(m.name())));
      for (Modality other : Modality.values()) {
        assertThat(row.has(other)).as("without %s: %s", m, other).isEqualTo(other != m);
      }
      assertThat(row.modality(m)).as("%s", m).isEqualTo(Value.NULL);
    }
  }

  @Test
  void fieldsOfAbsentModalitiesAreNull() {
    OctadRow row = Station.row(Station.bare());
    assertThat(row.field(Modality.VECTOR, List.of("embedding"))).isEqualTo(Value.NULL);
    assertThat(row.field(Modality.VECTOR, List.of("dimension"))).isEqualTo(Value.NULL);
    assertThat(row.field(Modality.TENSOR, List.of("mean"))).isEqualTo(Value.NULL);
    assertThat(row.field(Modality.TENSOR, List.of("shape"))).isEqualTo(Value.NULL);
    assertThat(row.field(Modality.SEMANTIC, List.of("types"))).isEqualTo(Value.NULL);
    assertThat(row.field(Modality.SEMANTIC, List.of("properties", "owner"))).isEqualTo(Value.NULL);
    assertThat(row.field(Modality.DOCUMENT, List.of("title"))).isEqualTo(Value.NULL);
    assertThat(row.field(Modality.SPATIAL, List.of("lat"))).isEqualTo(Value.NULL);
    assertThat(row.field(Modality.SPATIAL, List.of("properties"))).isEqualTo(Value.NULL);
  }

  @Test
  void graphFieldsAndProvenanceArraysAreDefinedWithoutTheirModality() {
    OctadRow row = Station.row(Station.bare());
    assertThat(row.field(Modality.GRAPH, List.of("edges"))).isEqualTo(EMPTY);
    assertThat(row.field(Modality.GRAPH, List.of("edge_to"))).isEqualTo(EMPTY);
    assertThat(row.field(Modality.GRAPH, List.of("edge_from"))).isEqualTo(EMPTY);
    assertThat(row.field(Modality.GRAPH, List.of("predicates"))).isEqualTo(EMPTY);
    assertThat(row.field(Modality.GRAPH, List.of("out_degree"))).isEqualTo(new Value.Int(0));
    assertThat(row.field(Modality.GRAPH, List.of("in_degree"))).isEqualTo(new Value.Int(0));
    for (String array : List.of("records", "actor", "event_type", "source")) {
      assertThat(row.field(Modality.PROVENANCE, List.of(array))).as(array).isEqualTo(EMPTY);
    }
    for (String scalar : List.of("chain_length", "chain_valid", "head_hash", "origin", "last_actor", "last_event_type", "last_at")) {
      assertThat(row.field(Modality.PROVENANCE, List.of(scalar))).as(scalar).isEqualTo(Value.NULL);
    }
    assertThat(row.modality(Modality.GRAPH)).isEqualTo(Value.NULL);
    assertThat(row.modality(Modality.PROVENANCE)).isEqualTo(Value.NULL);
  }

  @Test
  void aDanglingRowHasNoModalitiesButItsIncomingEdges() {
    OctadId lab = OctadId.of("lab-3");
    Incoming incoming = target -> target.equals(lab)
        ? List.of(new InEdge(OctadId.of("station-0042"), "CALIBRATED_BY"), new InEdge(OctadId.of("station-0007"), "CALIBRATED_BY"))
        : List.of();
    OctadRow row = new OctadRow(lab, null, incoming);
    assertThat(row.id()).isEqualTo(lab);
    assertThat(row.octad()).isNull();
    for (Modality m : Modality.values()) {
      assertThat(row.has(m)).as("%s", m).isFalse();
      assertThat(row.modality(m)).as("%s", m).isEqualTo(Value.NULL);
    }
    assertThat(ValueText.of(row.field(Modality.GRAPH, List.of("edge_from")))).isEqualTo("[\"station-0007\",\"station-0042\"]");
    assertThat(row.field(Modality.GRAPH, List.of("in_degree"))).isEqualTo(new Value.Int(2));
    assertThat(row.field(Modality.GRAPH, List.of("out_degree"))).isEqualTo(new Value.Int(0));
    assertThat(row.field(Modality.GRAPH, List.of("edges"))).isEqualTo(EMPTY);
    assertThat(row.field(Modality.TEMPORAL, List.of("version"))).isEqualTo(Value.NULL);
    assertThat(row.field(Modality.TEMPORAL, List.of("modified_by"))).isEqualTo(Value.NULL);
    assertThat(row.field(Modality.PROVENANCE, List.of("actor"))).isEqualTo(EMPTY);
    assertThat(row.field(Modality.DOCUMENT, List.of("title"))).isEqualTo(Value.NULL);
    assertThat(row.contentHash()).isNull();
    assertThat(row.modalityHashes()).isEmpty();
  }

  @Test
  void unknownFieldsAreNull() {
    OctadRow row = Station.row(Station.octad());
    for (Modality m : Modality.values()) {
      assertThat(row.field(m, List.of("no_such_field"))).as("%s", m).isEqualTo(Value.NULL);
      assertThat(row.field(m, List.of("embedding", "x"))).as("%s", m).isEqualTo(Value.NULL);
    }
    assertThat(row.field(Modality.TEMPORAL, List.of("modified"))).isEqualTo(Value.NULL); // synonyms arrive canonical
    assertThat(row.field(Modality.TENSOR, List.of("statistics", "mean"))).isEqualTo(Value.NULL);
  }

  @Test
  void valuesAreComputedOnceAndKept() {
    AtomicInteger calls = new AtomicInteger();
    Octad octad = Station.octad();
    OctadRow row = new OctadRow(octad.id(), octad, target -> {
      calls.incrementAndGet();
      return new ArrayList<>(List.of(new InEdge(OctadId.of("a"), "P")));
    });
    Value edges = row.field(Modality.GRAPH, List.of("edge_from"));
    assertThat(row.field(Modality.GRAPH, List.of("in_degree"))).isEqualTo(new Value.Int(1));
    assertThat(row.modality(Modality.GRAPH)).isSameAs(row.modality(Modality.GRAPH));
    assertThat(row.field(Modality.GRAPH, List.of("edge_from"))).isSameAs(edges);
    assertThat(calls).hasValue(1);
    assertThat(row.field(Modality.TENSOR, List.of("data"))).isSameAs(row.field(Modality.TENSOR, List.of("data")));
  }

  @Test
  void aPathIsTheFieldNameJoinedByDots() {
    OctadRow row = Station.row(Station.with(Station.document(java.util.Map.of(
        "venue.city", org.verisimdb.model.value.Value.of("Trondheim")))));
    assertThat(row.field(Modality.DOCUMENT, List.of("venue", "city"))).isEqualTo(new Value.Str("Trondheim"));
    assertThat(row.field(Modality.DOCUMENT, List.of("venue.city"))).isEqualTo(new Value.Str("Trondheim"));
    assertThatThrownBy(() -> row.field(Modality.DOCUMENT, List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hashesAreThoseOfSection7_6() {
    Octad octad = Station.octad();
    OctadRow row = Station.row(octad);
    assertThat(row.modalityHashes()).isEqualTo(ContentHash.modalityHashes(octad.facets()));
    assertThat(row.modalityHashes()).hasSize(7).doesNotContainKey(org.verisimdb.model.Modality.TEMPORAL);
    // The fixture's version record hashes the same facets, so the current content hash must equal its own.
    assertThat(row.contentHash()).isEqualTo(octad.temporal().current().contentHash()).hasSize(64);
    OctadRow bare = Station.row(Station.bare());
    assertThat(bare.modalityHashes()).isEmpty();
    assertThat(bare.contentHash()).isEqualTo(ContentHash.ofOctad(Station.ID, java.util.Map.of()));
  }

  @Test
  void theConstructorChecksItsArguments() {
    Octad octad = Station.octad();
    assertThatThrownBy(() -> new OctadRow(OctadId.of("other"), octad, Incoming.NONE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("station-0042");
    assertThatThrownBy(() -> new OctadRow(null, null, Incoming.NONE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OctadRow(octad.id(), octad, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OctadRow(octad.id(), octad, Incoming.NONE, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
