package org.verisimdb.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

/** What the SQLite backend does beyond the shared contract: files, failures, settings, the pool. */
class SqliteBackendTest {
  static final Keyspace A = Keyspace.of("alpha");
  static final Keyspace B = Keyspace.of("beta");

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
  void theAppliedLsnAndDataSurviveCloseAndReopen() {
    backend = SqliteBackend.open(directory);
    backend.apply(new WriteBatch(3).put(A, key("a"), key("1")).put(B, key("b"), new byte[0]));
    backend.apply(new WriteBatch(7).put(A, key("a"), key("2")).put(A, key("c"), key("3")));
    backend.apply(new WriteBatch().delete(A, key("c"))); // no LSN: data changes, the LSN stays
    backend.close();

    backend = SqliteBackend.open(directory);
    assertThat(backend.appliedLsn()).isEqualTo(7);
    assertThat(backend.get(A, key("a"))).isEqualTo(key("2"));
    assertThat(backend.get(A, key("c"))).isNull();
    assertThat(backend.get(B, key("b"))).isEmpty();
    assertThat(backend.keyspaces()).containsExactlyInAnyOrder(A, B);
    assertThat(Files.exists(directory.resolve(SqliteFormatV1.FILE))).isTrue();
  }

  @Test
  void readsOfAKeyspaceWithoutATableDoNotCreateOne() {
    backend = SqliteBackend.open(directory);
    Keyspace never = Keyspace.of("never_written");
    backend.apply(new WriteBatch(1).delete(never, key("x")));
    assertThat(backend.get(never, key("x"))).isNull();
    assertThat(SqliteTests.keys(backend.scan(never, null, null))).isEmpty();
    try (ReadView snapshot = backend.snapshot()) {
      assertThat(snapshot.get(never, key("x"))).isNull();
    }
    assertThat(backend.keyspaces()).doesNotContain(never);
    backend.close();
    backend = SqliteBackend.open(directory);
    assertThat(backend.keyspaces()).isEmpty();
    assertThat(backend.appliedLsn()).isEqualTo(1);
  }

  @Test
  void aKeyspaceEmptiedInAnEarlierSessionIsNotListedUntilWrittenAgain() {
    backend = SqliteBackend.open(directory);
    backend.apply(new WriteBatch(1).put(A, key("a"), key("1")).put(B, key("b"), key("2")));
    backend.apply(new WriteBatch(2).delete(B, key("b")));
    assertThat(backend.keyspaces()).containsExactlyInAnyOrder(A, B); // B held a key since the open
    backend.close();
    backend = SqliteBackend.open(directory);
    assertThat(backend.keyspaces()).containsExactly(A);
    assertThat(backend.get(B, key("b"))).isNull();
    backend.apply(new WriteBatch(3).put(B, key("c"), key("3")));
    assertThat(backend.keyspaces()).containsExactlyInAnyOrder(A, B);
    assertThat(SqliteTests.keys(backend.scan(B, null, null))).containsExactly("c");
  }

