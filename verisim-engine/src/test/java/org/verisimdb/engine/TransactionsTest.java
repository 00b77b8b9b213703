package org.verisimdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.verisimdb.engine.HermitageTest.row;
import static org.verisimdb.engine.HermitageTest.set;
import static org.verisimdb.engine.HermitageTest.value;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.commit.CommitListener;
import org.verisimdb.engine.store.StoredChange;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;

class TransactionsTest {
  static final OctadId A = OctadId.of("a");
  static final OctadId B = OctadId.of("b");

  final List<Database> opened = new ArrayList<>();

  Database open(TransactionSettings settings) {
    Database db = VeriSimDB.openInMemory(DatabaseConfig.defaults().withTransactions(settings));
    db.create(row("a", 1));
    db.create(row("b", 2));
    opened.add(db);
    return db;
  }

  Database open() {
    return open(TransactionSettings.DEFAULTS);
  }

  @AfterEach
  void close() {
    opened.forEach(Database::close);
  }

  static void assertCode(Runnable step, ErrorCode code, String messagePart) {
    assertThatThrownBy(step::run).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.getMessage()).contains(messagePart);
    });
  }

  @Test
  void writesOfSeveralOctadsBecomeVisibleTogetherAndOnlyAtCommit() {
    Database db = open();
    Transaction tx = db.begin();
    set(tx, "a", 10);
    tx.create(row("c", 30));
    tx.delete(B);
    assertThat(value(tx, "a")).isEqualTo(10); // its own writes
    assertThat(tx.exists(B)).isFalse();
    assertThat(value(db, "a")).isEqualTo(1); // nobody else's
    assertThat(db.exists(OctadId.of("c"))).isFalse();
    assertThat(db.exists(B)).isTrue();
    assertThat(db.stats().octads()).isEqualTo(2);
    tx.commit();
    assertThat(value(db, "a")).isEqualTo(10);
    assertThat(value(db, "c")).isEqualTo(30);
    assertThat(db.exists(B)).isFalse();
    assertThat(db.stats().octads()).isEqualTo(2);
    assertThat(tx.state()).isEqualTo("committed");
    assertCode(() -> set(tx, "a", 11), ErrorCode.TRANSACTION_CLOSED, "is committed");
  }

  @Test
  void rollbackLeavesNoTraceInStoresCountsOrListeners() {
    Database db = open();
    List<Long> applied = new ArrayList<>();
    ((EmbeddedDatabase) db).addCommitListener((lsn, changes) -> applied.add(lsn));
    long before = ((EmbeddedDatabase) db).visibleLsn();
    Transaction tx = db.begin();
    tx.create(row("c", 3));
    set(tx, "a", 5);
    tx.rollback();
    assertThat(tx.state()).isEqualTo("rolled_back");
    assertThat(((EmbeddedDatabase) db).visibleLsn()).isEqualTo(before);
    assertThat(db.exists(OctadId.of("c"))).isFalse();
    assertThat(db.get("a").orElseThrow().temporal().version()).isEqualTo(1);
    assertThat(db.stats().octads()).isEqualTo(2);
    assertThat(applied).isEmpty();
    db.create(row("d", 4));
    assertThat(applied).containsExactly(before + 1);
    assertThat(db.verify(Progress.NONE).intact()).isTrue();
  }

  @Test
  void aListenerCanRefuseACommitAndThenNothingIsWritten() {
    Database db = open();
    ((EmbeddedDatabase) db).addCommitListener(new CommitListener() {
      @Override
      public void validate(List<StoredChange> changes) {
        if (changes.stream().anyMatch(c -> c.id().value().equals("refused"))) {
          throw VeriSimException.invalid(ErrorCode.INVALID_VALUE, "id", "refused by the index");
        }
      }

      @Override
      public void applied(long lsn, List<StoredChange> changes) {}
    });
    Transaction tx = db.begin();
    set(tx, "a", 7);
    tx.create(row("refused", 1));
    assertCode(tx::commit, ErrorCode.INVALID_VALUE, "refused by the index");
    assertThat(value(db, "a")).isEqualTo(1);
    assertThat(db.exists(OctadId.of("refused"))).isFalse();
  }

  @Test
  void anOrdinaryErrorLeavesTheTransactionUsable() {
    Database db = open();
    Transaction tx = db.begin();
    assertCode(() -> tx.update(OctadId.of("missing"), OctadPatch.builder().set(Modality.DOCUMENT, "value", 1).build()),
        ErrorCode.OCTAD_NOT_FOUND, "does not exist");
    assertCode(() -> tx.create(row("a", 9)), ErrorCode.OCTAD_ALREADY_EXISTS, "already exists");
    set(tx, "a", 3);
    tx.commit();
    assertThat(value(db, "a")).isEqualTo(3);
  }

  @Test
  void aConflictAbortsTheTransactionUntilRolledBack() {
    Database db = open();
    Transaction tx = db.begin(Isolation.SNAPSHOT);
    value(tx, "a"); // takes the snapshot
    set(db.begin(), "a", 5); // uncommitted elsewhere: no conflict
    db.update(A, OctadPatch.builder().set(Modality.DOCUMENT, "value", 6).build());
    assertCode(() -> set(tx, "a", 7), ErrorCode.WRITE_CONFLICT, "first committer wins");
    assertThat(tx.state()).isEqualTo("aborted");
    assertCode(() -> value(tx, "b"), ErrorCode.TRANSACTION_ABORTED, "roll it back");
    assertCode(tx::commit, ErrorCode.TRANSACTION_ABORTED, "nothing of it was written");
    assertThat(tx.state()).isEqualTo("rolled_back");
    assertThat(value(db, "a")).isEqualTo(6);
  }

  @Test
  void readCommittedAppliesWritesToTheNewestVersion() {
    Database db = open();
    Transaction tx = db.begin(Isolation.READ_COMMITTED);
    tx.update(A, OctadPatch.builder().set(Modality.DOCUMENT, "note", "from tx").build());
    db.update(A, OctadPatch.builder().set(Modality.DOCUMENT, "value", 42).build());
    tx.commit();
    var doc = db.get("a").orElseThrow();
    assertThat(doc.temporal().version()).isEqualTo(3);
    assertThat(HermitageTest.valueOf(doc)).isEqualTo(42); // the concurrent write survives
    assertThat(doc.document().orElseThrow().fields().get("note").toString()).contains("from tx");
    assertThat(db.verify(Progress.NONE).intact()).isTrue();
  }

  @Test
  void readCommittedWriteToAnOctadDeletedMeanwhileConflicts() {
    Database db = open();
    Transaction tx = db.begin(Isolation.READ_COMMITTED);
    set(tx, "a", 5);
    db.delete(A);
    assertCode(tx::commit, ErrorCode.WRITE_CONFLICT, "no longer applies");
    assertThat(db.exists(A)).isFalse();
  }

  @Test
  void inTransactionRetriesConflictsAndCommits() {
    Database db = open();
    AtomicInteger attempts = new AtomicInteger();
    long result = db.inTransaction(Isolation.SERIALIZABLE, tx -> {
      long v = value(tx, "a");
      if (attempts.incrementAndGet() == 1) {
        db.update(A, OctadPatch.builder().set(Modality.DOCUMENT, "value", 100).build()); // a concurrent commit
      }
      set(tx, "a", v + 1);
      return v + 1;
    });
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(result).isEqualTo(101);
    assertThat(value(db, "a")).isEqualTo(101);
  }

  @Test
  void aLockMakesOtherWritersWaitUntilTheHolderEnds() throws Exception {
    Database db = open();
    Transaction holder = db.begin(Isolation.READ_COMMITTED);
    holder.lock(A, Modality.DOCUMENT);
    CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
      db.update(A, OctadPatch.builder().set(Modality.DOCUMENT, "value", 2).build());
      return value(db, "a");
    });
    Thread.sleep(200);
    assertThat(writer).isNotDone();
    // A write that leaves the locked modality alone does not wait.
    db.update(A, OctadPatch.builder().temporal(org.verisimdb.model.write.TemporalInput.label("reviewed")).build());
    assertThat(writer).isNotDone();
    set(holder, "a", 50);
    holder.commit();
    assertThat(writer.get(10, TimeUnit.SECONDS)).isEqualTo(2); // applied after the holder's commit
    assertThat(db.get("a").orElseThrow().temporal().version()).isEqualTo(4);
  }

  @Test
  void aLockWaitEndsWithLockTimeout() {
    Database db = open(TransactionSettings.DEFAULTS.withLockTimeout(Duration.ofMillis(150)));
    Transaction holder = db.begin();
    holder.lock(A);
    Transaction other = db.begin();
    long started = System.nanoTime();
    assertCode(() -> other.lock(A, Modality.GRAPH), ErrorCode.LOCK_TIMEOUT, "held by transaction " + holder.id());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(140));
    assertThat(other.state()).isEqualTo("aborted");
    assertCode(() -> db.delete(A), ErrorCode.LOCK_TIMEOUT, "held by transaction " + holder.id());
    holder.rollback();
    db.delete(A);
  }

  @Test
  void aDeadlockAbortsOneTransactionAndTheOtherProceeds() throws Exception {
    Database db = open();
    Transaction t1 = db.begin();
    Transaction t2 = db.begin();
    t1.lock(A);
    t2.lock(B);
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
      waiting.countDown();
      t1.lock(B); // waits for t2
    });
    waiting.await();
    Thread.sleep(100);
    assertCode(() -> t2.lock(A), ErrorCode.DEADLOCK_DETECTED, "deadlock");
    assertThat(t2.state()).isEqualTo("aborted");
    first.get(10, TimeUnit.SECONDS); // t2's locks were released with its abort
    set(t1, "b", 20);
    t1.commit();
    assertThat(value(db, "b")).isEqualTo(20);
  }

  @Test
  void lockingWhatChangedAfterTheSnapshotConflicts() {
    Database db = open();
    Transaction tx = db.begin(Isolation.SNAPSHOT);
    value(tx, "b");
    db.update(A, OctadPatch.builder().set(Modality.DOCUMENT, "value", 9).build());
    assertCode(() -> tx.lock(A), ErrorCode.WRITE_CONFLICT, "locked octad 'a'");
  }

  @Test
  void tooManyWritesAbortTheTransaction() {
    Database db = open(TransactionSettings.DEFAULTS.withMaxSize(3, 1L << 20));
    Transaction tx = db.begin();
    for (int i = 0; i < 3; i++) {
      tx.create(row("n" + i, i));
    }
    assertCode(() -> tx.create(row("n3", 3)), ErrorCode.TRANSACTION_LIMIT, "txn.max_writes");
    assertCode(tx::commit, ErrorCode.TRANSACTION_ABORTED, "nothing of it was written");
    assertThat(db.exists(OctadId.of("n0"))).isFalse();
  }

  @Test
  void tooManyBytesAbortTheTransaction() {
    Database db = open(TransactionSettings.DEFAULTS.withMaxSize(1000, 1L << 20));
    Transaction tx = db.begin();
    String body = "x".repeat(200_000);
    assertCode(() -> {
      for (int i = 0; i < 10; i++) {
        tx.create(OctadInput.builder().id("big" + i).with(DocumentFacet.of("t", body)).build());
      }
    }, ErrorCode.TRANSACTION_LIMIT, "txn.max_mb");
    tx.rollback();
    assertThat(db.exists(OctadId.of("big0"))).isFalse();
  }

  @Test
  void anIdleTransactionIsAbortedAndReleasesItsLocks() throws Exception {
    Database db = open(TransactionSettings.DEFAULTS.withIdleTimeout(Duration.ofSeconds(1)));
    Transaction tx = db.begin();
    tx.lock(A);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!tx.state().equals("aborted") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(tx.state()).isEqualTo("aborted");
    assertCode(() -> value(tx, "a"), ErrorCode.TRANSACTION_ABORTED, "txn.idle_timeout_s");
    db.update(A, OctadPatch.builder().set(Modality.DOCUMENT, "value", 8).build()); // the lock is gone
    assertThat(value(db, "a")).isEqualTo(8);
  }

  @Test
  void retentionRemovesOldVersionsButNeverOnesAReaderSees() {
    Database db = open(TransactionSettings.DEFAULTS.withRetention(new TransactionSettings.Retention(2, null), Duration.ofHours(1)));
    for (int v = 2; v <= 6; v++) {
      set(db.begin(Isolation.READ_COMMITTED), "a", v); // rolled back by close: no effect
      db.update(A, OctadPatch.builder().set(Modality.DOCUMENT, "value", v * 10).build());
    }
    Transaction reader = db.begin(Isolation.SNAPSHOT);
    assertThat(value(reader, "a")).isEqualTo(60);
    db.update(A, OctadPatch.builder().set(Modality.DOCUMENT, "value", 70).build());
    db.update(A, OctadPatch.builder().set(Modality.DOCUMENT, "value", 80).build());
    HistoryCollector.Report report = ((EmbeddedDatabase) db).collectHistory();
    assertThat(report.removed()).isPositive();
    assertThat(value(reader, "a")).isEqualTo(60); // version 6 is kept for the open reader
    reader.commit();
    HistoryCollector.Report again = ((EmbeddedDatabase) db).collectHistory();
    assertThat(again.removed()).isPositive();
    assertThat(value(db, "a")).isEqualTo(80);
    assertThat(db.get("a").orElseThrow().temporal().versionCount()).isEqualTo(8); // records stay
    assertThat(db.verify(Progress.NONE).intact()).isTrue();
    assertThat(Map.of("b", value(db, "b"))).containsEntry("b", 2L);
  }
}
