package org.verisimdb.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;

/**
 * What every {@link StorageBackend} must do. Each backend has one short subclass that says how
 * to open it; if a backend fails here, fix the backend, and if the contract is wrong, fix it for
 * all.
 */
public abstract class StorageBackendContract {
  protected static final Keyspace A = Keyspace.of("alpha");
  protected static final Keyspace B = Keyspace.of("beta");

  @TempDir
  protected Path directory;
  /** Where copies go: outside the backend's own directory, which a backend may own whole. */
  @TempDir
  protected Path copies;
  protected StorageBackend backend;

  /** Opens (or reopens) the backend under test on {@code directory}. */
  protected abstract StorageBackend open(Path directory);

  /** Opens what {@link StorageBackend#copyTo} wrote; by default the same as {@link #open}. */
  protected StorageBackend openCopy(Path directory) {
    return open(directory);
  }

  @BeforeEach
  void openBackend() {
    backend = open(directory);
  }

  @AfterEach
  void closeBackend() {
    if (backend != null) {
      backend.close();
    }
  }

  @Test
  void absentKeysReadAsNull() {
    assertThat(backend.get(A, key("nothing"))).isNull();
  }

  @Test
  void putThenGetThenDelete() {
    backend.apply(new WriteBatch(1).put(A, key("k"), key("v")));
    assertThat(backend.get(A, key("k"))).isEqualTo(key("v"));
    backend.apply(new WriteBatch(2).delete(A, key("k")));
    assertThat(backend.get(A, key("k"))).isNull();
  }

  @Test
  void laterOperationsInABatchWin() {
    backend.apply(new WriteBatch(1).put(A, key("k"), key("1")).put(A, key("k"), key("2")).put(A, key("gone"), key("x")).delete(A, key("gone")));
    assertThat(backend.get(A, key("k"))).isEqualTo(key("2"));
    assertThat(backend.get(A, key("gone"))).isNull();
  }

  @Test
  void keyspacesAreSeparate() {
    backend.apply(new WriteBatch(1).put(A, key("k"), key("a")).put(B, key("k"), key("b")));
    assertThat(backend.get(A, key("k"))).isEqualTo(key("a"));
    assertThat(backend.get(B, key("k"))).isEqualTo(key("b"));
    assertThat(keys(backend.scan(B, null, null))).containsExactly("k");
  }

  @Test
  void keysAreOrderedAsUnsignedBytes() {
    byte[] high = {(byte) 0x80};
    byte[] low = {0x7f};
    byte[] longer = {0x7f, 0};
    backend.apply(new WriteBatch(1).put(A, high, key("h")).put(A, low, key("l")).put(A, longer, key("x")));
    List<byte[]> seen = new ArrayList<>();
    try (Cursor c = backend.scan(A, null, null)) {
      while (c.next()) {
        seen.add(c.key());
      }
    }
    assertThat(seen).containsExactly(low, longer, high);
  }

  @Test
  void scansHonourBothBounds() {
    WriteBatch batch = new WriteBatch(1);
    for (String k : List.of("a", "b", "c", "d")) {
      batch.put(A, key(k), key(k));
    }
    backend.apply(batch);
    assertThat(keys(backend.scan(A, key("b"), key("d")))).containsExactly("b", "c");
    assertThat(keys(backend.scan(A, key("b"), null))).containsExactly("b", "c", "d");
    assertThat(keys(backend.scan(A, null, key("b")))).containsExactly("a");
    assertThat(keys(backend.scan(A, key("c"), key("c")))).isEmpty();
    assertThat(keys(backend.scan(A, key("d"), key("a")))).isEmpty();
  }

  @Test
  void prefixScansStopAtTheFirstKeyWithoutThePrefix() {
    backend.apply(new WriteBatch(1).put(A, key("ab\u0000\u0001"), key("1")).put(A, key("ab\u0000\u0002"), key("2"))
        .put(A, key("ab\u0001"), key("x")).put(A, key("aa"), key("y")));
    assertThat(keys(backend.scanPrefix(A, key("ab\u0000")))).containsExactly("ab\u0000\u0001", "ab\u0000\u0002");
  }

  @Test
  void valuesAreCopiedInAndOut() {
    byte[] value = key("v");
    backend.apply(new WriteBatch(1).put(A, key("k"), value));
    value[0] = 'X';
    backend.get(A, key("k"))[0] = 'Y';
    assertThat(backend.get(A, key("k"))).isEqualTo(key("v"));
  }

