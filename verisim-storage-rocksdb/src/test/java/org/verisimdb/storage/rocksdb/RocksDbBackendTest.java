package org.verisimdb.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.verisimdb.storage.rocksdb.Entries.bytes;
import static org.verisimdb.storage.rocksdb.Entries.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;

class RocksDbBackendTest {
  private static final Keyspace A = Keyspace.of("alpha");
  private static final Keyspace B = Keyspace.of("beta");

  @TempDir
  Path directory;

  @Test
  void aCleanCloseKeepsUnsyncedDataAndTheAppliedLsn() {
    try (RocksDbBackend backend = RocksDbBackend.open(directory)) {
      backend.apply(new WriteBatch(4).put(A, bytes("a"), bytes("1")).put(B, bytes("b"), bytes("2")));
      backend.apply(new WriteBatch(9).delete(A, bytes("a")).put(A, bytes("c"), bytes("3")));
      backend.apply(new WriteBatch().put(A, bytes("d"), bytes("4"))); // no LSN: data kept, LSN unchanged
    }
    try (RocksDbBackend backend = RocksDbBackend.open(directory)) {
      assertThat(backend.appliedLsn()).isEqualTo(9);
      assertThat(backend.get(A, bytes("a"))).isNull();
      assertThat(text(backend.get(A, bytes("c")))).isEqualTo("3");
      assertThat(text(backend.get(A, bytes("d")))).isEqualTo("4");
      assertThat(text(backend.get(B, bytes("b")))).isEqualTo("2");
      assertThat(backend.keyspaces()).containsExactlyInAnyOrder(A, B);
    }
  }

