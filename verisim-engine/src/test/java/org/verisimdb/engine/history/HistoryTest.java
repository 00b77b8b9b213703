package org.verisimdb.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verisimdb.engine.history.HistoryFixtures.assertCode;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.Progress;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.model.write.TemporalInput;

/** The history API on small, hand-written histories: listings and paging, ranges, labels, deletions, imports and errors. */
class HistoryTest {
  static final OctadId A = OctadId.of("a");

  final List<Database> opened = new ArrayList<>();

  Database open(DatabaseConfig config) {
    Database db = VeriSimDB.openInMemory(config.withVectorDimension(2));
    opened.add(db);
    return db;
  }

  Database open() {
    return open(DatabaseConfig.defaults());
  }

  @AfterEach
  void close() {
    opened.forEach(Database::close);
  }

  static OctadInput doc(String id, String title) {
    return OctadInput.builder().id(id).with(DocumentFacet.of(title, null)).build();
  }

  static OctadPatch retitle(String title, String label) {
    return OctadPatch.builder().set(Modality.DOCUMENT, "title", title).temporal(label == null ? null : TemporalInput.label(label)).build();
  }

  /** Versions 1..n of "a", each retitled; returns what each write returned. */
  static List<Octad> versions(Database db, int n) {
    List<Octad> written = new ArrayList<>();
    written.add(db.create(doc("a", "t1")));
    for (int v = 2; v <= n; v++) {
      written.add(db.update(A, retitle("t" + v, null)));
    }
    return written;
  }

  @Test
  void versionsListWhoWhenWhatAndWhatChanged() {
    Database db = open();
    Octad first = db.session("alice").create(OctadInput.builder().id("a").with(DocumentFacet.of("t", null))
        .temporal(new TemporalInput(Instant.parse("2025-06-01T00:00:00Z"), "draft", "first")).build());
    Octad second = db.session("bob").update(A, OctadPatch.builder().replace(new VectorFacet(new float[] {1, 2}, null))
        .remove(Modality.DOCUMENT).replace(SpatialFacet.point(1, 2)).build());
    List<VersionInfo> listed = db.history().versions(A, 1, 10);
    assertThat(listed).containsExactly(
        new VersionInfo(1, first.modifiedAt(), "alice", "draft", "first", Instant.parse("2025-06-01T00:00:00Z"), false,
            java.util.Set.of(Modality.DOCUMENT, Modality.PROVENANCE, Modality.TEMPORAL), java.util.Set.of(Modality.DOCUMENT, Modality.PROVENANCE),
            true, first.temporal().current().versionHash()),
        new VersionInfo(2, second.modifiedAt(), "bob", null, null, Instant.parse("2025-06-01T00:00:00Z"), false,
            java.util.Set.of(Modality.VECTOR, Modality.SPATIAL, Modality.PROVENANCE, Modality.TEMPORAL),
            java.util.Set.of(Modality.DOCUMENT, Modality.VECTOR, Modality.SPATIAL, Modality.PROVENANCE), true,
            second.temporal().current().versionHash()));
  }

