package org.verisimdb.engine;

import java.time.Duration;
import java.util.concurrent.locks.Lock;
import java.util.function.LongSupplier;
import org.verisimdb.engine.index.IndexMaintainer;
import org.verisimdb.engine.index.IndexRecovery;
import org.verisimdb.engine.index.IndexReport;
import org.verisimdb.engine.schema.Contracts;
import org.verisimdb.engine.schema.EngineSchema;
import org.verisimdb.engine.schema.Schema;
import org.verisimdb.engine.schema.SchemaGuard;
import org.verisimdb.engine.search.IndexSearch;
import org.verisimdb.engine.search.Search;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.engine.write.AutoEmbedding;
import org.verisimdb.engine.write.Embedders;
import org.verisimdb.index.embed.Embedder;
import org.verisimdb.index.embed.EmbeddingText;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.wal.Wal;

/**
 * What a database derives from its committed octads and keeps in step with every commit: the
 * modality index and its maintainer, the schema guard with the registered contracts, and the
 * searches over them. Registered as commit listeners by its constructor.
 */
final class DerivedState implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.engine");

  final IndexMaintainer indexes;
  final SchemaGuard schemaGuard;
  final Contracts contracts = new Contracts();
  final Search search;
  private final OctadStore store;
  private final LongSupplier visibleLsn;
  private IndexRecovery.Outcome recovery;

  /**
   * @param directory null for an in-memory database
   * @param readLock the read side of the commit pipeline's visibility lock
   */
  DerivedState(DatabaseConfig config, DatabaseDirectory directory, OctadStore store, Committer committer, Lock readLock, LongSupplier visibleLsn) {
    this.store = store;
    this.visibleLsn = visibleLsn;
    OctadIndex index = OctadIndex.open(directory == null ? null : directory.root().resolve("index"), config.indexes().settings(config.vectorDimension()));
    this.indexes = new IndexMaintainer(index, store, committer.snapshots(), readLock);
    this.schemaGuard = SchemaGuard.load(contracts, store);
    committer.addListener(schemaGuard);
    committer.addListener(indexes);
    this.search = new IndexSearch(indexes, store, visibleLsn, config.maxLimit(), config.historyLimit(), schemaGuard::hierarchy,
        Embedders::shared, config.indexes().candidates());
  }

  /** The automatic embeddings the configuration asks for: off, or the model when its dimension is the configured one. */
  static AutoEmbedding autoEmbedding(DatabaseConfig config) {
    if (!config.indexes().autoEmbed()) {
      return AutoEmbedding.off();
    }
    Embedder model = Embedders.shared();
    if (model.dimension() != config.vectorDimension()) {
      LOG.log(System.Logger.Level.INFO, "automatic embeddings are off: vector.dimension is {0}, the model {1} makes {2}",
          config.vectorDimension(), model.model(), model.dimension());
      return AutoEmbedding.off();
    }
    return new AutoEmbedding(model, EmbeddingText.of(config.indexes().embedFields()));
  }

  /** Brings the index up to the stores (caught up from {@code log}, or rebuilt) and starts feeding it commits. */
  void start(Wal log, Progress progress) {
    recovery = IndexRecovery.recover(indexes.index(), store, visibleLsn.getAsLong(), log, progress);
    indexes.start();
  }

  /** What opening did to the index: nothing, a catch-up from the log, or a rebuild. */
  IndexRecovery.Outcome recovery() {
    return recovery;
  }

  Schema schema(Session writer) {
    return new EngineSchema(schemaGuard, contracts, writer);
  }

  IndexReport rebuildIndex(Progress progress) {
    long started = System.nanoTime();
    long octads = indexes.rebuild(progress);
    OctadIndex.Stats stats = indexes.index().stats();
    return new IndexReport(octads, stats.appliedLsn(), stats.bytes(), Duration.ofNanos(System.nanoTime() - started));
  }

  IndexReport compactIndex() {
    long started = System.nanoTime();
    awaitIndexed();
    indexes.index().compact(1);
    OctadIndex.Stats stats = indexes.index().stats();
    return new IndexReport(stats.octads(), stats.appliedLsn(), stats.bytes(), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Waits until the indexer has applied every visible commit, after which it holds no snapshot; quiet when the index failed. */
  void awaitIndexed() {
    try (IndexView view = indexes.view(visibleLsn.getAsLong())) {
      assert view.lsn() >= 0;
    } catch (VeriSimException e) {
      // a failed index holds no snapshot either
    }
  }

  @Override
  public void close() {
    indexes.close();
  }
}
