package org.verisimdb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

class TimestampsTest {

  @ParameterizedTest
  @CsvSource({
      "2026-03-01T12:00:00Z,2026-03-01T12:00:00Z",
      "2026-03-01T12:00:00.100Z,2026-03-01T12:00:00.1Z",
      "2026-03-01T12:00:00.000001Z,2026-03-01T12:00:00.000001Z",
      "2026-03-01T12:00:00.000000999Z,2026-03-01T12:00:00Z",
      "0001-01-01T00:00:00Z,0001-01-01T00:00:00Z"})
  void formatsCanonically(String instant, String text) {
    assertThat(Timestamps.format(Instant.parse(instant))).isEqualTo(text);
  }

  @Test
  void parsesOffsetsIntoUtc() {
    assertThat(Timestamps.parse("2026-03-01T14:00:00+02:00", ErrorCode.INVALID_ARGUMENT, "t")).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    assertThatThrownBy(() -> Timestamps.parse("yesterday", ErrorCode.INVALID_TEMPORAL, "t"))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEMPORAL));
  }

  @Test
  void rejectsYearsOutsideFourDigits() {
    assertThatThrownBy(() -> Timestamps.require(Instant.parse("+10000-01-01T00:00:00Z"), ErrorCode.INVALID_TEMPORAL, "t", "time"))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEMPORAL));
  }
}