  @Test
  void appliedLsnFollowsTheBatches() {
    assertThat(backend.appliedLsn()).isZero();
    backend.apply(new WriteBatch(5).put(A, key("k"), key("v")));
    backend.apply(new WriteBatch(9).put(A, key("k"), key("w")));
    assertThat(backend.appliedLsn()).isEqualTo(9);
  }

  @Test
  void syncedWritesSurviveReopenWhenDurable() {
    backend.apply(new WriteBatch(3).put(A, key("k"), key("v")));
    backend.sync();
    if (!backend.durable()) {
      return; // an in-memory backend promises nothing across reopen
    }
    backend.close();
    backend = open(directory);
    assertThat(backend.get(A, key("k"))).isEqualTo(key("v"));
    assertThat(backend.appliedLsn()).isEqualTo(3);
  }

  @Test
  void batchesWithoutAnLsnLeaveTheAppliedLsnAndItNeverDecreases() {
    backend.apply(new WriteBatch(7).put(A, key("a"), key("1")));
    backend.apply(new WriteBatch().put(A, key("b"), key("2")));
    assertThat(backend.appliedLsn()).isEqualTo(7);
    backend.apply(new WriteBatch(3).put(A, key("c"), key("3")));
    assertThat(backend.appliedLsn()).isEqualTo(7);
    assertThat(backend.get(A, key("c"))).isEqualTo(key("3"));
    backend.apply(new WriteBatch(8));
    assertThat(backend.appliedLsn()).as("an empty batch still records its LSN").isEqualTo(8);
  }

  @Test
  void snapshotsDoNotSeeLaterWrites() {
    backend.apply(new WriteBatch(1).put(A, key("a"), key("1")).put(A, key("b"), key("1")));
    try (ReadView snapshot = backend.snapshot()) {
      backend.apply(new WriteBatch(2).put(A, key("a"), key("2")).delete(A, key("b")).put(A, key("c"), key("2")).put(B, key("x"), key("2")));
      assertThat(snapshot.appliedLsn()).isEqualTo(1);
      assertThat(snapshot.get(A, key("a"))).isEqualTo(key("1"));
      assertThat(snapshot.get(A, key("b"))).isEqualTo(key("1"));
      assertThat(snapshot.get(A, key("c"))).isNull();
      assertThat(keys(snapshot.scan(A, null, null))).containsExactly("a", "b");
      assertThat(keys(snapshot.scan(B, null, null))).isEmpty();
      assertThat(keys(snapshot.scanPrefix(A, key("a")))).containsExactly("a");
    }
    assertThat(keys(backend.scan(A, null, null))).containsExactly("a", "c");
  }

  @Test
  void copiesOpenWithTheirDataAndLsn() {
    backend.apply(new WriteBatch(4).put(A, key("a"), key("1")).put(B, key("b"), new byte[0]));
    Path copy = copies.resolve("copy");
    assertThat(backend.copyTo(copy)).isEqualTo(4);
    backend.apply(new WriteBatch(5).put(A, key("after"), key("x")));
    try (StorageBackend copied = openCopy(copy)) {
      assertThat(copied.appliedLsn()).isEqualTo(4);
      assertThat(copied.get(A, key("a"))).isEqualTo(key("1"));
      assertThat(copied.get(B, key("b"))).isEmpty();
      assertThat(copied.get(A, key("after"))).isNull();
    }
  }

  @Test
  void copiesRefuseToOverwriteAnything() throws Exception {
    backend.apply(new WriteBatch(1).put(A, key("a"), key("1")));
    Path occupied = java.nio.file.Files.createDirectories(copies.resolve("occupied"));
    java.nio.file.Files.writeString(occupied.resolve("precious.txt"), "keep me");
    assertThatThrownBy(() -> backend.copyTo(occupied))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThat(java.nio.file.Files.readString(occupied.resolve("precious.txt"))).isEqualTo("keep me");
  }

  @Test
  void keyspacesThatHoldDataAreListed() {
    backend.apply(new WriteBatch(1).put(A, key("a"), key("1")).put(B, key("b"), key("2")));
    assertThat(backend.keyspaces()).contains(A, B);
  }

