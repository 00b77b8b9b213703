package org.verisimdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.engine.backup.BackupReport;
import org.verisimdb.engine.backup.MigrationReport;
import org.verisimdb.engine.backup.RestorePoint;
import org.verisimdb.engine.backup.RestoreReport;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.engine.store.StoreKeys;
import org.verisimdb.engine.verify.VerifyReport;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.storage.WriteBatch;
import org.verisimdb.testkit.sample.SampleGenerator;

/** Export, import, backup, restore, migration and verification of a database on disk. */
class AdministrationTest {
  @TempDir
  Path dir;

  static final DatabaseConfig CONFIG = DatabaseConfig.defaults().withBackend("memory").withCheckpoints(0, 1L << 40);

  static void fill(Database db, int n) {
    SampleGenerator generator = new SampleGenerator(11, n);
    generator.stream().forEach(db::create);
    db.update(generator.idOf(0), OctadPatch.builder().set(Modality.DOCUMENT, "reviewed", true).build());
    db.delete(generator.idOf(1));
  }

  static byte[] export(Database db) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    db.exportTo(out, Progress.NONE);
    return out.toByteArray();
  }

  static void rejects(Runnable call, ErrorCode code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).as(e.toString()).isEqualTo(code);
      assertThat(e.getMessage()).contains(message);
    });
  }

  @Test
  void exportsAreDeterministicAndImportsGiveTheSameDatabase() throws Exception {
    Path file = dir.resolve("export.jsonl");
    try (Database db = VeriSimDB.open(dir.resolve("a"), CONFIG)) {
      fill(db, 60);
      byte[] first = export(db);
      assertThat(export(db)).isEqualTo(first);
      Files.write(file, first);
      String[] lines = new String(first, StandardCharsets.UTF_8).split("\n");
      assertThat(lines).hasSize(60); // 59 live octads and the manifest
      assertThat(lines[lines.length - 1]).startsWith("{\"manifest\":{").contains("\"octads\":59").contains("\"document\":59");
      try (Database copy = VeriSimDB.open(dir.resolve("b"), CONFIG)) {
        List<Long> reported = new ArrayList<>();
        copy.importFrom(file, (stage, done, total) -> {
          if (stage.equals("imported")) {
            reported.add(done);
          }
        });
        assertThat(reported).containsExactly(59L);
        assertThat(export(copy)).isEqualTo(first);
        assertThat(copy.stats()).isEqualTo(db.stats());
        OctadId updated = new SampleGenerator(11, 60).idOf(0);
        assertThat(copy.get(updated)).isEqualTo(db.get(updated));
        assertThat(copy.get(updated).orElseThrow().temporal().versions()).hasSize(2);
        assertThat(copy.verify(Progress.NONE).intact()).isTrue();
      }
    }
  }

  @Test
  void importRefusesCutAlteredAndConflictingFilesAndChangesNothing() throws Exception {
    Path file = dir.resolve("export.jsonl");
    try (Database db = VeriSimDB.open(dir.resolve("a"), CONFIG)) {
      fill(db, 30);
      Files.write(file, export(db));
    }
    List<String> lines = Files.readAllLines(file);
    try (Database target = VeriSimDB.open(dir.resolve("b"), CONFIG)) {
      Path cut = dir.resolve("cut.jsonl");
      Files.write(cut, lines.subList(0, lines.size() - 1));
      rejects(() -> target.importFrom(cut, Progress.NONE), ErrorCode.TRANSFER_INVALID, "no manifest line");

      Path missing = dir.resolve("missing.jsonl");
      List<String> less = new ArrayList<>(lines);
      less.remove(5);
      Files.write(missing, less);
      rejects(() -> target.importFrom(missing, Progress.NONE), ErrorCode.TRANSFER_INVALID, "1 are missing");

      Path altered = dir.resolve("altered.jsonl");
      List<String> changed = new ArrayList<>(lines);
      changed.set(3, changed.get(3).replaceFirst("\"title\":\"", "\"title\":\"Edited "));
      Files.write(altered, changed);
      rejects(() -> target.importFrom(altered, Progress.NONE), ErrorCode.TRANSFER_INVALID, "lines 1–10000");

      Path garbage = dir.resolve("garbage.jsonl");
      Files.writeString(garbage, "{\"id\":\"x\"}\n");
      rejects(() -> target.importFrom(garbage, Progress.NONE), ErrorCode.TRANSFER_INVALID, "line 1 is not a valid octad");
      assertThat(target.stats().octads()).isZero();

      target.importFrom(file, Progress.NONE);
      rejects(() -> target.importFrom(file, Progress.NONE), ErrorCode.TRANSFER_INVALID, "already in the database");
      assertThat(target.stats().octads()).isEqualTo(29);
    }
  }

  @Test
  void backupThenRestoreExportsTheSameBytesAndRestoresToAnyPoint() throws Exception {
    Path backup = dir.resolve("backup");
    byte[] atFull;
    byte[] atIncremental;
    long fullLsn;
    try (Database db = VeriSimDB.open(dir.resolve("live"), CONFIG.withModalityBackend(Modality.VECTOR, "memory"))) {
      fill(db, 40);
      db.checkpoint();
      BackupReport full = db.backup(backup, false, Progress.NONE);
      fullLsn = full.lastLsn();
      atFull = export(db);
      db.create(OctadInput.builder().id("late-1").with(DocumentFacet.of("after the full backup", null)).build());
      Thread.sleep(5);
      Instant between = Instant.now();
      Thread.sleep(5);
      db.create(OctadInput.builder().id("late-2").with(DocumentFacet.of("later still", null)).build());
      BackupReport incremental = db.backup(backup, true, Progress.NONE);
      assertThat(incremental.recordsCopied()).isEqualTo(2);
      atIncremental = export(db);
      rejects(() -> db.backup(backup, false, Progress.NONE), ErrorCode.INVALID_ARGUMENT, "is not empty");

      RestoreReport latest = VeriSimDB.restore(backup, dir.resolve("restored"), RestorePoint.latest(), CONFIG, Progress.NONE);
      assertThat(latest.octads()).isEqualTo(41);
      RestoreReport atTime = VeriSimDB.restore(backup, dir.resolve("at-time"), new RestorePoint.AtTime(between), CONFIG, Progress.NONE);
      assertThat(atTime.octads()).isEqualTo(40);
      RestoreReport atLsn = VeriSimDB.restore(backup, dir.resolve("at-lsn"), new RestorePoint.AtLsn(fullLsn), CONFIG, Progress.NONE);
      assertThat(atLsn.lsn()).isEqualTo(fullLsn);
      rejects(() -> VeriSimDB.restore(backup, dir.resolve("too-early"), new RestorePoint.AtLsn(1), CONFIG, Progress.NONE),
          ErrorCode.INVALID_ARGUMENT, "cannot go back before");
    }
    try (Database restored = VeriSimDB.open(dir.resolve("restored"), CONFIG.withModalityBackend(Modality.VECTOR, "memory"))) {
      assertThat(export(restored)).isEqualTo(atIncremental);
      assertThat(restored.verify(Progress.NONE).intact()).isTrue();
    }
    try (Database restored = VeriSimDB.open(dir.resolve("at-lsn"), CONFIG)) {
      assertThat(export(restored)).isEqualTo(atFull);
    }
  }

  @Test
  void aBackupTakenWhileWritesContinueRestoresToAConsistentDatabase() throws Exception {
    Path backup = dir.resolve("backup");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger written = new AtomicInteger();
    try (Database db = VeriSimDB.open(dir.resolve("live"), CONFIG)) {
      fill(db, 20);
      Thread writer = Thread.ofPlatform().name("backup-test-writer").start(() -> {
        for (int i = 0; !stop.get(); i++) {
          db.create(OctadInput.builder().id("w-" + i).with(DocumentFacet.of("written during the backup " + i, null)).build());
          written.incrementAndGet();
        }
      });
      Thread.sleep(50);
      int before = written.get();
      db.backup(backup, false, Progress.NONE);
      stop.set(true);
      writer.join();
      RestoreReport restored = VeriSimDB.restore(backup, dir.resolve("restored"), RestorePoint.latest(), CONFIG, Progress.NONE);
      assertThat(restored.octads()).isGreaterThanOrEqualTo(19 + before);
    }
    try (Database restored = VeriSimDB.open(dir.resolve("restored"), CONFIG)) {
      VerifyReport report = restored.verify(Progress.NONE);
      assertThat(report.problems()).isEmpty();
      assertThat(report.intact()).isTrue();
    }
  }

  @Test
  void migrationCopiesEveryKeyAndChecksTheCopy() throws Exception {
    byte[] source;
    try (Database db = VeriSimDB.open(dir.resolve("routed"), CONFIG.withModalityBackend(Modality.VECTOR, "memory"))) {
      fill(db, 25);
      source = export(db);
      MigrationReport report = db.migrateTo(dir.resolve("plain"), "memory", Progress.NONE);
      assertThat(report.octads()).isEqualTo(24);
      assertThat(report.keyspaces()).containsKeys("octad", "document", "vector", "version", "provenance");
      db.create(OctadInput.builder().id("after").with(DocumentFacet.of("not in the copy", null)).build());
    }
    try (Database copy = VeriSimDB.open(dir.resolve("plain"), CONFIG)) {
      assertThat(export(copy)).isEqualTo(source);
      copy.create(OctadInput.builder().id("new").with(DocumentFacet.of("the copy takes writes", null)).build());
      assertThat(copy.verify(Progress.NONE).intact()).isTrue();
    }
  }

  @Test
  void verificationFindsDataChangedOutsideTheWritePath() throws Exception {
    try (Database db = VeriSimDB.open(dir.resolve("db"), CONFIG)) {
      fill(db, 10);
      assertThat(db.verify(Progress.NONE).intact()).isTrue();
      OctadId victim = new SampleGenerator(11, 10).idOf(3);
      EmbeddedDatabase internals = (EmbeddedDatabase) db;
      OctadId donor = new SampleGenerator(11, 10).idOf(4);
      byte[] otherDocument;
      try (var cursor = internals.stores().scan(OctadStore.keyspaceOf(Modality.DOCUMENT), StoreKeys.prefix(donor), StoreKeys.prefixEnd(donor))) {
        assertThat(cursor.next()).isTrue();
        otherDocument = cursor.value();
      }
      long version = db.get(victim).orElseThrow().temporal().version();
      internals.stores().apply(new WriteBatch()
          .put(OctadStore.keyspaceOf(Modality.DOCUMENT), StoreKeys.versioned(victim, version), otherDocument)
          .put(OctadStore.keyspaceOf(Modality.TENSOR), StoreKeys.versioned(OctadId.of("ghost"), 1), new byte[] {1}));
      VerifyReport report = db.verify(Progress.NONE);
      assertThat(report.intact()).isFalse();
      assertThat(report.problems()).anyMatch(p -> p.contains("octad " + victim + ": document hashes to"))
          .anyMatch(p -> p.contains("tensor data of octad ghost is stored, but the octad does not exist"));
    }
  }
}
