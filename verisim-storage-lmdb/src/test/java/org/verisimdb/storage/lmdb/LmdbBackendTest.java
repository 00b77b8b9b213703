package org.verisimdb.storage.lmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.BackendOptions;
import org.verisimdb.storage.BackendProvider;
import org.verisimdb.storage.Backends;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;

/** What the LMDB backend does beyond the shared contract: reopening, settings, a full map, snapshots under a writer, copies. */
class LmdbBackendTest {
  private static final Keyspace A = Keyspace.of("alpha");
  private static final Keyspace B = Keyspace.of("beta");

  @TempDir
  Path directory;

  @Test
  void theAppliedLsnAndDataSurviveCloseAndReopen() {
    try (LmdbBackend backend = LmdbBackend.open(directory)) {
      backend.apply(new WriteBatch(41).put(A, bytes("a"), bytes("1")).put(B, bytes("b"), new byte[0]));
      backend.sync();
      backend.apply(new WriteBatch(42).put(A, bytes("c"), bytes("3")).delete(A, bytes("a")));
    } // closed without calling sync(): close syncs
    try (LmdbBackend backend = LmdbBackend.open(directory)) {
      assertThat(backend.appliedLsn()).isEqualTo(42);
      assertThat(backend.get(A, bytes("a"))).isNull();
      assertThat(backend.get(A, bytes("c"))).isEqualTo(bytes("3"));
      assertThat(backend.get(B, bytes("b"))).isEmpty();
      assertThat(backend.keyspaces()).containsExactlyInAnyOrder(A, B);
    }
  }

  @Test
  void theServiceLoaderFindsTheProvider() {
    BackendProvider provider = Backends.provider("lmdb");
    assertThat(provider).isInstanceOf(LmdbProvider.class);
    assertThat(provider.needsDirectory()).isTrue();
    assertThat(Backends.available()).contains("lmdb");
    try (StorageBackend backend = provider.open(new BackendOptions(directory, Map.of("map_size_mb", "64", "max_readers", "16")))) {
      assertThat(backend.name()).isEqualTo("lmdb");
      assertThat(backend.durable()).isTrue();
      backend.apply(new WriteBatch(1).put(A, bytes("k"), bytes("v")));
      assertThat(backend.get(A, bytes("k"))).isEqualTo(bytes("v"));
    }
    assertThat(directory.resolve(LmdbCopy.DATA_FILE)).isRegularFile();
  }