  @Test
  void emptyValuesLargeValuesAndLongKeysAreKept() {
    byte[] big = new byte[2 << 20];
    new Random(1).nextBytes(big);
    byte[] longKey = new byte[WriteBatch.MAX_KEY_BYTES];
    java.util.Arrays.fill(longKey, (byte) 'k');
    backend.apply(new WriteBatch(1).put(A, key("empty"), new byte[0]).put(A, key("big"), big).put(A, longKey, key("v")));
    assertThat(backend.get(A, key("empty"))).isEmpty();
    assertThat(backend.get(A, key("big"))).isEqualTo(big);
    assertThat(backend.get(A, longKey)).isEqualTo(key("v"));
    assertThatThrownBy(() -> new WriteBatch(2).put(A, new byte[WriteBatch.MAX_KEY_BYTES + 1], key("v"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readersRunWhileAWriterApplies() throws Exception {
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    Thread reader = Thread.ofPlatform().name("contract-reader").start(() -> {
      try {
        for (int i = 0; i < 2_000; i++) {
          backend.get(A, key("k" + (i % 50)));
          keys(backend.scan(A, key("k1"), key("k3")));
          if (i % 200 == 0) {
            try (ReadView view = backend.snapshot()) {
              keys(view.scan(A, null, null));
            }
          }
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    for (int i = 1; i <= 500; i++) {
      backend.apply(new WriteBatch(i).put(A, key("k" + (i % 50)), key("v" + i)).delete(A, key("k" + ((i + 7) % 50))));
    }
    reader.join();
    assertThat(failure.get()).isNull();
    assertThat(backend.appliedLsn()).isEqualTo(500);
  }

  @Test
  void concurrentBatchesOnDifferentKeysAllLandAtomically() throws Exception {
    int threads = 4;
    int batches = 300;
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int writer = t;
      writers.add(Thread.ofPlatform().name("contract-writer-" + t).start(() -> {
        try {
          start.await();
          for (int i = 0; i < batches; i++) {
            long lsn = i % 10 == 0 ? (long) i * threads + writer + 1 : 0;
            backend.apply(new WriteBatch(lsn).put(A, key("w" + writer + "-" + i + "a"), key("v")).put(B, key("w" + writer + "-" + i + "b"), key("v")));
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }));
    }
    start.countDown();
    int checked = 0;
    while (writers.stream().anyMatch(Thread::isAlive) || checked == 0) {
      try (ReadView view = backend.snapshot()) {
        for (String k : keys(view.scan(A, null, null))) {
          assertThat(view.get(B, key(k.substring(0, k.length() - 1) + "b"))).as("a snapshot holds all of a batch or none: " + k).isNotNull();
        }
      }
      checked++;
    }
    for (Thread w : writers) {
      w.join();
    }
    assertThat(failure.get()).isNull();
    assertThat(keys(backend.scan(A, null, null))).hasSize(threads * batches);
    assertThat(keys(backend.scan(B, null, null))).hasSize(threads * batches);
    assertThat(backend.appliedLsn()).isEqualTo((long) (batches - 10) * threads + threads);
  }

  @Test
  void closingTwiceIsHarmless() {
    backend.close();
    backend.close();
    backend = null;
  }

  @Test
  void aClosedBackendRefusesWork() {
    backend.close();
    assertThatThrownBy(() -> backend.get(A, key("k")))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_CLOSED));
    backend = null;
  }

  @Test
  void agreesWithATreeMapUnderRandomBatches() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    TreeMap<String, String> model = new TreeMap<>();
    for (int op = 0; op < 1_000; op++) {
      WriteBatch batch = new WriteBatch(op + 1);
      for (int i = random.nextInt(4); i >= 0; i--) {
        String k = "k" + random.nextInt(100);
        if (random.nextBoolean()) {
          batch.put(A, key(k), key("v" + op));
          model.put(k, "v" + op);
        } else {
          batch.delete(A, key(k));
          model.remove(k);
        }
      }
      backend.apply(batch);
      String probe = "k" + random.nextInt(100);
      byte[] got = backend.get(A, key(probe));
      assertThat(got == null ? null : new String(got, StandardCharsets.UTF_8)).as("seed=%d op=%d", seed, op).isEqualTo(model.get(probe));
    }
    assertThat(keys(backend.scan(A, null, null))).as("seed=%d", seed).containsExactlyElementsOf(model.keySet());
  }

  protected static byte[] key(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  protected static List<String> keys(Cursor cursor) {
    List<String> keys = new ArrayList<>();
    try (cursor) {
      while (cursor.next()) {
        keys.add(new String(cursor.key(), StandardCharsets.UTF_8));
      }
    }
    return keys;
  }
}