  @Test
  void versionsPageFromAGivenVersion() {
    Database db = open();
    versions(db, 25);
    History history = db.history();
    assertThat(history.versions(A, 1, 10)).extracting(VersionInfo::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(history.versions(A, 21, 10)).extracting(VersionInfo::version).containsExactly(21L, 22L, 23L, 24L, 25L);
    assertThat(history.versions(A, 25, 1)).extracting(VersionInfo::version).containsExactly(25L);
    assertThat(history.versions(A, 26, 10)).isEmpty();
    assertThat(history.versions("a", Long.MAX_VALUE, 10)).isEmpty();
    assertThat(history.versions(A, 11, 1).getFirst().changed()).containsExactlyInAnyOrder(Modality.DOCUMENT, Modality.PROVENANCE);
  }

  @Test
  void reconstructedOctadsCarryTheConfiguredNumberOfVersionRecords() {
    Database db = open(DatabaseConfig.defaults().withHistoryLimit(2));
    List<Octad> written = versions(db, 6);
    Octad v4 = db.history().atVersion(A, 4).orElseThrow();
    assertThat(v4).isEqualTo(written.get(3));
    assertThat(v4.temporal().versions()).extracting(r -> r.version()).containsExactly(4L, 3L);
    assertThat(v4.temporal().versionCount()).isEqualTo(4);
    assertThat(v4.document().orElseThrow().title()).isEqualTo("t4");
    assertThat(v4.provenance().orElseThrow().records()).hasSize(4);
  }

  @Test
  void asOfReadsTheVersionInEffectAndTheFutureIsNow() {
    Database db = open();
    List<Octad> written = versions(db, 3);
    History history = db.history();
    Instant t1 = written.get(0).modifiedAt();
    Instant t2 = written.get(1).modifiedAt();
    assertThat(history.asOf(A, t1.minusNanos(1))).isEmpty();
    assertThat(history.asOf(A, t1)).contains(written.get(0));
    assertThat(history.asOf(A, t2.minusNanos(1))).contains(written.get(0));
    assertThat(history.asOf(A, t2)).contains(written.get(1));
    assertThat(history.asOf(A, Instant.MAX)).contains(written.get(2));
    assertThat(history.asOf(A, Instant.MIN)).isEmpty();
  }

  @Test
  void betweenListsTheVersionsCommittedInTheClosedRange() {
    Database db = open();
    List<Octad> written = versions(db, 6);
    History history = db.history();
    Instant t2 = written.get(1).modifiedAt();
    Instant t5 = written.get(4).modifiedAt();
    assertThat(history.between(A, t2, t5, 100)).extracting(VersionInfo::version).containsExactly(2L, 3L, 4L, 5L);
    assertThat(history.between(A, t2.plusNanos(1), t5.minusNanos(1), 100)).extracting(VersionInfo::version).containsExactly(3L, 4L);
    assertThat(history.between(A, t2, t2, 100)).extracting(VersionInfo::version).containsExactly(2L);
    assertThat(history.between(A, Instant.MIN, Instant.MAX, 2)).extracting(VersionInfo::version).containsExactly(1L, 2L);
    assertThat(history.between(A, written.get(1).modifiedAt().plusNanos(1), Instant.MAX, 2)).extracting(VersionInfo::version)
        .containsExactly(3L, 4L); // the next page
    assertThat(history.between(A, Instant.MIN, written.get(0).modifiedAt().minusNanos(1), 100)).isEmpty();
    assertThat(history.between(A, written.get(5).modifiedAt().plusNanos(1), Instant.MAX, 100)).isEmpty();
    assertCode(() -> history.between(A, t5, t2, 100), ErrorCode.INVALID_ARGUMENT, "earlier time first");
  }

  @Test
  void labelsFindTheNewestVersionCarryingThem() {
    Database db = open();
    db.create(doc("a", "t1"));
    Octad reviewed = db.update(A, retitle("t2", "reviewed"));
    Octad published = db.update(A, retitle("t3", "published"));
    Octad reviewedAgain = db.update(A, retitle("t4", "reviewed"));
    db.update(A, retitle("t5", null));
    History history = db.history();
    assertThat(history.atLabel(A, "reviewed")).contains(reviewedAgain);
    assertThat(history.atLabel("a", "published")).contains(published);
    assertThat(reviewed.version()).isEqualTo(2);
    assertCode(() -> history.atLabel(A, "Reviewed"), ErrorCode.VERSION_NOT_FOUND, "no version of octad 'a' is labelled 'Reviewed'");
  }

  @Test
  void deletedOctadsKeepTheirHistoryAndRecreationsContinueIt() {
    Database db = open();
    Octad v1 = db.create(doc("a", "first life"));
    long deletion = db.delete(A);
    Octad v3 = db.create(doc("a", "second life"));
    History history = db.history();
    List<VersionInfo> listed = history.versions(A, 1, 10);
    assertThat(listed).extracting(VersionInfo::deletion).containsExactly(false, true, false);
    VersionInfo deleted = listed.get(1);
    assertThat(deleted.version()).isEqualTo(deletion);
    assertThat(deleted.modalities()).isEmpty();
    assertThat(deleted.changed()).containsExactlyInAnyOrder(Modality.DOCUMENT, Modality.PROVENANCE);
    assertThat(listed.get(2).changed()).containsExactlyInAnyOrder(Modality.DOCUMENT, Modality.PROVENANCE);
    assertThat(history.atVersion(A, 1)).contains(v1);
    assertThat(history.atVersion(A, 3)).contains(v3);
    assertCode(() -> history.atVersion(A, 2), ErrorCode.VERSION_NOT_FOUND, "deletion", "read version 1");
    assertThat(history.asOf(A, deleted.committedAt())).isEmpty();
    assertThat(history.asOf(A, deleted.committedAt().minusNanos(1))).contains(v1);
    assertThat(v3.createdAt()).isEqualTo(v3.modifiedAt()); // a re-creation starts a new life

    db.delete(A);
    assertThat(db.history().versions(A, 1, 10)).hasSize(4);
    assertThat(db.history().asOf(A, Instant.MAX)).isEmpty();
    assertThat(db.history().atVersion(A, 3)).contains(v3);
    assertThat(db.history().diff(A, 1, 3).of(Modality.DOCUMENT).change()).isEqualTo(VersionDiff.Change.CHANGED);
  }

  @Test
  void importedOctadsBringTheirVersionRecordsButOnlyTheNewestContent(@TempDir Path dir) throws Exception {
    Database source = open();
    List<Octad> written = versions(source, 3);
    Path file = dir.resolve("export.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      source.exportTo(out, Progress.NONE);
    }
    Database copy = open();
    copy.importFrom(file, Progress.NONE);
    History history = copy.history();
    assertThat(history.versions(A, 1, 10)).extracting(VersionInfo::retained).containsExactly(false, false, true);
    assertThat(history.versions(A, 1, 10)).extracting(VersionInfo::committedAt)
        .containsExactlyElementsOf(written.stream().map(Octad::modifiedAt).toList());
    assertThat(history.atVersion(A, 3)).isEqualTo(copy.get(A));
    assertCode(() -> history.atVersion(A, 1), ErrorCode.VERSION_NOT_FOUND, "an import brings only the newest version");
    assertCode(() -> history.asOf(A, written.get(1).modifiedAt()), ErrorCode.VERSION_NOT_FOUND, "Read version 3 or later");
  }

  @Test
  void octadsThatNeverExistedAreEmptyOrNotFound() {
    Database db = open();
    History history = db.history();
    assertThat(history.asOf("ghost", Instant.MAX)).isEmpty();
    assertThat(history.atVersion("ghost", 1)).isEmpty();
    assertThat(history.atLabel("ghost", "reviewed")).isEmpty();
    assertCode(() -> history.versions("ghost", 1, 10), ErrorCode.OCTAD_NOT_FOUND, "'ghost' does not exist");
    assertCode(() -> history.between("ghost", Instant.MIN, Instant.MAX, 10), ErrorCode.OCTAD_NOT_FOUND, "ghost");
    assertCode(() -> history.diff("ghost", 1, 1), ErrorCode.OCTAD_NOT_FOUND, "ghost");
  }

  @Test
  void versionsThatDoNotExistAreVersionNotFound() {
    Database db = open();
    versions(db, 2);
    assertCode(() -> db.history().atVersion(A, 3), ErrorCode.VERSION_NOT_FOUND, "version 3 of octad 'a' does not exist", "1 to 2");
  }

  @Test
  void badArgumentsAreRefused() {
    Database db = open(DatabaseConfig.defaults().with(Map.of("vql.max_limit", "50", "vql.default_limit", "10"), "test"));
    versions(db, 2);
    History history = db.history();
    assertCode(() -> history.versions((OctadId) null, 1, 10), ErrorCode.INVALID_ID, "id is required");
    assertCode(() -> history.versions(A, 0, 10), ErrorCode.INVALID_ARGUMENT, "fromVersion is 0");
    assertCode(() -> history.versions(A, 1, 0), ErrorCode.INVALID_ARGUMENT, "outside 1..50");
    assertCode(() -> history.versions(A, 1, 51), ErrorCode.INVALID_ARGUMENT, "vql.max_limit");
    assertCode(() -> history.between(A, Instant.MIN, Instant.MAX, 51), ErrorCode.INVALID_ARGUMENT, "vql.max_limit");
    assertCode(() -> history.between(A, null, Instant.MAX, 5), ErrorCode.INVALID_ARGUMENT, "from");
    assertCode(() -> history.asOf(A, null), ErrorCode.INVALID_ARGUMENT, "time");
    assertCode(() -> history.atVersion(A, -1), ErrorCode.INVALID_ARGUMENT, "versions start at 1");
    assertCode(() -> history.atLabel(A, ""), ErrorCode.INVALID_ARGUMENT, "label");
    assertCode(() -> history.atLabel(A, null), ErrorCode.INVALID_ARGUMENT, "label");
  }

  @Test
  void eachCallReadsTheNewestCommitsAndAClosedDatabaseRefuses() {
    Database db = open();
    History history = db.history();
    db.create(doc("a", "t1"));
    assertThat(history.versions(A, 1, 10)).hasSize(1);
    Octad v2 = db.update(A, retitle("t2", null));
    assertThat(history.asOf(A, Instant.MAX)).contains(v2);
    db.close();
    assertCode(() -> history.atVersion(A, 1), ErrorCode.DATABASE_CLOSED, "closed");
  }
}