  @Test
  void syncedDataSurvivesAProcessThatDiesWithoutClosing() throws Exception {
    long synced = 60;
    long applied = 90;
    Path log = directory.resolve("crashing-writer.log");
    Path db = directory.resolve("db");
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED",
        "-Xshare:auto", CrashingWriter.class.getName(), db.toString(), Long.toString(synced), Long.toString(applied))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!child.waitFor(60, TimeUnit.SECONDS)) { // only catches a hang
      child.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(output).as("child output").contains("applied " + applied);

    try (RocksDbBackend backend = RocksDbBackend.open(db)) {
      long lsn = backend.appliedLsn();
      assertThat(lsn).as("after a crash the LSN lies between the last sync and the last apply").isBetween(synced, applied);
      assertThat(lsn).as("the child died before flushing its last batches, so some must be lost").isLessThan(applied);
      Map<Keyspace, TreeMap<byte[], byte[]>> model = new HashMap<>();
      for (long i = 1; i <= lsn; i++) {
        Model.apply(model, CrashingWriter.batch(i, synced));
      }
      for (Keyspace space : List.of(CrashingWriter.OLD, CrashingWriter.NEW)) {
        assertThat(Entries.of(backend.scan(space, null, null))).as("keyspace %s at LSN %d", space, lsn)
            .containsExactlyElementsOf(Entries.of(model.getOrDefault(space, new TreeMap<>(Keys.ORDER)), null, null));
      }
    }
  }

  @Test
  void openingTheSameDirectoryTwiceIsLocked() {
    try (RocksDbBackend first = RocksDbBackend.open(directory)) {
      assertThatThrownBy(() -> RocksDbBackend.open(directory))
          .isInstanceOfSatisfying(VeriSimException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_LOCKED);
            assertThat(e.getMessage()).contains(directory.toAbsolutePath().toString());
          });
      first.apply(new WriteBatch(1).put(A, bytes("still"), bytes("works")));
      assertThat(text(first.get(A, bytes("still")))).isEqualTo("works");
    }
    try (RocksDbBackend again = RocksDbBackend.open(directory)) { // the failed open left no lock behind
      assertThat(again.appliedLsn()).isEqualTo(1);
    }
  }

  @Test
  void readsAndDeletesOfAnUnwrittenKeyspaceCreateNothing() throws Exception {
    Keyspace never = Keyspace.of("never");
    try (RocksDbBackend backend = RocksDbBackend.open(directory)) {
      assertThat(backend.get(never, bytes("k"))).isNull();
      assertThat(Entries.of(backend.scan(never, null, null))).isEmpty();
      try (ReadView snapshot = backend.snapshot()) {
        assertThat(snapshot.get(never, bytes("k"))).isNull();
      }
      backend.apply(new WriteBatch(1).delete(never, bytes("k")).put(A, bytes("k"), bytes("v")));
      assertThat(backend.keyspaces()).containsExactly(A);
      assertThat(backend.appliedLsn()).isEqualTo(1);
    }
    assertThat(columnFamilies()).containsExactlyInAnyOrder("default", "verisim.meta", "alpha");
  }

  @Test
  void keyspaceDefaultLivesInRocksDbsDefaultFamilyAndIsListedOnceWritten() throws Exception {
    Keyspace defaultSpace = Keyspace.of("default");
    try (RocksDbBackend backend = RocksDbBackend.open(directory)) {
      assertThat(backend.keyspaces()).isEmpty();
      backend.apply(new WriteBatch(1).put(defaultSpace, bytes("k"), bytes("v")));
      assertThat(backend.keyspaces()).containsExactly(defaultSpace);
    }
    try (RocksDbBackend backend = RocksDbBackend.open(directory)) {
      assertThat(backend.keyspaces()).containsExactly(defaultSpace);
      assertThat(text(backend.get(defaultSpace, bytes("k")))).isEqualTo("v");
    }
    assertThat(columnFamilies()).containsExactlyInAnyOrder("default", "verisim.meta");
  }

  @Test
  void copyToReplacesAnEmptyDirectoryAndRefusesANonEmptyOne(@TempDir Path elsewhere) throws IOException {
    Path empty = Files.createDirectory(elsewhere.resolve("empty"));
    Path full = Files.createDirectory(elsewhere.resolve("full"));
    Files.writeString(full.resolve("precious.txt"), "keep me");
    try (RocksDbBackend backend = RocksDbBackend.open(directory)) {
      backend.apply(new WriteBatch(3).put(A, bytes("a"), bytes("1")));
      assertThat(backend.copyTo(empty)).isEqualTo(3);
      assertThatThrownBy(() -> backend.copyTo(full)).isInstanceOfSatisfying(VeriSimException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains(full.toString()).contains("not empty");
      });
      assertThat(Files.readString(full.resolve("precious.txt"))).isEqualTo("keep me");
      assertThat(backend.copyTo(elsewhere.resolve("new/nested"))).isEqualTo(3);
    }
    for (Path copy : List.of(empty, elsewhere.resolve("new/nested"))) {
      try (RocksDbBackend copied = RocksDbBackend.open(copy)) {
        assertThat(copied.appliedLsn()).isEqualTo(3);
        assertThat(text(copied.get(A, bytes("a")))).isEqualTo("1");
      }
    }
  }

  @Test
  void closingTheBackendReleasesItsOpenCursorsAndSnapshots() {
    RocksDbBackend backend = RocksDbBackend.open(directory);
    backend.apply(new WriteBatch(1).put(A, bytes("a"), bytes("1")).put(A, bytes("b"), bytes("2")));
    Cursor cursor = backend.scan(A, null, null);
    assertThat(cursor.next()).isTrue();
    ReadView snapshot = backend.snapshot();
    Cursor snapshotCursor = snapshot.scan(A, null, null);
    backend.close();

    for (ThrowingCallable call : List.<ThrowingCallable>of(cursor::next, cursor::key, snapshotCursor::next,
        () -> snapshot.get(A, bytes("a")), () -> snapshot.scan(A, null, null), snapshot::appliedLsn)) {
      assertThatThrownBy(call).isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_CLOSED));
    }
    cursor.close(); // harmless: the backend has released them already
    snapshotCursor.close();
    snapshot.close();
  }

  @Test
  void everyCallOnAClosedBackendThrowsDatabaseClosed() {
    RocksDbBackend backend = RocksDbBackend.open(directory);
    backend.close();
    backend.close();
    for (ThrowingCallable call : List.<ThrowingCallable>of(() -> backend.get(A, bytes("k")), () -> backend.scan(A, null, null),
        () -> backend.apply(new WriteBatch(1)), backend::sync, backend::snapshot, backend::appliedLsn, backend::keyspaces,
        () -> backend.copyTo(directory.resolve("copy")))) {
      assertThatThrownBy(call).isInstanceOfSatisfying(VeriSimException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_CLOSED);
        assertThat(e.getMessage()).contains(directory.toAbsolutePath().toString());
      });
    }
    assertThat(backend.name()).isEqualTo("rocksdb");
  }

  @Test
  void closingASnapshotClosesItsCursorsAndLeavesOthersAlone() {
    try (RocksDbBackend backend = RocksDbBackend.open(directory)) {
      backend.apply(new WriteBatch(1).put(A, bytes("a"), bytes("1")));
      ReadView snapshot = backend.snapshot();
      Cursor fromSnapshot = snapshot.scan(A, null, null);
      Cursor live = backend.scan(A, null, null);
      snapshot.close();
      snapshot.close();
      assertThatThrownBy(fromSnapshot::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("snapshot has been closed");
      assertThatThrownBy(() -> snapshot.get(A, bytes("a"))).isInstanceOf(IllegalStateException.class);
      fromSnapshot.close();
      assertThat(Entries.of(live)).hasSize(1);
    }
  }

  @Test
  void cursorsRefuseReadsOffAnEntry() {
    try (RocksDbBackend backend = RocksDbBackend.open(directory)) {
      backend.apply(new WriteBatch(1).put(A, bytes("a"), bytes("1")));
      try (Cursor cursor = backend.scan(A, null, null)) {
        assertThatThrownBy(cursor::key).isInstanceOf(IllegalStateException.class);
        assertThat(cursor.next()).isTrue();
        byte[] key = cursor.key();
        key[0] = 'z';
        assertThat(text(cursor.key())).as("key() returns a copy").isEqualTo("a");
        assertThat(cursor.next()).isFalse();
        assertThat(cursor.next()).as("stays exhausted").isFalse();
        assertThatThrownBy(cursor::value).isInstanceOf(IllegalStateException.class);
      }
    }
  }

  @Test
  void aCorruptCurrentFileIsStorageCorrupt() throws IOException {
    try (RocksDbBackend backend = RocksDbBackend.open(directory)) {
      backend.apply(new WriteBatch(1).put(A, bytes("a"), bytes("1")));
    }
    Files.writeString(directory.resolve("CURRENT"), "MANIFEST-garbage"); // no trailing newline: RocksDB calls it corruption
    assertThatThrownBy(() -> RocksDbBackend.open(directory)).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
      assertThat(e.getMessage()).contains(directory.toAbsolutePath().toString());
    });
  }

  @Test
  void aNewerLayoutVersionIsRefused() throws Exception {
    try (RocksDbBackend backend = RocksDbBackend.open(directory)) {
      backend.apply(new WriteBatch(1).put(A, bytes("a"), bytes("1")));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (String name : columnFamilies()) {
      descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8)));
    }
    try (DBOptions options = new DBOptions(); RocksDB db = RocksDB.open(options, directory.toString(), descriptors, handles)) {
      ColumnFamilyHandle meta = handles.get(columnFamilies().indexOf("verisim.meta"));
      db.put(meta, RocksDbLayoutV1.LAYOUT_VERSION, new byte[] {0, 0, 0, 2});
      handles.forEach(ColumnFamilyHandle::close);
    }
    assertThatThrownBy(() -> RocksDbBackend.open(directory))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE));
  }

  @Test
  void settingsOtherThanTheDefaultsOpenAndKeepData() {
    Map<String, String> settings = Map.of("compression", "zstd", "block_cache_mb", "8", "write_buffer_mb", "4", "max_open_files", "-1");
    try (StorageBackend backend = RocksDbBackend.open(directory, settings)) {
      backend.apply(new WriteBatch(1).put(A, bytes("a"), bytes("1")));
    }
    try (StorageBackend backend = RocksDbBackend.open(directory, Map.of("compression", "none"))) {
      assertThat(text(backend.get(A, bytes("a")))).isEqualTo("1");
    }
  }

  private List<String> columnFamilies() throws Exception {
    List<String> names = new ArrayList<>();
    try (Options options = new Options()) {
      for (byte[] name : RocksDB.listColumnFamilies(options, directory.toString())) {
        names.add(new String(name, StandardCharsets.UTF_8));
      }
    }
    return names;
  }
}
