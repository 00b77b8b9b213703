package org.verisimdb.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;

/**
 * Seeded randomized checks every backend must pass, against one TreeMap per keyspace: random
 * batches (stale and missing LSNs included) with reopens in the middle, and copies taken while
 * another thread writes. Replay a failure with {@code -Dtests.seed=<seed from the message>}.
 * Each backend has one short subclass saying how to open it.
 */
public abstract class StorageBackendPropertyContract {
  private static final List<Keyspace> SPACES = List.of(Keyspace.of("one"), Keyspace.of("two"), Keyspace.of("three"));
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] ALPHABET = {0x00, 0x41, 0x7f, (byte) 0x80, (byte) 0xff};

  @TempDir
  protected Path directory;

  /** Opens (or reopens) the backend under test on {@code directory}. */
  protected abstract StorageBackend open(Path directory);

  /** Opens what {@link StorageBackend#copyTo} wrote; by default the same as {@link #open}. */
  protected StorageBackend openCopy(Path directory) {
    return open(directory);
  }

  @Test
  void agreesWithTreeMapsUnderRandomBatchesAndReopens() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    Map<Keyspace, NavigableMap<byte[], byte[]>> model = new HashMap<>();
    SPACES.forEach(space -> model.put(space, new TreeMap<>(Keys.ORDER)));
    long expectedLsn = 0;
    long lastLsn = 0;
    StorageBackend backend = open(directory);
    try {
      for (int op = 0; op < 3_000; op++) {
        if (op > 0 && op % 1_000 == 0 && backend.durable()) {
          backend.sync();
          backend.close();
          backend = open(directory);
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
          checkRanges(backend, model, random, "seed=" + seed + " op=" + op);
        }
      }
      try (ReadView snapshot = backend.snapshot()) {
        assertThat(snapshot.appliedLsn()).as("seed=%d", seed).isEqualTo(expectedLsn);
        checkAll(snapshot, model, "seed=" + seed + " snapshot at the end");
      }
    } finally {
      backend.close();
    }
  }

  @Test
  void copiesTakenWhileAnotherThreadWritesHoldExactlyTheBatchesUpToTheirLsn(@TempDir Path copies) throws Exception {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    List<Long> lsns = new ArrayList<>();
    try (StorageBackend backend = open(directory)) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread writer = Thread.ofPlatform().name("contract-copy-writer").start(() -> {
        try {
          for (long lsn = 1; !stop.get(); lsn++) {
            backend.apply(numbered(seed, lsn));
          }
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      try {
        long last = 0;
        for (int c = 0; c < 4; c++) {
          waitUntilApplied(backend, last + 200, failure); // so each copy lands between different batches
          last = backend.copyTo(copies.resolve("copy-" + c));
          lsns.add(last);
        }
      } finally {
        stop.set(true);
        writer.join();
      }
      assertThat(failure.get()).as("seed=%d writer", seed).isNull();
      checkAll(backend, replay(seed, backend.appliedLsn()), "seed=" + seed + " the original");
    }
    assertThat(lsns).as("seed=%d copy LSNs", seed).isSorted().doesNotHaveDuplicates();
    for (int c = 0; c < lsns.size(); c++) {
      long lsn = lsns.get(c);
      try (StorageBackend copy = openCopy(copies.resolve("copy-" + c))) {
        assertThat(copy.appliedLsn()).as("seed=%d copy %d", seed, c).isEqualTo(lsn);
        checkAll(copy, replay(seed, lsn), "seed=" + seed + " copy " + c + " at LSN " + lsn);
      }
    }
  }

  /** Batch {@code lsn} of the copy test: a function of the seed and the LSN only, so any prefix can be replayed. */
  private static WriteBatch numbered(long seed, long lsn) {
    Random random = new Random(seed * 31 + lsn);
    WriteBatch batch = new WriteBatch(lsn);
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      Keyspace space = SPACES.get(random.nextInt(SPACES.size()));
      byte[] key = ("k" + random.nextInt(300)).getBytes();
      if (random.nextInt(4) == 0) {
        batch.delete(space, key);
      } else {
        batch.put(space, key, ("v" + lsn).getBytes());
      }
    }
    return batch;
  }

  private static Map<Keyspace, NavigableMap<byte[], byte[]>> replay(long seed, long upTo) {
    Map<Keyspace, NavigableMap<byte[], byte[]>> model = new HashMap<>();
    SPACES.forEach(space -> model.put(space, new TreeMap<>(Keys.ORDER)));
    for (long lsn = 1; lsn <= upTo; lsn++) {
      for (WriteBatch.Op op : numbered(seed, lsn).ops()) {
        switch (op) {
          case WriteBatch.Op.Put put -> model.get(put.space()).put(put.key(), put.value());
          case WriteBatch.Op.Delete delete -> model.get(delete.space()).remove(delete.key());
        }
      }
    }
    return model;
  }

  private static void waitUntilApplied(StorageBackend backend, long lsn, AtomicReference<Throwable> failure) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // only catches a hang
    while (backend.appliedLsn() < lsn) {
      if (failure.get() != null || System.nanoTime() > deadline) {
        fail("the writer stopped before LSN " + lsn, failure.get());
      }
      Thread.sleep(1);
    }
  }

  private static void checkRanges(ReadView view, Map<Keyspace, NavigableMap<byte[], byte[]>> model, Random random, String at) {
    for (Keyspace space : SPACES) {
      NavigableMap<byte[], byte[]> expected = model.get(space);
      byte[] from = random.nextInt(5) == 0 ? null : key(random);
      byte[] to = random.nextInt(5) == 0 ? null : key(random);
      NavigableMap<byte[], byte[]> range;
      if (from != null && to != null && Keys.ORDER.compare(from, to) >= 0) {
        range = new TreeMap<>(Keys.ORDER);
      } else {
        range = from == null ? expected : expected.tailMap(from, true);
        range = to == null ? range : range.headMap(to, false);
      }
      assertThat(entries(view.scan(space, from, to))).as("%s scan %s [%s, %s)", at, space, hex(from), hex(to))
          .containsExactlyElementsOf(entries(range));
      byte[] prefix = {ALPHABET[random.nextInt(ALPHABET.length)]};
      byte[] end = Keys.prefixEnd(prefix);
      NavigableMap<byte[], byte[]> prefixed = end == null ? expected.tailMap(prefix, true) : expected.subMap(prefix, true, end, false);
      assertThat(entries(view.scanPrefix(space, prefix))).as("%s prefix %s %s", at, space, hex(prefix))
          .containsExactlyElementsOf(entries(prefixed));
    }
  }

  private static void checkAll(ReadView view, Map<Keyspace, NavigableMap<byte[], byte[]>> model, String at) {
    for (Keyspace space : SPACES) {
      assertThat(entries(view.scan(space, null, null))).as("%s all of %s", at, space).containsExactlyElementsOf(entries(model.get(space)));
    }
  }

  // Short keys over a few bytes, among them 0x00 and 0xFF, so that prefixes and signedness matter.
  private static byte[] key(Random random) {
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
        entries.add(HEX.formatHex(cursor.key()) + "=" + HEX.formatHex(cursor.value()));
      }
    }
    return entries;
  }

  private static List<String> entries(NavigableMap<byte[], byte[]> map) {
    List<String> entries = new ArrayList<>();
    map.forEach((k, v) -> entries.add(HEX.formatHex(k) + "=" + HEX.formatHex(v)));
    return entries;
  }

  private static String hex(byte[] bytes) {
    return bytes == null ? "open" : HEX.formatHex(bytes);
  }
}
