package org.verisimdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.storage.Backends;
import org.verisimdb.storage.wal.FileLogStorage;
import org.verisimdb.storage.wal.LogStorage;
import org.verisimdb.storage.wal.SyncMode;
import org.verisimdb.storage.wal.WalFormatV1;
import org.verisimdb.testkit.storage.FaultyLogStorage;

/** Durability of the on-disk database: reopen, crash images, damaged logs, full disks, per-modality stores. */
class DurabilityTest {
  @TempDir
  Path dir;

  /** Small segments and no automatic checkpoints, so tests decide when the log is compacted. */
  static final DatabaseConfig CONFIG = DatabaseConfig.defaults().withBackend("memory").withVectorDimension(2).withCheckpoints(0, 1L << 40)
      .with(java.util.Map.of("wal.segment_mb", "1"), "test");

  static Database open(Path directory, DatabaseConfig config, LogStorage log) {
    return VeriSimDB.open(directory, config, Progress.NONE, Clock.systemUTC(), log,
        name -> name.equals("vault") ? new VaultBackendProvider() : Backends.provider(name));
  }

  static Database open(Path directory, DatabaseConfig config) {
    return open(directory, config, null);
  }

  /** For tests of many records that are not about fsync: a crash image copies what was written, synced or not. */
  static final DatabaseConfig FAST = CONFIG.withWalSync(SyncMode.NONE);

  static OctadInput octad(int i) {
    return OctadInput.builder().id("o-%05d".formatted(i)).with(DocumentFacet.of("title " + i, "body ".repeat(20) + i))
        .with(new VectorFacet(new float[] {i, -i}, null)).build();
  }

  /** What a crash leaves on disk: a copy of the directory taken while the database is open. */
  static Path crashImage(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  static List<Path> segments(Path db) throws IOException {
    try (Stream<Path> files = Files.list(db.resolve("wal"))) {
      return files.filter(p -> WalFormatV1.segmentNumber(p.getFileName().toString()) >= 0).sorted().toList();
    }
  }

  static void assertHolds(Database db, int count) {
    assertThat(db.stats().octads()).isEqualTo(count);
    for (int i = 0; i < count; i++) {
      Octad o = db.get("o-%05d".formatted(i)).orElseThrow(() -> new AssertionError("lost an acknowledged octad"));
      assertThat(o.document().orElseThrow().title()).isEqualTo("title " + i);
      assertThat(o.provenance().orElseThrow().verify().valid()).isTrue();
    }
  }

  @Test
  void aCrashImageRecoversEveryAcknowledgedCommit() throws Exception {
    Path db = dir.resolve("db");
    try (Database live = open(db, CONFIG)) {
      for (int i = 0; i < 300; i++) {
        live.create(octad(i));
      }
      live.update(OctadId.of("o-00007"), OctadPatch.builder().set(Modality.DOCUMENT, "title", "title 7").set(Modality.DOCUMENT, "seen", true)
          .build());
      Path image = crashImage(db, dir.resolve("crashed"));
      try (Database recovered = open(image, CONFIG)) {
        assertHolds(recovered, 300);
        assertThat(recovered.get("o-00007").orElseThrow().version()).isEqualTo(2);
        assertThat(recovered.get("o-00007").orElseThrow().document().orElseThrow().field("seen")).isNotNull();
      }
    }
  }

  @Test
  void checkpointsDeleteLogSegmentsAndRecoveryReplaysOnlyTheRest() throws Exception {
    Path db = dir.resolve("db");
    try (Database live = open(db, FAST)) {
      for (int i = 0; i < 3000; i++) {
        live.create(octad(i));
      }
      int before = segments(db).size();
      assertThat(before).isGreaterThan(2);
      live.checkpoint();
      assertThat(segments(db)).hasSize(1);
      for (int i = 3000; i < 3100; i++) {
        live.create(octad(i));
      }
      try (Database recovered = open(crashImage(db, dir.resolve("crashed")), FAST)) {
        assertHolds(recovered, 3100);
      }
    }
  }

  @Test
  void afterAReplayACheckpointRunsInTheBackground() throws Exception {
    Path db = dir.resolve("db");
    try (Database live = open(db, FAST)) {
      for (int i = 0; i < 3000; i++) {
        live.create(octad(i));
      }
      Path image = crashImage(db, dir.resolve("crashed"));
      assertThat(segments(image).size()).isGreaterThan(2);
      try (Database recovered = open(image, FAST)) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (segments(image).size() > 1 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(segments(image)).as("the replayed segments are deleted once the stores hold them").hasSize(1);
        assertHolds(recovered, 3000);
      }
    }
  }

  @Test
  void damageInAClosedLogSegmentThatReplayNeedsRefusesToOpen() throws Exception {
    Path db = dir.resolve("db");
    try (Database live = open(db, FAST)) {
      for (int i = 0; i < 3000; i++) {
        live.create(octad(i));
      }
      Path image = crashImage(db, dir.resolve("crashed"));
      Path closed = segments(image).get(1);
      byte[] bytes = Files.readAllBytes(closed);
      bytes[bytes.length / 2] ^= 0x04;
      Files.write(closed, bytes);
      assertThatThrownBy(() -> open(image, FAST))
          .isInstanceOfSatisfying(VeriSimException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
            assertThat(e.getMessage()).contains(closed.getFileName().toString()).contains("at offset").contains("closed segment");
          });
      assertThat(Files.readAllBytes(closed)).as("the damaged log is left as it was").isEqualTo(bytes);
    }
  }

