package org.verisimdb.storage.lmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.WriteBatch;

/**
 * Random batches over several keyspaces, applied to the backend and to one TreeMap per keyspace,
 * with reopens in the middle; every get, range scan, prefix scan and LSN must agree. Replay a
 * failure with {@code -Dtests.seed=<seed from the message>}.
 */
class LmdbBackendPropertyTest {
  private static final List<Keyspace> SPACES = List.of(Keyspace.of("one"), Keyspace.of("two"), Keyspace.of("three"));
  private static final int BATCHES = 4_000;
  private static final HexFormat HEX = HexFormat.of();

  @TempDir
  Path directory;

  @Test
  void agreesWithTreeMapsUnderRandomBatchesAndReopens() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    Map<Keyspace, NavigableMap<byte[], byte[]>> model = new java.util.HashMap<>();
    SPACES.forEach(space -> model.put(space, new TreeMap<>(Keys.ORDER)));
    long expectedLsn = 0;
    long lastLsn = 0;
    LmdbBackend backend = LmdbBackend.open(directory);
    try {
      for (int op = 0; op < BATCHES; op++) {
        if (op > 0 && op % 1_000 == 0) {
          if (random.nextBoolean()) {
            backend.sync();
          }
          backend.close();
          backend = LmdbBackend.open(directory);
          assertThat(backend.appliedLsn()).as("seed=%d op=%d LSN after reopen", seed, op).isEqualTo(expectedLsn);
        }
        // Mostly rising LSNs, some batches without one and some with a stale one: the LSN never falls.
        int kind = random.nextInt(10);
        long lsn = kind == 0 ? 0 : kind == 1 ? Math.max(0, lastLsn - random.nextInt(5)) : ++lastLsn;
        WriteBatch batch = new WriteBatch(lsn);
        for (int i = random.nextInt(8); i > 0; i--) {
          Keyspace space = SPACES.get(random.nextInt(SPACES.size()));
          byte[] key = key(random);
          if (random.nextInt(3) > 0) {
            byte[] value = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(300)];
            random.nextBytes(value);
            batch.put(space, key, value);
            model.get(space).put(key, value);
          } else {
            batch.delete(space, key);
            model.get(space).remove(key);
          }
        }
        backend.apply(batch);
        expectedLsn = Math.max(expectedLsn, lsn);
        assertThat(backend.appliedLsn()).as("seed=%d op=%d", seed, op).isEqualTo(expectedLsn);

        Keyspace space = SPACES.get(random.nextInt(SPACES.size()));
        byte[] probe = key(random);
        assertThat(backend.get(space, probe)).as("seed=%d op=%d get %s %s", seed, op, space, HEX.formatHex(probe))
            .isEqualTo(model.get(space).get(probe));
        if (op % 25 == 0) {
          checkRanges(backend, model, random, seed, op);
        }
      }
      for (Keyspace space : SPACES) {
        assertThat(entries(backend.scan(space, null, null))).as("seed=%d %s in full", seed, space)
            .containsExactlyElementsOf(entries(model.get(space)));
      }
      try (ReadView snapshot = backend.snapshot()) {
        assertThat(snapshot.appliedLsn()).as("seed=%d", seed).isEqualTo(expectedLsn);
        checkRanges(snapshot, model, random, seed, BATCHES);
      }
    } finally {
      backend.close();
    }
  }

  private static void checkRanges(ReadView view, Map<Keyspace, NavigableMap<byte[], byte[]>> model, Random random, long seed, int op) {
    for (Keyspace space : SPACES) {
      NavigableMap<byte[], byte[]> expected = model.get(space);
      byte[] from = random.nextInt(5) == 0 ? null : key(random);
      byte[] to = random.nextInt(5) == 0 ? null : key(random);
      NavigableMap<byte[], byte[]> range = expected;
      if (from != null && to != null && Keys.ORDER.compare(from, to) >= 0) {
        range = new TreeMap<>(Keys.ORDER);
      } else {
        range = from == null ? range : range.tailMap(from, true);
        range = to == null ? range : range.headMap(to, false);
      }
      assertThat(entries(view.scan(space, from, to))).as("seed=%d op=%d scan %s [%s, %s)", seed, op, space, hex(from), hex(to))
          .containsExactlyElementsOf(entries(range));
      byte[] prefix = new byte[] {alphabet(random)};
      byte[] end = Keys.prefixEnd(prefix);
      NavigableMap<byte[], byte[]> prefixed = end == null ? expected.tailMap(prefix, true) : expected.subMap(prefix, true, end, false);
      assertThat(entries(view.scanPrefix(space, prefix))).as("seed=%d op=%d prefix %s %s", seed, op, space, hex(prefix))
          .containsExactlyElementsOf(entries(prefixed));
    }
  }

  // Short keys over a few bytes, among them 0x00 and 0xFF, so that prefixes and signedness matter.
  private static byte[] key(Random random) {
    byte[] key = new byte[1 + random.nextInt(3)];
    for (int i = 0; i < key.length; i++) {
      key[i] = alphabet(random);
    }
    return key;
  }

  private static byte alphabet(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> 0x00;
      case 1 -> 0x41;
      case 2 -> 0x7f;
      case 3 -> (byte) 0x80;
      default -> (byte) 0xff;
    };
  }

  private static List<String> entries(Cursor cursor) {
    List<String> entries = new ArrayList<>();
    try (cursor) {
      while (cursor.next()) {
        entries.add(HEX.formatHex(cursor.key()) + "=" + HEX.formatHex(cursor.value()));
      }
    }
    return entries;
  }

  private static List<String> entries(NavigableMap<byte[], byte[]> map) {
    return map.entrySet().stream().map(e -> HEX.formatHex(e.getKey()) + "=" + HEX.formatHex(e.getValue())).toList();
  }

  private static String hex(byte[] bytes) {
    return bytes == null ? "open" : HEX.formatHex(bytes);
  }
}
