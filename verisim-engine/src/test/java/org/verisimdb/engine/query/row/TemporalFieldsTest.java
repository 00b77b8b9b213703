package org.verisimdb.engine.query.row;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.TemporalFacet;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Value;

class TemporalFieldsTest {
  private static final Instant T1 = Instant.parse("2026-03-01T12:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-02T08:30:15.123456Z");
  private static final Instant T3 = Instant.parse("2026-03-03T09:00:00.5Z");
  private static final Instant VALID = Instant.parse("2019-05-14T00:00:00Z");

  /** The station at version 3: three version records, newest first, as the facet keeps them. */
  static Octad threeVersions() {
    Map<org.verisimdb.model.Modality, Facet> facets = new EnumMap<>(Station.facets());
    Map<org.verisimdb.model.Modality, String> hashes = ContentHash.modalityHashes(facets);
    String content = ContentHash.ofOctad(Station.ID, hashes);
    VersionRecord v1 = VersionRecord.create(1, T1, "field-team-2", "commissioned", null, null, hashes, content, Sha256.GENESIS);
    VersionRecord v2 = VersionRecord.create(2, T2, "lab-3-bot", "calibrated", "recalibrated", VALID, hashes, content, v1.versionHash());
    VersionRecord v3 = VersionRecord.create(3, T3, "curator-5", null, "typo", VALID, hashes, content, v2.versionHash());
    facets.put(org.verisimdb.model.Modality.TEMPORAL, new TemporalFacet(3, T1, T3, VALID, null, "typo", 3,
        new TreeSet<>(List.of("lab-3-bot", "field-team-2", "curator-5")), List.of(v3, v2, v1)));
    return new Octad(Station.ID, facets);
  }

  private static Value field(String name) {
    return Station.row(threeVersions()).field(Modality.TEMPORAL, List.of(name));
  }

  @Test
  void scalarFields() {
    assertThat(field("version")).isEqualTo(new Value.Int(3));
    assertThat(field("version_count")).isEqualTo(new Value.Int(3));
    assertThat(field("created_at")).isEqualTo(new Value.Time(T1.getEpochSecond(), 0));
    assertThat(field("modified_at")).isEqualTo(new Value.Time(T3.getEpochSecond(), 500_000));
    assertThat(field("valid_from")).isEqualTo(new Value.Time(VALID.getEpochSecond(), 0));
    assertThat(field("label")).isEqualTo(Value.NULL);
    assertThat(field("message")).isEqualTo(new Value.Str("typo"));
  }

  @Test
  void aFirstVersionWithoutBusinessTimeOrMessage() {
    OctadRow row = Station.row(Station.octad());
    assertThat(row.field(Modality.TEMPORAL, List.of("valid_from"))).isEqualTo(Value.NULL);
    assertThat(row.field(Modality.TEMPORAL, List.of("message"))).isEqualTo(Value.NULL);
    assertThat(row.field(Modality.TEMPORAL, List.of("label"))).isEqualTo(new Value.Str("commissioned"));
    assertThat(row.field(Modality.TEMPORAL, List.of("created_at"))).isEqualTo(row.field(Modality.TEMPORAL, List.of("modified_at")));
  }

  @Test
  void modifiedByIsSorted() {
    assertThat(ValueText.of(field("modified_by"))).isEqualTo("[\"curator-5\",\"field-team-2\",\"lab-3-bot\"]");
  }

  @Test
  void versionsAreNewestFirstInTheirSection7_6Form() {
    Value.Arr versions = (Value.Arr) field("versions");
    assertThat(versions.elements()).extracting(v -> ((Value.Obj) v).get("version"))
        .containsExactly(new Value.Int(3), new Value.Int(2), new Value.Int(1));
    Value.Obj v2 = (Value.Obj) versions.elements().get(1);
    assertThat(v2.members().keySet()).containsExactly("version", "committed_at", "actor", "label", "message", "valid_from",
        "modality_hashes", "content_hash", "parent_hash", "version_hash");
    VersionRecord record = threeVersions().temporal().versions().get(1);
    assertThat(v2.get("committed_at")).isEqualTo(new Value.Time(T2.getEpochSecond(), 123_456));
    assertThat(v2.get("actor")).isEqualTo(new Value.Str("lab-3-bot"));
    assertThat(v2.get("valid_from")).isEqualTo(new Value.Time(VALID.getEpochSecond(), 0));
    assertThat(v2.get("version_hash")).isEqualTo(new Value.Str(record.versionHash()));
    assertThat(v2.get("parent_hash")).isEqualTo(new Value.Str(record.parentHash()));
    assertThat(v2.get("content_hash")).isEqualTo(new Value.Str(record.contentHash()));
    Value.Obj hashes = (Value.Obj) v2.get("modality_hashes");
    assertThat(hashes.members().keySet()).containsExactly("graph", "vector", "tensor", "semantic", "document", "provenance", "spatial");
    assertThat(((Value.Obj) versions.elements().get(0)).get("label")).isEqualTo(Value.NULL);
  }

  @Test
  void theModalityObjectListsAtMostTheHistoryLimitOfNewestVersions() {
    Octad octad = threeVersions();
    Value.Obj all = (Value.Obj) new OctadRow(octad.id(), octad, Incoming.NONE).modality(Modality.TEMPORAL);
    assertThat(all.members().keySet()).containsExactly("version", "version_count", "created_at", "modified_at", "valid_from", "label",
        "message", "modified_by", "versions");
    assertThat(((Value.Arr) all.get("versions")).elements()).hasSize(3);

    Value.Obj two = (Value.Obj) new OctadRow(octad.id(), octad, Incoming.NONE, 2).modality(Modality.TEMPORAL);
    assertThat(((Value.Arr) two.get("versions")).elements()).extracting(v -> ((Value.Obj) v).get("version"))
        .containsExactly(new Value.Int(3), new Value.Int(2));
    assertThat(two.get("version_count")).isEqualTo(new Value.Int(3));

    OctadRow none = new OctadRow(octad.id(), octad, Incoming.NONE, 0);
    assertThat(((Value.Obj) none.modality(Modality.TEMPORAL)).get("versions")).isEqualTo(new Value.Arr(List.of()));
    // The field is not limited: it lists every record the octad was read with.
    assertThat(((Value.Arr) none.field(Modality.TEMPORAL, List.of("versions"))).elements()).hasSize(3);
  }
}
