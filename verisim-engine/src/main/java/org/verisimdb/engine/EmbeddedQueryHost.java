package org.verisimdb.engine;

import java.time.Instant;
import java.util.Set;
import org.verisimdb.engine.query.exec.QueryHost;
import org.verisimdb.index.embed.Embedder;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.model.OctadId;

/** The query executor's access to an embedded database. */
final class EmbeddedQueryHost implements QueryHost {
  private final EmbeddedDatabase db;
  private final Committer committer;
  private final DerivedState derived;

  EmbeddedQueryHost(EmbeddedDatabase db, Committer committer, DerivedState derived) {
    this.db = db;
    this.committer = committer;
    this.derived = derived;
  }

  @Override
  public DatabaseConfig config() {
    return db.config();
  }

  @Override
  public Scope open(Transaction tx, OctadId single) {
    if (tx != null) {
      return ((EmbeddedTransaction) tx).statementScope(single);
    }
    db.checkOpen();
    long at = committer.snapshots().acquire();
    return new Scope(at, db.readStore().at(at), Set.of(), Instant.now(), () -> committer.snapshots().release(at));
  }

  @Override
  public IndexView indexView(long lsn) {
    return derived.indexes.view(lsn);
  }

  @Override
  public Set<OctadId> writtenBetween(long afterLsn, long throughLsn) {
    return committer.recentWrites().between(afterLsn, throughLsn);
  }

  @Override
  public Session session(String principal) {
    return db.session(principal);
  }

  @Override
  public DatabaseStats stats() {
    return db.stats();
  }

  @Override
  public org.verisimdb.index.semantic.ContractRegistry contracts() {
    return derived.contracts;
  }

  @Override
  public Savepoint savepoint(Transaction tx) {
    EmbeddedTransaction t = (EmbeddedTransaction) tx;
    t.savepoint();
    return new Savepoint() {
      @Override
      public void undo() {
        t.undoToSavepoint();
      }

      @Override
      public void close() {
        t.releaseSavepoint();
      }
    };
  }

  @Override
  public void countStatement(Transaction tx) {
    ((EmbeddedTransaction) tx).countStatement();
  }

  @Override
  public java.util.List<TransactionInfo> transactions() {
    return db.openTransactions().stream().map(EmbeddedTransaction::info).toList();
  }

  @Override
  public Embedder embedder() {
    return org.verisimdb.engine.write.Embedders.shared();
  }

  @Override
  public java.nio.file.Path directory() {
    return db.directory();
  }

  @Override
  public StoreLocation storeLocation(org.verisimdb.model.Modality modality) {
    DatabaseConfig config = db.config();
    String backend = config.modalityBackends().getOrDefault(modality, config.backend());
    java.nio.file.Path root = db.directory();
    if (root == null) {
      return new StoreLocation(backend, "memory", null);
    }
    java.nio.file.Path dir = root.resolve("data").resolve(backend);
    return new StoreLocation(backend, dir.toString(), bytes(dir));
  }

  private static Long bytes(java.nio.file.Path dir) {
    if (!java.nio.file.Files.isDirectory(dir)) {
      return null;
    }
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
      return files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> {
        try {
          return java.nio.file.Files.size(f);
        } catch (java.io.IOException gone) {
          return 0;
        }
      }).sum();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return null;
    }
  }
}