  @Test
  void aBatchThatFailsPartWayLeavesNothingApplied() throws Exception {
    backend = SqliteBackend.open(directory);
    backend.apply(new WriteBatch(1).put(A, key("kept"), key("v1")));
    // Cap the file a couple of pages above its size: the small puts fit, the 1 MiB one cannot.
    backend.writer().limitPages(backend.writer().pageCount() + 2);
    byte[] big = new byte[1 << 20];
    new Random(42).nextBytes(big);
    WriteBatch batch = new WriteBatch(2).put(A, key("small"), key("s")).put(B, key("new"), key("n"))
        .delete(A, key("kept")).put(A, key("big"), big).put(A, key("after"), key("x"));

    assertThatThrownBy(() -> backend.apply(batch)).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_IO);
      assertThat(e.getMessage()).contains("disk is full").contains(directory.toString());
    });
    assertThat(backend.get(A, key("kept"))).isEqualTo(key("v1"));
    assertThat(backend.get(A, key("small"))).isNull();
    assertThat(backend.get(A, key("big"))).isNull();
    assertThat(backend.get(B, key("new"))).isNull();
    assertThat(backend.keyspaces()).containsExactly(A);
    assertThat(backend.appliedLsn()).isEqualTo(1);

    // The writer is usable again, including for the keyspace whose table was rolled back.
    backend.writer().limitPages(1L << 30);
    backend.apply(batch);
    assertThat(backend.get(B, key("new"))).isEqualTo(key("n"));
    assertThat(backend.get(A, key("big"))).isEqualTo(big);
    backend.close();
    backend = SqliteBackend.open(directory);
    assertThat(backend.appliedLsn()).isEqualTo(2);
    assertThat(backend.get(A, key("kept"))).isNull();
    assertThat(SqliteTests.keys(backend.scan(A, null, null))).containsExactly("after", "big", "small");
  }

  @Test
  void unknownOrBadSettingsAreInvalidConfig() {
    BackendProvider provider = Backends.provider("sqlite");
    assertInvalidConfig(() -> provider.open(new BackendOptions(directory, Map.of("cache_mbb", "8"))), "cache_mb", "read_connections");
    assertInvalidConfig(() -> provider.open(new BackendOptions(directory, Map.of("read_connections", "0"))), "1 to 64");
    assertInvalidConfig(() -> provider.open(new BackendOptions(directory, Map.of("read_connections", "65"))), "1 to 64");
    assertInvalidConfig(() -> provider.open(new BackendOptions(directory, Map.of("cache_mb", "lots"))), "whole number");
    assertInvalidConfig(() -> provider.open(new BackendOptions(directory, Map.of("cache_mb", "-1"))), "cache_mb");
    assertInvalidConfig(() -> provider.open(new BackendOptions(null, Map.of())), "directory");
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void serviceLoaderFindsTheSqliteProvider() {
    assertThat(Backends.available()).contains("sqlite");
    BackendProvider provider = Backends.provider("sqlite");
    assertThat(provider).isInstanceOf(SqliteProvider.class);
    assertThat(provider.needsDirectory()).isTrue();
    try (StorageBackend opened = provider.open(new BackendOptions(directory, Map.of("cache_mb", "8", "read_connections", "2")))) {
      assertThat(opened.name()).isEqualTo("sqlite");
      assertThat(opened.durable()).isTrue();
      opened.apply(new WriteBatch(1).put(A, key("k"), key("v")));
      assertThat(opened.get(A, key("k"))).isEqualTo(key("v"));
    }
  }

  @Test
  void aFileThatIsNotSqliteIsCorrupt() throws Exception {
    Files.writeString(directory.resolve(SqliteFormatV1.FILE), "this is not a database, only text. ".repeat(100));
    assertThatThrownBy(() -> SqliteBackend.open(directory)).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
      assertThat(e.getMessage()).contains(SqliteFormatV1.FILE).contains("backup");
    });
  }

  @Test
  void aSqliteDatabaseOfAnotherProgramIsRefused() throws Exception {
    Path file = directory.resolve(SqliteFormatV1.FILE);
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = other.createStatement()) {
      statement.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
    }
    assertThatThrownBy(() -> SqliteBackend.open(directory)).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
      assertThat(e.getMessage()).contains("invoices");
    });
  }

  @Test
  void copiesHoldExactlyTheLsnTheyReportWhileWritesGoOn() throws Exception {
    backend = SqliteBackend.open(directory);
    SqliteTests.Writer writer = SqliteTests.Writer.start(backend, 1_500, i -> new WriteBatch(i).put(A, key("lsn"), lsnValue(i)).put(A, key("k" + i % 100), new byte[512]));
    List<Long> copied = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      Path target = directory.resolve("copy-" + n);
      long lsn = backend.copyTo(target);
      copied.add(lsn);
      try (SqliteBackend copy = SqliteBackend.open(target)) {
        assertThat(copy.appliedLsn()).isEqualTo(lsn);
        byte[] stored = copy.get(A, key("lsn"));
        assertThat(stored == null ? 0 : ByteBuffer.wrap(stored).getLong()).as("copy %d", n).isEqualTo(lsn);
      }
    }
    writer.join();
    assertThat(copied).isSorted();
  }

  @Test
  void copiesRefuseADirectoryThatIsNotEmpty() throws Exception {
    backend = SqliteBackend.open(directory);
    Path target = Files.createDirectories(directory.resolve("busy"));
    Files.writeString(target.resolve("keep.txt"), "mine");
    assertThatThrownBy(() -> backend.copyTo(target)).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains(target.toString()).contains("not empty");
    });
    assertThat(target.resolve(SqliteFormatV1.FILE)).doesNotExist();
  }

  @Test
  void syncLeavesEverythingInTheDatabaseFileWhenNoReaderHoldsAnOldSnapshot() throws Exception {
    backend = SqliteBackend.open(directory);
    for (int i = 1; i <= 50; i++) {
      backend.apply(new WriteBatch(i).put(A, key("k" + i), key("v" + i)));
    }
    backend.sync();
    // The checkpoint copied the WAL into the database file, so that file alone is the whole state.
    Path alone = Files.createDirectories(directory.resolve("alone"));
    Files.copy(directory.resolve(SqliteFormatV1.FILE), alone.resolve(SqliteFormatV1.FILE));
    try (SqliteBackend copy = SqliteBackend.open(alone)) {
      assertThat(copy.appliedLsn()).isEqualTo(50);
      assertThat(copy.get(A, key("k50"))).isEqualTo(key("v50"));
    }
  }

  @Test
  void syncWorksWhileASnapshotPinsAnOldState() throws Exception {
    backend = SqliteBackend.open(directory);
    backend.apply(new WriteBatch(1).put(A, key("k"), key("old")));
    try (ReadView snapshot = backend.snapshot()) {
      backend.apply(new WriteBatch(2).put(A, key("k"), key("new")));
      backend.sync(); // the checkpoint stops at the snapshot; the forced commit covers the rest
      assertThat(snapshot.get(A, key("k"))).isEqualTo(key("old"));
      // What is on disk now, database file plus WAL, holds LSN 2.
      Path files = Files.createDirectories(directory.resolve("files"));
      Files.copy(directory.resolve(SqliteFormatV1.FILE), files.resolve(SqliteFormatV1.FILE));
      Files.copy(directory.resolve(SqliteFormatV1.FILE + "-wal"), files.resolve(SqliteFormatV1.FILE + "-wal"));
      try (SqliteBackend copy = SqliteBackend.open(files)) {
        assertThat(copy.appliedLsn()).isEqualTo(2);
        assertThat(copy.get(A, key("k"))).isEqualTo(key("new"));
      }
    }
  }

  @Test
  void aClosedBackendRefusesEveryCallAndItsOpenCursorsAndSnapshots() {
    backend = SqliteBackend.open(directory);
    backend.apply(new WriteBatch(1).put(A, key("a"), key("1")).put(A, key("b"), key("2")));
    Cursor cursor = backend.scan(A, null, null);
    assertThat(cursor.next()).isTrue();
    ReadView snapshot = backend.snapshot();
    backend.close();

    List<ThrowingCallable> calls = List.of(() -> backend.get(A, key("a")), () -> backend.scan(A, null, null),
        () -> backend.apply(new WriteBatch(2)), backend::sync, backend::snapshot, () -> backend.copyTo(directory.resolve("c")),
        backend::keyspaces, backend::appliedLsn, cursor::next, () -> snapshot.get(A, key("a")));
    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call).isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_CLOSED));
    }
    cursor.close();
    snapshot.close();
    backend.close();
    backend = null;
  }

  @Test
  void aReadWaitsForAPooledConnectionAndFailsClearlyWhenNoneComesBack() throws Exception {
    backend = SqliteBackend.open(directory, new SqliteSettings(8, 1), Duration.ofMillis(300));
    backend.apply(new WriteBatch(1).put(A, key("a"), key("1")).put(A, key("b"), key("2")));
    Cursor held = backend.scan(A, null, null);
    assertThat(held.next()).isTrue();
    assertThatThrownBy(() -> backend.get(A, key("a"))).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_IO);
      assertThat(e.getMessage()).contains("read_connections").contains("close cursors");
    });
    // Running off the end gives the connection back even before close().
    assertThat(held.next()).isTrue();
    assertThat(held.next()).isFalse();
    assertThat(backend.get(A, key("a"))).isEqualTo(key("1"));
    held.close();
    // Snapshots do not count against the pool: reads go on while one is open.
    try (ReadView snapshot = backend.snapshot()) {
      assertThat(backend.get(A, key("b"))).isEqualTo(key("2"));
      assertThat(snapshot.get(A, key("b"))).isEqualTo(key("2"));
    }
  }

  @Test
  void manyReadersShareAFewConnectionsWhileAWriterApplies() throws Exception {
    backend = SqliteBackend.open(directory, new SqliteSettings(8, 2));
    int keys = 10;
    SqliteTests.Writer writer = SqliteTests.Writer.start(backend, 800, i -> {
      WriteBatch batch = new WriteBatch(i);
      for (int k = 0; k < keys; k++) {
        batch.put(A, key("k" + k), lsnValue(i));
      }
      return batch;
    });
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicLong rounds = new AtomicLong();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 8; t++) { // four times as many threads as read connections
      readers.add(Thread.ofPlatform().name("sqlite-test-reader-" + t).start(() -> {
        try {
          long last = 0;
          for (int round = 0; !writer.done() || round < 20; round++) {
            // One scan is one statement and so one committed state: every key holds the same batch.
            List<Long> values = values(backend.scan(A, null, null));
            if (!values.isEmpty()) {
              assertThat(values).hasSize(keys).containsOnly(values.getFirst());
              assertThat(values.getFirst()).isGreaterThanOrEqualTo(last);
              last = values.getFirst();
            }
            byte[] one = backend.get(A, key("k" + round % keys));
            if (one != null) {
              assertThat(ByteBuffer.wrap(one).getLong()).isGreaterThanOrEqualTo(last);
            }
            if (round % 25 == 0) {
              try (ReadView snapshot = backend.snapshot()) {
                List<Long> frozen = values(snapshot.scan(A, null, null));
                assertThat(frozen).hasSize(snapshot.appliedLsn() == 0 ? 0 : keys).allMatch(v -> v == snapshot.appliedLsn());
              }
            }
            rounds.incrementAndGet();
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    writer.join();
    for (Thread reader : readers) {
      reader.join();
    }
    assertThat(failures).isEmpty();
    assertThat(rounds.get()).isGreaterThanOrEqualTo(8 * 20);
    assertThat(backend.appliedLsn()).isEqualTo(800);
  }

  @Test
  void snapshotsStayUnchangedWhileAnotherThreadWrites() throws Exception {
    backend = SqliteBackend.open(directory);
    WriteBatch initial = new WriteBatch(1);
    for (int k = 0; k < 100; k++) {
      initial.put(A, key("k%03d".formatted(k)), key("v" + k));
    }
    backend.apply(initial);
    List<String> expected;
    try (ReadView snapshot = backend.snapshot()) {
      expected = SqliteTests.entries(snapshot.scan(A, null, null));
      SqliteTests.Writer writer = SqliteTests.Writer.start(backend, 400, i -> new WriteBatch(i + 1)
          .put(A, key("k%03d".formatted(i % 100)), key("w" + i)).delete(A, key("k%03d".formatted((i + 50) % 100))).put(B, key("b" + i), key("x")));
      Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
      List<Thread> checkers = new ArrayList<>();
      for (int t = 0; t < 2; t++) { // two threads share the one snapshot
        checkers.add(Thread.ofPlatform().name("sqlite-test-snapshot-reader-" + t).start(() -> {
          try {
            for (int round = 0; !writer.done() || round < 10; round++) {
              assertThat(SqliteTests.entries(snapshot.scan(A, null, null))).isEqualTo(expected);
              assertThat(snapshot.get(A, key("k042"))).isEqualTo(key("v42"));
              assertThat(SqliteTests.keys(snapshot.scanPrefix(A, key("k01")))).hasSize(10);
              assertThat(SqliteTests.keys(snapshot.scan(B, null, null))).isEmpty();
              assertThat(snapshot.appliedLsn()).isEqualTo(1);
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        }));
      }
      writer.join();
      for (Thread checker : checkers) {
        checker.join();
      }
      assertThat(failures).isEmpty();
      assertThat(SqliteTests.entries(snapshot.scan(A, null, null))).isEqualTo(expected);
    }
    assertThat(expected).hasSize(100);
    assertThat(backend.appliedLsn()).isEqualTo(401);
    assertThat(SqliteTests.entries(backend.scan(A, null, null))).isNotEqualTo(expected);
    assertThat(backend.keyspaces()).containsExactlyInAnyOrder(A, B);
  }

  static byte[] key(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] lsnValue(long lsn) {
    return ByteBuffer.allocate(Long.BYTES).putLong(lsn).array();
  }

  private static List<Long> values(Cursor cursor) {
    List<Long> values = new ArrayList<>();
    try (cursor) {
      while (cursor.next()) {
        values.add(ByteBuffer.wrap(cursor.value()).getLong());
      }
    }
    return values;
  }

  private static void assertInvalidConfig(ThrowingCallable call, String... mentions) {
    assertThatThrownBy(call).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
      assertThat(e.getMessage()).contains(mentions);
    });
  }
}
