package org.verisimdb.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;

/** Random batches against a model; -Dtests.seed=… replays a failure. */
class RocksDbBackendPropertyTest {
  private static final List<Keyspace> SPACES = List.of(Keyspace.of("alpha"), Keyspace.of("beta"), Keyspace.of("gamma"), Keyspace.of("delta"));
  // Bytes either side of the signed/unsigned boundary, so any signed comparison shows.
  private static final byte[] ALPHABET = {0x00, 0x01, 0x41, 0x7f, (byte) 0x80, (byte) 0xfe, (byte) 0xff};
  private static final int BATCHES = 4_000;

  @TempDir
  Path directory;

  @Test
  void agreesWithTreeMapsAcrossKeyspacesReopensAndSnapshots() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    Map<Keyspace, TreeMap<byte[], byte[]>> model = new HashMap<>();
    long nextLsn = 0;
    long modelLsn = 0;
    ReadView snapshot = null;
    Map<Keyspace, TreeMap<byte[], byte[]>> snapshotModel = null;
    long snapshotLsn = 0;
    StorageBackend backend = RocksDbBackend.open(directory);
    try {
      for (int b = 0; b < BATCHES; b++) {
        long lsn = random.nextInt(10) == 0 ? 0 : ++nextLsn; // a tenth carry no LSN, as in parallel replay
        WriteBatch batch = new WriteBatch(lsn);
        for (int i = random.nextInt(7); i > 0; i--) { // sometimes empty
          Keyspace space = SPACES.get(random.nextInt(SPACES.size()));
          if (random.nextInt(10) < 7) {
            batch.put(space, randomKey(random), randomValue(random));
          } else {
            batch.delete(space, randomKey(random));
          }
        }
        backend.apply(batch);
        Model.apply(model, batch);
        modelLsn = Math.max(modelLsn, lsn);
        String at = "seed=" + seed + " batch=" + b;
        assertThat(backend.appliedLsn()).as(at).isEqualTo(modelLsn);

        Keyspace probed = SPACES.get(random.nextInt(SPACES.size()));
        byte[] probe = randomKey(random);
        assertThat(Entries.hex(backend.get(probed, probe))).as("%s get %s %s", at, probed, Entries.hex(probe))
            .isEqualTo(Entries.hex(space(model, probed).get(probe)));
        if (b % 97 == 0) {
          checkRandomRanges(backend, model, random, at);
        }
        if (b % 500 == 250) {
          snapshot = backend.snapshot();
          snapshotModel = Model.copy(model);
          snapshotLsn = modelLsn;
        } else if (snapshot != null && b % 500 == 350) {
          assertThat(snapshot.appliedLsn()).as(at).isEqualTo(snapshotLsn);
          checkRandomRanges(snapshot, snapshotModel, random, at + " (snapshot)");
          checkAll(snapshot, snapshotModel, at + " (snapshot)");
          snapshot.close();
          snapshot = null;
        }
        if (b == BATCHES / 3 || b == 2 * BATCHES / 3) {
          if (b == 2 * BATCHES / 3) {
            backend.sync();
          }
          if (snapshot != null) {
            snapshot.close();
            snapshot = null;
          }
          backend.close();
          backend = RocksDbBackend.open(directory);
          assertThat(backend.appliedLsn()).as(at + " after reopen").isEqualTo(modelLsn);
          checkAll(backend, model, at + " after reopen");
        }
      }
      checkAll(backend, model, "seed=" + seed + " at the end");
    } finally {
      backend.close();
    }
  }

  @Test
  void copiesTakenWhileAnotherThreadWritesHoldExactlyTheBatchesUpToTheirLsn(@TempDir Path copies) throws Exception {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    List<Long> lsns = new ArrayList<>();
    try (StorageBackend backend = RocksDbBackend.open(directory)) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread writer = Thread.ofPlatform().name("rocksdb-test-writer").start(() -> {
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
        for (int c = 0; c < 5; c++) {
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
      try (StorageBackend copy = RocksDbBackend.open(copies.resolve("copy-" + c))) {
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
      Keyspace space = SPACES.get(random.nextInt(3));
      byte[] key = Entries.bytes("k" + random.nextInt(300));
      if (random.nextInt(4) == 0) {
        batch.delete(space, key);
      } else {
        batch.put(space, key, Entries.bytes("v" + lsn));
      }
    }
    return batch;
  }

  private static Map<Keyspace, TreeMap<byte[], byte[]>> replay(long seed, long upTo) {
    Map<Keyspace, TreeMap<byte[], byte[]>> model = new HashMap<>();
    for (long lsn = 1; lsn <= upTo; lsn++) {
      Model.apply(model, numbered(seed, lsn));
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

  private static void checkRandomRanges(ReadView view, Map<Keyspace, TreeMap<byte[], byte[]>> model, Random random, String at) {
    for (Keyspace space : SPACES) {
      byte[] from = random.nextInt(4) == 0 ? null : randomKey(random);
      byte[] to = random.nextInt(4) == 0 ? null : randomKey(random);
      assertThat(Entries.of(view.scan(space, from, to))).as("%s scan %s [%s, %s)", at, space, Entries.hex(from), Entries.hex(to))
          .containsExactlyElementsOf(Entries.of(space(model, space), from, to));
      byte[] prefix = randomKey(random);
      assertThat(Entries.of(view.scanPrefix(space, prefix))).as("%s prefix %s %s", at, space, Entries.hex(prefix))
          .containsExactlyElementsOf(Entries.of(space(model, space), prefix, Keys.prefixEnd(prefix)));
    }
  }

  private static void checkAll(ReadView view, Map<Keyspace, TreeMap<byte[], byte[]>> model, String at) {
    for (Keyspace space : SPACES) {
      assertThat(Entries.of(view.scan(space, null, null))).as("%s all of %s", at, space)
          .containsExactlyElementsOf(Entries.of(space(model, space), null, null));
    }
  }

  private static TreeMap<byte[], byte[]> space(Map<Keyspace, TreeMap<byte[], byte[]>> model, Keyspace space) {
    return model.getOrDefault(space, new TreeMap<>(Keys.ORDER));
  }

  private static byte[] randomKey(Random random) {
    byte[] key = new byte[1 + random.nextInt(3)];
    for (int i = 0; i < key.length; i++) {
      key[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return key;
  }

  private static byte[] randomValue(Random random) {
    byte[] value = new byte[random.nextInt(17)];
    random.nextBytes(value);
    return value;
  }
}
