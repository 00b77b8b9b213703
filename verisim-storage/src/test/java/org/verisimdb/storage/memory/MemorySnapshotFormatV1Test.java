package org.verisimdb.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;

class MemorySnapshotFormatV1Test {
  @TempDir
  Path dir;

  @Test
  void aWrittenSnapshotReadsBackExactly() {
    Map<Keyspace, NavigableMap<byte[], byte[]>> spaces = randomState(new Random(11), 400);
    MemorySnapshotFormatV1.write(dir, spaces, 1234);
    MemorySnapshotFormatV1.State state = MemorySnapshotFormatV1.read(dir);
    assertThat(state.appliedLsn()).isEqualTo(1234);
    assertThat(state.spaces().keySet()).isEqualTo(spaces.keySet());
    spaces.forEach((space, map) -> {
      NavigableMap<byte[], byte[]> read = state.spaces().get(space);
      assertThat(read).hasSameSizeAs(map);
      map.forEach((k, v) -> assertThat(read.get(k)).isEqualTo(v));
    });
  }

  @Test
  void noFileIsAnEmptyState() {
    MemorySnapshotFormatV1.State state = MemorySnapshotFormatV1.read(dir);
    assertThat(state.spaces()).isEmpty();
    assertThat(state.appliedLsn()).isZero();
  }

  @Test
  void everyFlippedByteAndEveryTruncationIsReportedAsCorrupt() throws Exception {
    MemorySnapshotFormatV1.write(dir, randomState(new Random(12), 8), 9);
    Path file = dir.resolve(MemorySnapshotFormatV1.FILE);
    byte[] good = Files.readAllBytes(file);
    Random random = new Random(13);
    for (int at = 0; at < good.length; at++) {
      byte[] bad = good.clone();
      bad[at] ^= (byte) (1 + random.nextInt(255));
      Files.write(file, bad);
      assertCorrupt("byte " + at + " changed");
    }
    for (int length = 0; length < good.length; length++) {
      Files.write(file, java.util.Arrays.copyOf(good, length));
      assertCorrupt("cut to " + length + " bytes");
    }
    byte[] longer = java.util.Arrays.copyOf(good, good.length + 3);
    Files.write(file, longer);
    assertCorrupt("3 bytes appended");
  }

  private void assertCorrupt(String what) {
    assertThatThrownBy(() -> MemorySnapshotFormatV1.read(dir)).as(what)
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT));
  }

  private static Map<Keyspace, NavigableMap<byte[], byte[]>> randomState(Random random, int entries) {
    Map<Keyspace, NavigableMap<byte[], byte[]>> spaces = new TreeMap<>(java.util.Comparator.comparing(Keyspace::name));
    for (String name : new String[] {"alpha", "beta", "empty_values"}) {
      NavigableMap<byte[], byte[]> map = new TreeMap<>(Keys.ORDER);
      for (int i = 0; i < entries; i++) {
        byte[] key = new byte[1 + random.nextInt(20)];
        random.nextBytes(key);
        byte[] value = new byte[name.equals("empty_values") ? 0 : random.nextInt(300)];
        random.nextBytes(value);
        map.put(key, value);
      }
      spaces.put(Keyspace.of(name), map);
    }
    return spaces;
  }
}
