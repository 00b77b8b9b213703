package org.verisimdb.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.WriteBatch;

/** Random batches applied to the backend and to a TreeMap; every read must agree. */
class MemoryBackendPropertyTest {
  private static final Keyspace SPACE = Keyspace.of("data");

  @Test
  void agreesWithATreeMapUnderRandomBatches() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    MemoryBackend backend = new MemoryBackend();
    TreeMap<String, String> model = new TreeMap<>();
    for (int op = 0; op < 3_000; op++) {
      WriteBatch batch = new WriteBatch(op + 1);
      int size = 1 + random.nextInt(5);
      for (int i = 0; i < size; i++) {
        String key = "k" + random.nextInt(300);
        if (random.nextInt(3) > 0) {
          String value = "v" + op + "." + i;
          batch.put(SPACE, bytes(key), bytes(value));
          model.put(key, value);
        } else {
          batch.delete(SPACE, bytes(key));
          model.remove(key);
        }
      }
      backend.apply(batch);
      String probe = "k" + random.nextInt(300);
      byte[] got = backend.get(SPACE, bytes(probe));
      assertThat(got == null ? null : new String(got, StandardCharsets.UTF_8)).as("seed=%d op=%d key=%s", seed, op, probe).isEqualTo(model.get(probe));
      if (op % 100 == 0) {
        String from = "k" + random.nextInt(300);
        String to = "k" + random.nextInt(300);
        assertThat(scan(backend, from, to)).as("seed=%d op=%d scan %s..%s", seed, op, from, to)
            .isEqualTo(from.compareTo(to) < 0 ? new ArrayList<>(model.subMap(from, to).entrySet().stream().map(Map.Entry::getKey).toList()) : List.of());
      }
    }
    assertThat(backend.size(SPACE)).as("seed=%d", seed).isEqualTo(model.size());
    assertThat(backend.appliedLsn()).isEqualTo(3_000);
  }

  private static List<String> scan(MemoryBackend backend, String from, String to) {
    List<String> keys = new ArrayList<>();
    try (Cursor cursor = backend.scan(SPACE, bytes(from), bytes(to))) {
      while (cursor.next()) {
        keys.add(new String(cursor.key(), StandardCharsets.UTF_8));
      }
    }
    return keys;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
