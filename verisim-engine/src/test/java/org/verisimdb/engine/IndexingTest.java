package org.verisimdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.engine.index.IndexCheck;
import org.verisimdb.engine.index.IndexRecovery;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.temporal.TemporalFields;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;

/** The index follows commits only, survives reopening, catches up from the log and rebuilds itself. */
class IndexingTest {
  @TempDir
  Path dir;

  static final DatabaseConfig CONFIG = DurabilityTest.CONFIG.withAutoEmbedding(false);

  static OctadInput octad(String id) {
    return OctadInput.builder().id(id).with(DocumentFacet.of("title " + id, "body of " + id)).build();
  }

  /** The ids the index holds at the newest visible state. */
  static TreeSet<String> indexed(Database db) {
    EmbeddedDatabase e = (EmbeddedDatabase) db;
    try (IndexView view = e.indexes().view(e.visibleLsn())) {
      TreeSet<String> ids = new TreeSet<>();
      var reader = view.searcher().getIndexReader();
      for (var leaf : reader.leaves()) {
        var live = leaf.reader().getLiveDocs();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            ids.add(view.idOf(leaf.docBase + d).value());
          }
        }
      }
      return ids;
    }
  }

  static void assertAgrees(Database db) {
    EmbeddedDatabase e = (EmbeddedDatabase) db;
    try (IndexView view = e.indexes().view(e.visibleLsn())) {
      IndexCheck.Result result = IndexCheck.check(view, e.readStore(), 10, Progress.NONE);
      assertThat(result.problems()).isEmpty();
    }
    assertThat(db.verify(Progress.NONE).intact()).isTrue();
  }

  @Test
  void commitsReachTheIndexAndRollbacksDoNot() {
    try (Database db = VeriSimDB.openInMemory(CONFIG)) {
      db.create(octad("a"));
      db.create(octad("b"));
      assertThat(indexed(db)).containsExactly("a", "b");
      try (Transaction tx = db.begin()) {
        tx.create(octad("c"));
        tx.delete(OctadId.of("a"));
        assertThat(indexed(db)).containsExactly("a", "b"); // staged writes are invisible
        tx.rollback();
      }
      assertThat(indexed(db)).containsExactly("a", "b");
      db.inTransaction(tx -> {
        tx.create(octad("c"));
        tx.delete(OctadId.of("a"));
      });
      assertThat(indexed(db)).containsExactly("b", "c");
      db.update(OctadId.of("b"), OctadPatch.builder().set(org.verisimdb.model.Modality.DOCUMENT, "title", "renamed").build());
      assertAgrees(db);
    }
  }

  @Test
  void aCommitAListenerRefusesIsNotIndexed() {
    try (Database db = VeriSimDB.openInMemory(CONFIG)) {
      ((EmbeddedDatabase) db).addCommitListener(new org.verisimdb.engine.commit.CommitListener() {
        @Override
        public void validate(List<org.verisimdb.engine.store.StoredChange> changes) {
          if (changes.stream().anyMatch(c -> c.id().value().startsWith("refused"))) {
            throw new VeriSimException(ErrorCode.CONSTRAINT_VIOLATION, "refused");
          }
        }

        @Override
        public void applied(long lsn, List<org.verisimdb.engine.store.StoredChange> changes) {}
      });
      db.create(octad("kept"));
      assertThatThrownBy(() -> db.create(octad("refused-1"))).isInstanceOf(VeriSimException.class);
      assertThat(indexed(db)).containsExactly("kept");
    }
  }

  @Test
  void randomWritesKeepTheIndexEqualToTheStore() throws IOException {
    Random random = new Random(42);
    try (Database db = VeriSimDB.openInMemory(CONFIG)) {
      TreeSet<String> live = new TreeSet<>();
      for (int step = 0; step < 400; step++) {
        String id = "o" + random.nextInt(60);
        if (live.contains(id) && random.nextBoolean()) {
          db.delete(OctadId.of(id));
          live.remove(id);
        } else if (live.contains(id)) {
          db.update(OctadId.of(id), OctadPatch.builder().set(org.verisimdb.model.Modality.DOCUMENT, "n", step).build());
        } else {
          db.create(octad(id));
          live.add(id);
        }
        if (step % 50 == 0) {
          assertThat(indexed(db)).isEqualTo(live);
        }
      }
      assertThat(indexed(db)).isEqualTo(live);
      assertAgrees(db);
      try (IndexView view = ((EmbeddedDatabase) db).indexes().view(((EmbeddedDatabase) db).visibleLsn())) {
        assertThat(view.searcher().count(TemporalFields.modifiedBy(db.principal()))).isEqualTo(live.size());
      }
    }
  }

  @Test
  void reopeningFindsTheIndexUpToDate() {
    Path path = dir.resolve("db");
    try (Database db = VeriSimDB.open(path, CONFIG)) {
      for (int i = 0; i < 20; i++) {
        db.create(octad("o" + i));
      }
    }
    try (Database db = VeriSimDB.open(path, CONFIG)) {
      assertThat(((EmbeddedDatabase) db).indexRecovery()).isEqualTo(IndexRecovery.Outcome.UP_TO_DATE);
      assertThat(indexed(db)).hasSize(20);
    }
  }

  @Test
  void aCrashedIndexCatchesUpFromTheLog() throws IOException {
    Path path = dir.resolve("db");
    Path image = dir.resolve("image");
    try (Database db = VeriSimDB.open(path, CONFIG)) {
      for (int i = 0; i < 20; i++) {
        db.create(octad("o" + i));
      }
      db.checkpoint(); // the index commits here
      for (int i = 20; i < 30; i++) {
        db.create(octad("o" + i));
      }
      db.delete(OctadId.of("o3"));
      DurabilityTest.crashImage(path, image);
    }
    try (Database db = VeriSimDB.open(image, CONFIG)) {
      assertThat(((EmbeddedDatabase) db).indexRecovery()).isEqualTo(IndexRecovery.Outcome.CAUGHT_UP);
      assertThat(indexed(db)).hasSize(29).doesNotContain("o3").contains("o29");
      assertAgrees(db);
    }
  }

  @Test
  void aMissingIndexOrChangedSettingsRebuild() throws IOException {
    Path path = dir.resolve("db");
    try (Database db = VeriSimDB.open(path, CONFIG)) {
      for (int i = 0; i < 15; i++) {
        db.create(octad("o" + i));
      }
    }
    deleteTree(path.resolve("index"));
    try (Database db = VeriSimDB.open(path, CONFIG)) {
      assertThat(((EmbeddedDatabase) db).indexRecovery()).isEqualTo(IndexRecovery.Outcome.REBUILT);
      assertThat(indexed(db)).hasSize(15);
    }
    DatabaseConfig euclidean = CONFIG.with(Map.of("vector.metric", "euclidean"), "test");
    try (Database db = VeriSimDB.open(path, euclidean)) {
      assertThat(((EmbeddedDatabase) db).indexRecovery()).isEqualTo(IndexRecovery.Outcome.REBUILT);
      assertAgrees(db);
    }
  }

  @Test
  void aFailedIndexStopsSearchesNotCommitsAndIsRepairedOnReopen() {
    Path path = dir.resolve("db");
    try (Database db = VeriSimDB.open(path, CONFIG)) {
      db.create(octad("a"));
      assertThat(db.search().text("title", 10).size()).isEqualTo(1);
      ((EmbeddedDatabase) db).indexes().index().close(); // what a failed disk under the index looks like to the indexer
      db.create(octad("b"));
      db.create(octad("c"));
      assertThatThrownBy(() -> {
        for (int i = 0; i < 200; i++) { // the indexer fails on its next step; searches report it from then on
          db.search().text("title", 10);
          Thread.sleep(5);
        }
      }).isInstanceOfSatisfying(VeriSimException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.INDEX_UNAVAILABLE);
        assertThat(e.getMessage()).contains("reopened");
      });
      db.create(octad("d")); // commits go on
      assertThat(db.stats().octads()).isEqualTo(4);
    }
    try (Database db = VeriSimDB.open(path, CONFIG)) {
      assertThat(indexed(db)).containsExactly("a", "b", "c", "d");
      assertAgrees(db);
    }
  }

  @Test
  void rebuildReportsProgressWhileWritesGoOn() throws Exception {
    try (Database db = VeriSimDB.openInMemory(CONFIG)) {
      for (int i = 0; i < 2500; i++) {
        db.create(octad("o" + i));
      }
      List<Long> reported = new ArrayList<>();
      Thread writer = Thread.ofPlatform().start(() -> {
        for (int i = 0; i < 200; i++) {
          db.create(octad("w" + i));
        }
      });
      var report = db.rebuildIndex((stage, done, total) -> reported.add(done));
      writer.join();
      assertThat(report.octads()).isBetween(2500L, 2700L);
      assertThat(reported).isNotEmpty().isSorted();
      assertThat(indexed(db)).hasSize(2700);
      assertAgrees(db);
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
