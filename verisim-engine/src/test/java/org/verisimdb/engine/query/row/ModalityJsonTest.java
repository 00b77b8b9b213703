package org.verisimdb.engine.query.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Octad;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Value;

/** The whole-modality objects of the {@code SELECT *} example in VQL.md §9.3: members, their order, their values. */
class ModalityJsonTest {
  private static final Octad OCTAD = Station.octad();
  private static final OctadRow ROW = Station.row(OCTAD);

  private static String json(Modality m) {
    return ValueText.of(ROW.modality(m));
  }

  @Test
  void graph() {
    assertThat(json(Modality.GRAPH)).isEqualTo("{\"edges\":[{\"predicate\":\"CALIBRATED_BY\",\"target\":\"lab-3\"},"
        + "{\"predicate\":\"PART_OF\",\"target\":\"network-7\"}],\"out_degree\":2,\"in_degree\":0}");
  }

  @Test
  void vector() {
    Value.Obj vector = (Value.Obj) ROW.modality(Modality.VECTOR);
    assertThat(vector.members().keySet()).containsExactly("embedding", "model", "dimension", "norm");
    assertThat(ValueText.of(vector.get("embedding"))).isEqualTo("[0.02,0.11,-0.37,0.9]");
    assertThat(vector.get("model")).isEqualTo(Value.NULL);
    assertThat(vector.get("dimension")).isEqualTo(new Value.Int(4));
    assertThat(((Value.Flt) vector.get("norm")).value()).isCloseTo(0.9795, within(0.00005));
  }

  @Test
  void tensor() {
    assertThat(json(Modality.TENSOR)).isEqualTo("{\"shape\":[2,3],\"dtype\":\"int32\",\"data\":[1,2,3,4,5,6],\"rank\":2,\"size\":6,"
        + "\"mean\":3.5,\"std\":" + Math.sqrt(17.5 / 6) + ",\"min\":1.0,\"max\":6.0}");
  }

  @Test
  void semantic() {
    assertThat(json(Modality.SEMANTIC))
        .isEqualTo("{\"types\":[\"Sensor\",\"TideGauge\"],\"properties\":{\"owner\":\"coastal-agency\"},\"proofs\":[],\"seals\":[]}");
  }

  @Test
  void documentMembersAreItsFieldsInKeyOrder() {
    assertThat(json(Modality.DOCUMENT))
        .isEqualTo("{\"installed\":\"2019-05-14T00:00:00Z\",\"kind\":\"station\",\"title\":\"Tide gauge 42\"}");
  }

  @Test
  void temporal() {
    Value.Obj temporal = (Value.Obj) ROW.modality(Modality.TEMPORAL);
    assertThat(temporal.members().keySet()).containsExactly("version", "version_count", "created_at", "modified_at", "valid_from",
        "label", "message", "modified_by", "versions");
    assertThat(json(Modality.TEMPORAL)).startsWith("{\"version\":1,\"version_count\":1,\"created_at\":\"2026-03-01T12:00:00Z\","
        + "\"modified_at\":\"2026-03-01T12:00:00Z\",\"valid_from\":null,\"label\":\"commissioned\",\"message\":null,"
        + "\"modified_by\":[\"field-team-2\"],\"versions\":[{\"version\":1,\"committed_at\":\"2026-03-01T12:00:00Z\","
        + "\"actor\":\"field-team-2\",");
    assertThat(temporal.get("created_at")).isInstanceOf(Value.Time.class);
  }

  @Test
  void provenance() {
    String head = OCTAD.provenance().orElseThrow().headHash();
    assertThat(json(Modality.PROVENANCE)).startsWith("{\"chain_length\":2,\"chain_valid\":true,\"head_hash\":\"" + head + "\","
        + "\"origin\":\"survey-2019.csv\",\"records\":[{\"actor\":\"field-team-2\",\"description\":null,\"event_type\":\"created\",");
  }

  @Test
  void spatial() {
    assertThat(json(Modality.SPATIAL)).isEqualTo("{\"lat\":63.4305,\"lon\":10.3951,\"alt\":null,\"srid\":4326,"
        + "\"geometry_type\":\"Point\",\"wkt\":\"POINT (10.3951 63.4305)\",\"properties\":{}}");
  }

  @Test
  void aModalityObjectAgreesWithItsFields() {
    for (Modality m : Modality.values()) {
      Value.Obj object = (Value.Obj) ROW.modality(m);
      object.members().forEach((name, value) -> {
        if (!(m == Modality.TEMPORAL && name.equals("versions"))) {
          assertThat(value).as("%s.%s", m, name).isEqualTo(ROW.field(m, List.of(name)));
        }
      });
    }
  }
}
