package org.verisimdb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeysTest {

  @Test
  void prefixEndIncrementsTheLastByteThatCan() {
    assertThat(Keys.prefixEnd(new byte[] {1, 2})).containsExactly(1, 3);
    assertThat(Keys.prefixEnd(new byte[] {1, (byte) 0xff})).containsExactly(2);
    assertThat(Keys.prefixEnd(new byte[] {(byte) 0xff, (byte) 0xff})).isNull();
    assertThat(Keys.prefixEnd(new byte[0])).isNull();
  }

  @Test
  void orderIsUnsigned() {
    assertThat(Keys.ORDER.compare(new byte[] {(byte) 0x80}, new byte[] {0x7f})).isPositive();
    assertThat(Keys.ORDER.compare(new byte[] {1}, new byte[] {1, 0})).isNegative();
  }

  @Test
  void startsWith() {
    assertThat(Keys.startsWith(new byte[] {1, 2, 3}, new byte[] {1, 2})).isTrue();
    assertThat(Keys.startsWith(new byte[] {1}, new byte[] {1, 2})).isFalse();
  }
}
