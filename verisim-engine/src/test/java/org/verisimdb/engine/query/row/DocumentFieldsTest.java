package org.verisimdb.engine.query.row;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Value;

class DocumentFieldsTest {
  private static final OctadRow ROW = Station.row(Station.with(Station.document(Map.of(
      "title", org.verisimdb.model.value.Value.of("Tide gauge 42"),
      "body", org.verisimdb.model.value.Value.of("Measures the tide."),
      "installed", org.verisimdb.model.value.Value.of("2019-05-14T00:00:00Z"),
      "sensors", org.verisimdb.model.value.Value.of(3),
      "elevation_m", org.verisimdb.model.value.Value.of(12.5),
      "active", org.verisimdb.model.value.Value.of(true),
      "venue.city", org.verisimdb.model.value.Value.of("Trondheim")))));

  private static Value field(String... path) {
    return ROW.field(Modality.DOCUMENT, List.of(path));
  }

  @Test
  void everyFieldHasItsStoredType() {
    assertThat(field("title")).isEqualTo(new Value.Str("Tide gauge 42"));
    assertThat(field("body")).isEqualTo(new Value.Str("Measures the tide."));
    assertThat(field("sensors")).isEqualTo(new Value.Int(3));
    assertThat(field("elevation_m")).isEqualTo(new Value.Flt(12.5));
    assertThat(field("active")).isEqualTo(Value.TRUE);
  }

  @Test
  void aStoredTimestampIsItsCanonicalString() {
    assertThat(field("installed")).isEqualTo(new Value.Str("2019-05-14T00:00:00Z"));
  }

  @Test
  void aDottedReferenceNamesTheDottedField() {
    assertThat(field("venue", "city")).isEqualTo(new Value.Str("Trondheim"));
    assertThat(field("venue")).isEqualTo(Value.NULL);
  }

  @Test
  void anAbsentFieldIsNull() {
    assertThat(field("subtitle")).isEqualTo(Value.NULL);
    assertThat(Station.row(Station.with(Station.document(Map.of("kind", org.verisimdb.model.value.Value.of("x")))))
        .field(Modality.DOCUMENT, List.of("title"))).isEqualTo(Value.NULL);
  }

  @Test
  void theModalityObjectHoldsEveryFieldInKeyOrder() {
    Value.Obj document = (Value.Obj) ROW.modality(Modality.DOCUMENT);
    assertThat(document.members().keySet())
        .containsExactly("active", "body", "elevation_m", "installed", "sensors", "title", "venue.city");
    assertThat(document.get("venue.city")).isEqualTo(new Value.Str("Trondheim"));
  }
}