  @Test
  void aTornTailIsTruncatedAndEverythingBeforeItKept() throws Exception {
    Path db = dir.resolve("db");
    try (Database live = open(db, CONFIG)) {
      for (int i = 0; i < 50; i++) {
        live.create(octad(i));
      }
      Path image = crashImage(db, dir.resolve("crashed"));
      Path last = segments(image).getLast();
      // Half a record: a length and a checksum with nothing after them.
      Files.write(last, new byte[] {0, 0, 1, 0, 1, 2, 3, 4, 0, 0}, StandardOpenOption.APPEND);
      long size = Files.size(last);
      try (Database recovered = open(image, CONFIG)) {
        assertHolds(recovered, 50);
        recovered.create(octad(50));
      }
      assertThat(Files.size(last)).isGreaterThan(size - 10);
    }
  }

  @Test
  void aFlippedBitInTheMiddleOfTheLogRefusesToOpenAndSaysWhere() throws Exception {
    Path db = dir.resolve("db");
    try (Database live = open(db, CONFIG)) {
      for (int i = 0; i < 50; i++) {
        live.create(octad(i));
      }
      Path image = crashImage(db, dir.resolve("crashed"));
      Path last = segments(image).getLast();
      byte[] bytes = Files.readAllBytes(last);
      bytes[bytes.length / 2] ^= 0x04;
      Files.write(last, bytes);
      assertThatThrownBy(() -> open(image, CONFIG))
          .isInstanceOfSatisfying(VeriSimException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
            assertThat(e.getMessage()).contains(last.getFileName().toString()).contains("at offset");
          });
      assertThat(Files.readAllBytes(last)).as("the damaged log is left as it was").isEqualTo(bytes);
    }
  }

  @Test
  void aMissingLogSegmentRefusesToOpen() throws Exception {
    Path db = dir.resolve("db");
    try (Database live = open(db, FAST)) {
      for (int i = 0; i < 3000; i++) {
        live.create(octad(i));
      }
      Path image = crashImage(db, dir.resolve("crashed"));
      List<Path> segments = segments(image);
      Path missing = segments.get(1);
      Files.delete(missing);
      assertThatThrownBy(() -> open(image, FAST))
          .isInstanceOfSatisfying(VeriSimException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
            assertThat(e.getMessage()).contains(missing.getFileName() + " is missing");
          });
    }
  }

  @Test
  void aFullDiskFailsWritesClearlyAndLosesNothingAcknowledged() throws Exception {
    Path db = dir.resolve("db");
    List<Integer> acknowledged = new ArrayList<>();
    VeriSimException failure = null;
    open(db, CONFIG).close();
    FaultyLogStorage disk = new FaultyLogStorage(new FileLogStorage(db.resolve("wal")));
    try (Database live = open(db, CONFIG, disk)) {
      disk.fullAfter(20_000);
      for (int i = 0; i < 1000 && failure == null; i++) {
        try {
          live.create(octad(i));
          acknowledged.add(i);
        } catch (VeriSimException e) {
          failure = e;
        }
      }
      assertThat(failure).isNotNull();
      assertThat(failure.code()).isEqualTo(ErrorCode.STORAGE_IO);
      assertThat(failure.getMessage()).contains("disk is full");
      int lost = acknowledged.size();
      assertThatThrownBy(() -> live.create(octad(lost))).isInstanceOfSatisfying(VeriSimException.class,
          e -> assertThat(e.getMessage()).contains("stopped accepting writes"));
      assertThat(live.get("o-00000")).as("reads go on").isPresent();
    }
    try (Database reopened = open(db, CONFIG)) {
      assertHolds(reopened, acknowledged.size());
    }
  }

  @Test
  void concurrentWritersAllCommitAndShareTheLog() throws Exception {
    Path db = dir.resolve("db");
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    try (Database live = open(db, CONFIG)) {
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int first = t * 60;
        writers.add(Thread.ofPlatform().name("writer-" + t).start(() -> {
          try {
            for (int i = first; i < first + 60; i++) {
              live.create(octad(i));
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        }));
      }
      for (Thread w : writers) {
        w.join();
      }
      assertThat(errors).isEmpty();
      assertHolds(live, 480);
      try (Database recovered = open(crashImage(db, dir.resolve("crashed")), CONFIG)) {
        assertHolds(recovered, 480);
      }
    }
  }

  @Test
  void modalitiesCanLiveInTheirOwnBackend() throws Exception {
    Path db = dir.resolve("db");
    DatabaseConfig split = CONFIG.withModalityBackend(Modality.VECTOR, "vault");
    try (Database live = open(db, split)) {
      for (int i = 0; i < 20; i++) {
        live.create(octad(i));
      }
      live.checkpoint();
      assertThat(db.resolve("data/vault/memory.snapshot")).exists();
      assertThat(db.resolve("data/memory/memory.snapshot")).exists();
      for (int i = 20; i < 40; i++) {
        live.create(octad(i));
      }
      try (Database recovered = open(crashImage(db, dir.resolve("crashed")), split)) {
        assertHolds(recovered, 40);
        assertThat(recovered.get("o-00039").orElseThrow().vector().orElseThrow().get(0)).isEqualTo(39f);
      }
    }
    try (Database reopened = open(db, split)) {
      assertHolds(reopened, 40);
    }
    try (Database plain = open(db, CONFIG)) {
      assertThat(plain.config().backendOf(Modality.VECTOR)).as("the directory's layout wins").isEqualTo("vault");
      assertHolds(plain, 40);
    }
  }

  @Test
  void asyncAndUnsyncedModesKeepEverythingOnACleanClose() {
    for (SyncMode mode : new SyncMode[] {SyncMode.ASYNC, SyncMode.NONE}) {
      Path db = dir.resolve(mode.wireName());
      try (Database live = open(db, CONFIG.withWalSync(mode))) {
        for (int i = 0; i < 100; i++) {
          live.create(octad(i));
        }
      }
      try (Database reopened = open(db, CONFIG.withWalSync(mode))) {
        assertHolds(reopened, 100);
      }
    }
  }
}
