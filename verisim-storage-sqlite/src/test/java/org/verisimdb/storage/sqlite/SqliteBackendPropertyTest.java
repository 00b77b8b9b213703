package org.verisimdb.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.WriteBatch;

/**
 * Thousands of random batches over several keyspaces, checked against one {@link TreeMap} per
 * keyspace, with reopens in the middle. Replay a failure with {@code -Dtests.seed=<seed>}.
 */
class SqliteBackendPropertyTest {
  private static final List<Keyspace> SPACES = List.of(Keyspace.of("alpha"), Keyspace.of("beta"), Keyspace.of("gamma"));
  // Bytes around the signed/unsigned boundary and the ends, so ordering mistakes show.
  private static final byte[] ALPHABET = {0x00, 0x01, 0x61, 0x62, 0x7f, (byte) 0x80, (byte) 0xfe, (byte) 0xff};
  private static final int BATCHES = 3_000;

  @TempDir
  Path directory;
  SqliteBackend backend;

  @AfterEach
  void closeBackend() {
    if (backend != null) {
      backend.close();
    }
  }

  @Test
  void agreesWithTreeMapsUnderRandomBatchesAndReopens() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    Map<Keyspace, NavigableMap<byte[], byte[]>> model = new HashMap<>();
    for (Keyspace space : SPACES) {
      model.put(space, new TreeMap<>(Keys.ORDER));
    }
    backend = SqliteBackend.open(directory, new SqliteSettings(4, 2));
    long nextLsn = 1;
    long appliedLsn = 0;
    for (int op = 0; op < BATCHES; op++) {
      if (op == BATCHES / 2 || op == BATCHES * 3 / 4) {
        if (op == BATCHES * 3 / 4) {
          backend.sync();
        }
        backend.close();
        backend = SqliteBackend.open(directory, new SqliteSettings(4, 2));
        assertThat(backend.appliedLsn()).as("seed=%d op=%d after reopen", seed, op).isEqualTo(appliedLsn);
      }
      long lsn = switch (random.nextInt(10)) {
        case 0 -> 0; // replay's batches without an LSN
        case 1 -> 1 + random.nextInt((int) nextLsn); // an LSN not above the applied one leaves it
        default -> nextLsn++;
      };
      WriteBatch batch = new WriteBatch(lsn);
      for (int i = random.nextInt(7); i > 0; i--) {
        Keyspace space = SPACES.get(random.nextInt(SPACES.size()));
        byte[] key = randomKey(random);
        if (random.nextInt(3) > 0) {
          byte[] value = new byte[random.nextInt(24)];
          random.nextBytes(value);
          batch.put(space, key, value);
          model.get(space).put(key, value);
        } else {
          batch.delete(space, key);
          model.get(space).remove(key);
        }
      }
      backend.apply(batch);
      appliedLsn = Math.max(appliedLsn, lsn);
      assertThat(backend.appliedLsn()).as("seed=%d op=%d", seed, op).isEqualTo(appliedLsn);
      for (int probe = 0; probe < 2; probe++) {
        Keyspace space = SPACES.get(random.nextInt(SPACES.size()));
        byte[] key = randomKey(random);
        assertThat(hex(backend.get(space, key))).as("seed=%d op=%d get %s %s", seed, op, space, hex(key))
            .isEqualTo(hex(model.get(space).get(key)));
      }
      if (op % 100 == 0) {
        checkScans(random, model, seed, op);
      }
    }
    backend.close();
    backend = SqliteBackend.open(directory);
    assertThat(backend.appliedLsn()).as("seed=%d at the end", seed).isEqualTo(appliedLsn);
    checkScans(random, model, seed, BATCHES);
  }

  private void checkScans(Random random, Map<Keyspace, NavigableMap<byte[], byte[]>> model, long seed, int op) {
    for (Keyspace space : SPACES) {
      NavigableMap<byte[], byte[]> expected = model.get(space);
      assertThat(entries(backend.scan(space, null, null))).as("seed=%d op=%d full scan of %s", seed, op, space)
          .isEqualTo(entries(expected));
      for (int i = 0; i < 4; i++) {
        byte[] from = random.nextInt(4) == 0 ? null : randomKey(random);
        byte[] to = random.nextInt(4) == 0 ? null : randomKey(random);
        assertThat(entries(backend.scan(space, from, to))).as("seed=%d op=%d scan %s [%s, %s)", seed, op, space, hex(from), hex(to))
            .isEqualTo(entries(range(expected, from, to)));
      }
      byte[] prefix = {ALPHABET[random.nextInt(ALPHABET.length)]};
      assertThat(entries(backend.scanPrefix(space, prefix))).as("seed=%d op=%d prefix %s of %s", seed, op, hex(prefix), space)
          .isEqualTo(entries(range(expected, prefix, Keys.prefixEnd(prefix))));
    }
  }

  private static NavigableMap<byte[], byte[]> range(NavigableMap<byte[], byte[]> map, byte[] from, byte[] to) {
    if (from != null && to != null) {
      return Keys.ORDER.compare(from, to) >= 0 ? new TreeMap<>(Keys.ORDER) : map.subMap(from, true, to, false);
    }
    if (from != null) {
      return map.tailMap(from, true);
    }
    return to != null ? map.headMap(to, false) : map;
  }

  private static byte[] randomKey(Random random) {
    byte[] key = new byte[1 + random.nextInt(3)];
    for (int i = 0; i < key.length; i++) {
      key[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return key;
  }

  private static List<String> entries(Cursor cursor) {
    List<String> entries = new ArrayList<>();
    try (cursor) {
      while (cursor.next()) {
        entries.add(hex(cursor.key()) + "=" + hex(cursor.value()));
      }
    }
    return entries;
  }

  private static List<String> entries(NavigableMap<byte[], byte[]> map) {
    List<String> entries = new ArrayList<>();
    map.forEach((key, value) -> entries.add(hex(key) + "=" + hex(value)));
    return entries;
  }

  private static String hex(byte[] bytes) {
    return bytes == null ? null : HexFormat.of().formatHex(bytes);
  }
}
