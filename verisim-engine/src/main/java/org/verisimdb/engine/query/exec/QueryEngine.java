package org.verisimdb.engine.query.exec;

import java.time.Duration;
import java.util.List;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.engine.query.drift.Consistency;
import org.verisimdb.engine.query.drift.EmbeddingDrift;
import org.verisimdb.index.embed.Embedder;
import org.verisimdb.index.embed.EmbeddingText;

/**
 * The VQL engine of one database: opens sessions that share its drift measures (with their
 * embedding cache) and its cursor key. The embedding model loads on first use. Thread-safe.
 */
public final class QueryEngine {
  private final QueryHost host;
  private final EmbeddingDrift drift;
  private final Consistency consistency;
  private final Cursors cursors = new Cursors(Duration.ofMinutes(10));
  private final QueryRuntime runtime;

  public QueryEngine(QueryHost host) {
    this.host = host;
    this.runtime = new QueryRuntime(host.config().queries(), host.directory());
    this.drift = new EmbeddingDrift(new LazyEmbedder(host), EmbeddingText.defaults());
    this.consistency = new Consistency(drift);
  }

  public VqlSession session(String principal) {
    return new EngineSession(host, principal, drift, consistency, cursors, runtime);
  }

  /** The learnt cost corrections, the plan cache and the slow query log of this database. */
  public org.verisimdb.engine.query.QueryTuning tuning() {
    return new org.verisimdb.engine.query.QueryTuning() {
      @Override
      public java.util.Map<String, Double> factors() {
        return runtime.tuner.factors();
      }

      @Override
      public void reset() {
        runtime.resetTuning();
      }

      @Override
      public long slowQueries() {
        return runtime.slow.total();
      }

      @Override
      public long statements() {
        return runtime.statements.sum();
      }
    };
  }

  /** Saves what the tuner learnt. */
  public void close() {
    runtime.close();
  }

  /** The host's model, asked for on the first embedding. */
  private record LazyEmbedder(QueryHost host) implements Embedder {
    @Override
    public String model() {
      return host.embedder().model();
    }

    @Override
    public int dimension() {
      return host.embedder().dimension();
    }

    @Override
    public float[] embed(String text) {
      return host.embedder().embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      return host.embedder().embedAll(texts);
    }

    @Override
    public void close() {}
  }
}
