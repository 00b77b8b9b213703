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
  protected StorageBackend backend;

  /** Opens (or reopens) the backend under test on {@code directory}. */
  protected abstract StorageBackend open(Path directory);

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
