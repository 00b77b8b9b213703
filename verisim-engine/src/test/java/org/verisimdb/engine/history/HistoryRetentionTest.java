package org.verisimdb.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verisimdb.engine.history.HistoryFixtures.assertCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.Progress;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.model.write.TemporalInput;

/** History under {@code history.retention = versions:2}: removed versions are VERSION_NOT_FOUND, kept ones still reconstruct. */
class HistoryRetentionTest {
  static final OctadId A = OctadId.of("a");

  /** Six versions of "a": the title changes each time, the vector only at version 1; version 2 is labelled. */
  static List<Octad> write(Database db) {
    List<Octad> written = new ArrayList<>();
    written.add(db.create(OctadInput.builder().id(A).with(DocumentFacet.of("t1", null)).with(new VectorFacet(new float[384], null)).build()));
    for (int v = 2; v <= 6; v++) {
      written.add(db.update(A, OctadPatch.builder().set(Modality.DOCUMENT, "title", "t" + v)
          .temporal(v == 2 ? TemporalInput.label("reviewed") : null).build()));
    }
    return written;
  }

  @Test
  void removedVersionsAreNotFoundAndKeptOnesStillReconstruct() {
    try (Database db = VeriSimDB.openInMemory(HistoryFixtures.keeping(2))) {
      List<Octad> written = write(db);
      HistoryFixtures.collectHistory(db);
      check(db, written);
    }
  }

  @Test
  void retentionHoldsAcrossAReopen(@TempDir Path dir) {
    List<Octad> written;
    try (Database db = HistoryFixtures.durable(dir, HistoryFixtures.keeping(2))) {
      written = write(db);
      HistoryFixtures.collectHistory(db);
      check(db, written);
    }
    try (Database db = HistoryFixtures.durable(dir, HistoryFixtures.keeping(2))) {
      check(db, written);
      assertThat(db.verify(Progress.NONE).intact()).isTrue();
    }
  }

  static void check(Database db, List<Octad> written) {
    History history = db.history();
    String keptFrom = Timestamps.format(written.get(4).modifiedAt());
    assertThat(history.versions(A, 1, 10)).extracting(VersionInfo::retained).containsExactly(false, false, false, false, true, true);
    assertThat(history.versions(A, 1, 10)).extracting(VersionInfo::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    for (int v = 1; v <= 4; v++) {
      int version = v;
      assertCode(() -> history.atVersion(A, version), ErrorCode.VERSION_NOT_FOUND, "version " + v + " of octad 'a' cannot be read",
          "before " + keptFrom + " (version 5) is no longer retained", "history.retention", "Read version 5 or later");
      assertCode(() -> history.asOf(A, written.get(version - 1).modifiedAt()), ErrorCode.VERSION_NOT_FOUND, "no longer retained", keptFrom);
    }
    assertThat(history.atVersion(A, 5)).contains(written.get(4)); // its vector was written at version 1: the entry in effect is kept
    assertThat(history.atVersion(A, 6)).contains(written.get(5));
    assertThat(history.asOf(A, written.get(4).modifiedAt())).contains(written.get(4));
    assertThat(history.asOf(A, written.get(0).modifiedAt().minusNanos(1))).as("before the octad existed").isEmpty();
    assertCode(() -> history.atLabel(A, "reviewed"), ErrorCode.VERSION_NOT_FOUND, "labelled 'reviewed'", "version 2 is older");
    assertCode(() -> history.diff(A, 4, 6), ErrorCode.VERSION_NOT_FOUND, "version 4 of octad 'a' cannot be read");
    assertThat(history.diff(A, 5, 6).changed()).containsExactlyInAnyOrder(Modality.DOCUMENT, Modality.PROVENANCE, Modality.TEMPORAL);
    assertThat(history.between(A, written.get(0).modifiedAt(), written.get(5).modifiedAt(), 10)).hasSize(6);
  }

  @Test
  void deletedOctadsKeepTheirVersionListAfterACollection() {
    try (Database db = VeriSimDB.openInMemory(HistoryFixtures.keeping(2))) {
      write(db);
      long deletion = db.delete(A);
      HistoryFixtures.collectHistory(db);
      List<VersionInfo> listed = db.history().versions(A, 1, 10);
      assertThat(listed).hasSize(7);
      assertThat(listed.getLast().deletion()).isTrue();
      assertThat(listed.getLast().retained()).isTrue();
      assertCode(() -> db.history().atVersion(A, deletion), ErrorCode.VERSION_NOT_FOUND, "deletion");
      assertThat(db.history().atVersion(A, 6)).map(Octad::version).contains(6L);
      assertCode(() -> db.history().atVersion(A, 5), ErrorCode.VERSION_NOT_FOUND, "no longer retained");
    }
  }

  /**
   * The collector removes old versions behind the readers' snapshots, so a reconstruction can
   * race it: every read must be the exact version or VERSION_NOT_FOUND, never a partial octad.
   */
  @Test
  void readsRacingTheCollectorSeeWholeVersionsOrNotFound() throws Exception {
    try (Database db = VeriSimDB.openInMemory(HistoryFixtures.keeping(1))) {
      List<Octad> written = new ArrayList<>(write(db));
      AtomicBoolean done = new AtomicBoolean();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread writer = Thread.ofPlatform().name("history-test-writer").start(() -> {
        try {
          for (int v = 7; v <= 200; v++) {
            Octad octad = db.update(A, OctadPatch.builder().set(Modality.DOCUMENT, "title", "t" + v)
                .replace(new VectorFacet(vector(v), null)).build());
            synchronized (written) {
              written.add(octad);
            }
            if (v % 5 == 0) {
              HistoryFixtures.collectHistory(db);
            }
          }
        } catch (Throwable e) {
          failure.set(e);
        } finally {
          done.set(true);
        }
      });
      int whole = 0;
      while (!done.get()) {
        List<Octad> known;
        synchronized (written) {
          known = List.copyOf(written);
        }
        for (Octad expected : known.reversed().subList(0, Math.min(8, known.size()))) {
          try {
            assertThat(db.history().atVersion(A, expected.version())).contains(expected);
            whole++;
          } catch (VeriSimException e) {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.VERSION_NOT_FOUND);
          }
        }
      }
      writer.join();
      assertThat(failure.get()).isNull();
      assertThat(whole).isPositive();
    }
  }

  static float[] vector(int v) {
    float[] e = new float[384];
    e[v % 384] = v;
    return e;
  }
}
