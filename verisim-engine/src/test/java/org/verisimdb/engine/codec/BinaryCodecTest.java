package org.verisimdb.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.Sha256;

class BinaryCodecTest {

  @Property
  void primitivesRoundTrip(@ForAll long l, @ForAll int i, @ForAll double d, @ForAll String s, @ForAll byte[] b) {
    byte[] bytes = new BinaryWriter().varint(l).svarint(l).i64(l).i32(i).f64(d).string(s.replace('\ud800', 'x')).bytes(b).optString(null)
        .toByteArray();
    BinaryReader in = new BinaryReader(bytes, "test");
    assertThat(in.varint()).isEqualTo(l);
    assertThat(in.svarint()).isEqualTo(l);
    assertThat(in.i64()).isEqualTo(l);
    assertThat(in.i32()).isEqualTo(i);
    assertThat(Double.doubleToRawLongBits(in.f64())).isEqualTo(Double.doubleToRawLongBits(d));
    in.string();
    assertThat(in.bytes()).isEqualTo(b);
    assertThat(in.optString()).isNull();
    in.end();
  }

  @Test
  void varintsAreLeb128() {
    assertThat(new BinaryWriter().varint(300).toByteArray()).containsExactly(0xAC, 0x02);
    assertThat(new BinaryWriter().svarint(-1).toByteArray()).containsExactly(1);
    assertThat(new BinaryWriter().varint(-1).toByteArray()).hasSize(10);
  }

  @Test
  void instantsKeepMicrosecondsAndDatesBeforeTheEpoch() {
    Instant before = Instant.parse("1969-12-31T23:59:59.999999Z");
    Instant ancient = Instant.parse("0001-01-01T00:00:00Z");
    BinaryReader in = new BinaryReader(new BinaryWriter().instant(before).instant(ancient).hash(Sha256.GENESIS).toByteArray(), "t");
    assertThat(in.instant()).isEqualTo(before);
    assertThat(in.instant()).isEqualTo(ancient);
    assertThat(in.hash()).isEqualTo(Sha256.GENESIS);
  }

  @Test
  void readingPastTheEndIsCorruption() {
    BinaryReader in = new BinaryReader(new byte[] {(byte) 0x80}, "header of octad x");
    assertThatThrownBy(in::varint).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
      assertThat(e.getMessage()).contains("header of octad x").contains("byte 1 of 1");
    });
    assertThatThrownBy(() -> new BinaryReader(new byte[] {5, 'a'}, "t").string()).isInstanceOf(VeriSimException.class);
    assertThatThrownBy(() -> new BinaryReader(new byte[] {2, (byte) 0xc3, 0x28}, "t").string()).hasMessageContaining("invalid UTF-8");
  }
}