  @Test
  void unknownAndBadSettingsAreInvalidConfig() {
    BackendProvider provider = new LmdbProvider();
    assertThatThrownBy(() -> provider.open(new BackendOptions(directory, Map.of("map_size_gb", "64"))))
        .isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
          assertThat(e.getMessage()).contains("'map_size_gb'", "did you mean map_size_mb?", "map_size_mb, max_readers");
        });
    for (Map<String, String> bad : List.of(Map.of("map_size_mb", "0"), Map.of("map_size_mb", "lots"), Map.of("max_readers", "-3"),
        Map.of("map_size_mb", String.valueOf(LmdbSettings.MAX_MAP_SIZE_MB + 1)))) {
      assertThatThrownBy(() -> provider.open(new BackendOptions(directory, bad))).as("%s", bad)
          .isInstanceOfSatisfying(VeriSimException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
            assertThat(e.getMessage()).contains(bad.keySet().iterator().next(), "'" + bad.values().iterator().next() + "'");
          });
    }
    assertThatThrownBy(() -> provider.open(BackendOptions.inMemory()))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG));
    assertThat(directory.resolve(LmdbCopy.DATA_FILE)).as("nothing was opened").doesNotExist();
  }

  @Test
  void aFullMapFailsTheBatchWithStorageIoAndChangesNothing() {
    BackendOptions tiny = new BackendOptions(directory, Map.of("map_size_mb", "1"));
    byte[] value = new byte[64 << 10];
    new Random(7).nextBytes(value);
    int stored = 0;
    VeriSimException failure = null;
    try (StorageBackend backend = new LmdbProvider().open(tiny)) {
      for (int lsn = 1; lsn <= 100 && failure == null; lsn++) {
        try {
          backend.apply(new WriteBatch(lsn).put(A, bytes("k" + lsn), value).put(B, bytes("k" + lsn), bytes("small")));
          stored = lsn;
        } catch (VeriSimException e) {
          failure = e;
        }
      }
      assertThat(failure).as("a 1 MiB map cannot hold 100 values of 64 KiB").isNotNull();
      assertThat(failure.code()).isEqualTo(ErrorCode.STORAGE_IO);
      assertThat(failure.getMessage()).contains("map_size_mb", "1 MiB is full", directory.toString());
      assertThat(stored).isPositive();
      // the failed batch left no trace, and everything before it reads back
      assertThat(backend.appliedLsn()).isEqualTo(stored);
      assertThat(backend.get(A, bytes("k" + (stored + 1)))).isNull();
      assertThat(backend.get(B, bytes("k" + (stored + 1)))).isNull();
      assertThat(backend.get(A, bytes("k" + stored))).isEqualTo(value);
      assertThat(count(backend.scan(A, null, null))).isEqualTo(stored);
      try (ReadView snapshot = backend.snapshot()) {
        assertThat(snapshot.appliedLsn()).isEqualTo(stored);
      }
    }
    try (StorageBackend backend = new LmdbProvider().open(new BackendOptions(directory, Map.of("map_size_mb", "16")))) {
      assertThat(backend.appliedLsn()).isEqualTo(stored);
      backend.apply(new WriteBatch(stored + 1).put(A, bytes("k" + (stored + 1)), value));
      assertThat(count(backend.scan(A, null, null))).as("a larger map takes the write that failed").isEqualTo(stored + 1);
    }
  }

  @Test
  void snapshotsStayUnchangedWhileAnotherThreadWrites() throws Exception {
    try (LmdbBackend backend = LmdbBackend.open(directory)) {
      WriteBatch first = new WriteBatch(1);
      for (int i = 0; i < 200; i++) {
        first.put(A, bytes(String.format("k%03d", i)), bytes("v" + i));
      }
      backend.apply(first);
      List<String> before = entries(backend.scan(A, null, null));
      try (ReadView snapshot = backend.snapshot()) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().name("lmdb-test-writer").start(() -> {
          try {
            for (int lsn = 2; lsn <= 400; lsn++) {
              backend.apply(new WriteBatch(lsn).put(A, bytes(String.format("k%03d", lsn % 200)), bytes("w" + lsn))
                  .delete(A, bytes(String.format("k%03d", (lsn * 7) % 200))).put(B, bytes("n" + lsn), bytes("x")));
            }
          } catch (Throwable t) {
            failure.set(t);
          }
        });
        // Read the snapshot from a thread that did not take it: MDB_NOTLS allows it.
        Thread reader = Thread.ofPlatform().name("lmdb-test-reader").start(() -> {
          try {
            while (writer.isAlive()) {
              assertThat(snapshot.get(A, bytes("k007"))).isEqualTo(bytes("v7"));
              assertThat(snapshot.get(B, bytes("n2"))).isNull();
              assertThat(entries(snapshot.scan(B, null, null))).isEmpty();
              assertThat(entries(snapshot.scan(A, null, null))).isEqualTo(before);
            }
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          }
        });
        writer.join();
        reader.join();
        assertThat(failure.get()).isNull();
        assertThat(snapshot.appliedLsn()).isEqualTo(1);
        assertThat(entries(snapshot.scan(A, null, null))).isEqualTo(before);
      }
      assertThat(backend.appliedLsn()).isEqualTo(400);
      assertThat(backend.get(B, bytes("n400"))).isEqualTo(bytes("x"));
      assertThat(entries(backend.scan(A, null, null))).isNotEqualTo(before);
      assertThat(backend.lifecycle.openViews()).as("closed snapshots and cursors give back their transactions").isZero();
    }
  }

  @Test
  void aCopyTakenWhileWritesGoOnHoldsExactlyTheLsnItReports() throws Exception {
    Path copy = directory.resolve("copy");
    long copied;
    try (LmdbBackend backend = LmdbBackend.open(directory.resolve("db"))) {
      backend.apply(new WriteBatch(1).put(A, bytes("lsn"), bytes("1")));
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread writer = Thread.ofPlatform().name("lmdb-test-writer").start(() -> {
        try {
          for (int lsn = 2; lsn <= 3_000; lsn++) {
            backend.apply(new WriteBatch(lsn).put(A, bytes("lsn"), bytes(Integer.toString(lsn))).put(B, bytes("k" + lsn), new byte[100]));
          }
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      Thread.sleep(20);
      copied = backend.copyTo(copy);
      writer.join();
      assertThat(failure.get()).isNull();
      assertThatThrownBy(() -> backend.copyTo(copy)).as("the copy directory is not empty now")
          .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
    try (LmdbBackend backend = LmdbBackend.open(copy)) {
      assertThat(backend.appliedLsn()).isEqualTo(copied);
      assertThat(backend.get(A, bytes("lsn"))).isEqualTo(bytes(Long.toString(copied)));
      assertThat(count(backend.scan(B, null, null))).isEqualTo(Math.max(0, copied - 1));
    }
  }

  @Test
  void closingEndsOpenSnapshotsAndCursorsAndFreesTheDirectory() {
    LmdbBackend backend = LmdbBackend.open(directory);
    backend.apply(new WriteBatch(1).put(A, bytes("a"), bytes("1")).put(A, bytes("b"), bytes("2")));
    ReadView snapshot = backend.snapshot();
    Cursor cursor = backend.scan(A, null, null);
    assertThat(cursor.next()).isTrue();
    Cursor snapshotCursor = snapshot.scan(A, null, null);
    assertThatThrownBy(() -> LmdbBackend.open(directory)).as("LMDB must not be opened twice in one process")
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_LOCKED));
    backend.close();
    for (Runnable call : List.<Runnable>of(() -> snapshot.get(A, bytes("a")), cursor::next, snapshotCursor::next,
        backend::appliedLsn, backend::sync, backend::keyspaces, backend::snapshot, () -> backend.apply(new WriteBatch(2)))) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_CLOSED));
    }
    cursor.close();
    snapshotCursor.close();
    snapshot.close();
    backend.close();
    try (LmdbBackend again = LmdbBackend.open(directory)) {
      assertThat(again.get(A, bytes("b"))).isEqualTo(bytes("2"));
    }
  }

  @Test
  void boundsAndKeysBeyondTheKeyLimitAreHandled() {
    byte[] longest = filled(WriteBatch.MAX_KEY_BYTES, 'k');
    byte[] next = filled(WriteBatch.MAX_KEY_BYTES, 'k');
    next[next.length - 1] = 'l';
    byte[] beyond = Arrays.copyOf(longest, WriteBatch.MAX_KEY_BYTES + 1); // sorts after longest, before next
    try (LmdbBackend backend = LmdbBackend.open(directory)) {
      backend.apply(new WriteBatch(1).put(A, longest, bytes("1")).put(A, next, bytes("2")).put(A, bytes("a"), bytes("0")));
      assertThat(backend.get(A, beyond)).isNull();
      assertThat(backend.get(A, new byte[0])).isNull();
      assertThat(keys(backend.scan(A, beyond, null))).containsExactly(next);
      assertThat(keys(backend.scan(A, null, beyond))).containsExactly(bytes("a"), longest);
      assertThat(keys(backend.scan(A, new byte[0], null))).hasSize(3);
      assertThat(keys(backend.scan(A, null, new byte[0]))).isEmpty();
      assertThatThrownBy(() -> backend.apply(new WriteBatch(2).add(new WriteBatch.Op.Put(A, beyond, bytes("x")))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(backend.appliedLsn()).isEqualTo(1);
    }
  }

  @Test
  void runningOutOfReaderSlotsIsStorageIoUntilSnapshotsClose() {
    List<ReadView> snapshots = new ArrayList<>();
    try (StorageBackend backend = new LmdbProvider().open(new BackendOptions(directory, Map.of("max_readers", "2")))) {
      backend.apply(new WriteBatch(1).put(A, bytes("k"), bytes("v")));
      VeriSimException failure = null;
      // LMDB rounds the reader table up to fill its lock file's pages, so there may be more than 2.
      while (failure == null && snapshots.size() < 1_000) {
        try {
          snapshots.add(backend.snapshot());
        } catch (VeriSimException e) {
          failure = e;
        }
      }
      assertThat(failure).isNotNull();
      assertThat(failure.code()).isEqualTo(ErrorCode.STORAGE_IO);
      assertThat(failure.getMessage()).contains("max_readers");
      snapshots.forEach(ReadView::close);
      assertThat(backend.get(A, bytes("k"))).isEqualTo(bytes("v"));
    }
  }

  @Test
  void filesThatAreNotLmdbAreStorageCorrupt() throws Exception {
    byte[] garbage = new byte[64 << 10];
    new Random(3).nextBytes(garbage);
    Files.write(directory.resolve(LmdbCopy.DATA_FILE), garbage);
    assertThatThrownBy(() -> LmdbBackend.open(directory))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT));
    Files.delete(directory.resolve(LmdbCopy.DATA_FILE));
    try (LmdbBackend backend = LmdbBackend.open(directory)) {
      assertThat(backend.appliedLsn()).as("a failed open leaves the directory free to open").isZero();
    }
  }

  @Test
  void aNewerLayoutVersionIsStorageCorrupt() {
    try (LmdbBackend backend = LmdbBackend.open(directory)) {
      backend.apply(new WriteBatch(1).put(A, bytes("k"), bytes("v")));
    }
    try (Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMaxDbs(LmdbKeyspaces.MAX_DBIS).open(directory.toFile())) {
      Dbi<byte[]> meta = env.openDbi(LmdbFormatV1.META_DBI);
      meta.put(LmdbFormatV1.FORMAT_VERSION_KEY, ByteBuffer.allocate(4).putInt(LmdbFormatV1.VERSION + 1).array());
    }
    assertThatThrownBy(() -> LmdbBackend.open(directory)).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
      assertThat(e.getMessage()).contains("format " + (LmdbFormatV1.VERSION + 1), directory.toString());
    });
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] filled(int length, char c) {
    byte[] key = new byte[length];
    Arrays.fill(key, (byte) c);
    return key;
  }

  private static int count(Cursor cursor) {
    return keys(cursor).size();
  }

  private static List<byte[]> keys(Cursor cursor) {
    List<byte[]> keys = new ArrayList<>();
    try (cursor) {
      while (cursor.next()) {
        keys.add(cursor.key());
      }
    }
    return keys;
  }

  private static List<String> entries(Cursor cursor) {
    List<String> entries = new ArrayList<>();
    try (cursor) {
      while (cursor.next()) {
        entries.add(new String(cursor.key(), StandardCharsets.UTF_8) + "=" + new String(cursor.value(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
